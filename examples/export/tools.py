"""Durable background exports, and the temporal wait for one to finish.

Exports live in ``exports.db`` (SQLite) in the working directory; the files
they produce go to ``exports/``. The job keeps an :class:`Export` handle (the
export's id and the database's path), which pickles into its snapshot; a
worker in another process rebuilds it and reads the export's state as it is
now.

Starting an export is a side effect, so it happens once, before the wait, in
ordinary code: the job never runs it again when it resumes. The complement
only reads the finished export's URL, so running it twice is harmless.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

DATABASE = "exports.db"


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS exports (id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, "
        "status TEXT NOT NULL DEFAULT 'running', output_url TEXT, version INTEGER NOT NULL DEFAULT 0)"
    )
    return db


@dataclass(frozen=True)
class Export:
    """A durable handle: an export's id in a database, never its state."""

    export_id: int
    path: str

    @property
    def __statek_key__(self) -> str:
        # The key `finish_export.py` notifies when the export is complete.
        return f"export:{self.export_id}"

    def row(self) -> tuple[str, str, str | None, int]:
        with closing(connect(self.path)) as db:
            query = "SELECT dataset, status, output_url, version FROM exports WHERE id = ?"
            row = db.execute(query, (self.export_id,)).fetchone()
        if row is None:
            raise LookupError(f"no export {self.export_id} in {self.path}")
        return row

    @property
    def status(self) -> str:
        return self.row()[1]


def start_export(dataset: str) -> Export:
    """Ask for an export of ``dataset``; a separate exporter process does the work."""
    path = os.path.abspath(DATABASE)
    with closing(connect(path)) as db:
        cursor = db.execute("INSERT INTO exports (dataset) VALUES (?)", (dataset,))
        assert cursor.lastrowid is not None
        return Export(cursor.lastrowid, path)


def finish_export(export_id: int, path: str = DATABASE) -> Export:
    """Do the export (what `finish_export.py` does): write the file, then mark it complete."""
    export = Export(export_id, os.path.abspath(path))
    dataset, status, _, _ = export.row()
    if status == "complete":
        return export  # a duplicate completion is harmless
    folder = Path(export.path).parent / "exports"
    folder.mkdir(exist_ok=True)
    target = folder / f"{dataset}.csv"
    with open(target, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["order", "amount"])
        writer.writerows([["A-1001", "120.00"], ["A-1002", "75.50"], ["A-1003", "42.25"]])
    with closing(connect(export.path)) as db:
        db.execute(
            "UPDATE exports SET status = 'complete', output_url = ?, version = version + 1 WHERE id = ?",
            (target.as_uri(), export_id),
        )
    return export


def export_result(future: FutureResult) -> str:
    """The complement: the finished export's URL; it only reads."""
    _, status, output_url, _ = future.deps.row()
    if status != "complete":
        raise FutureError(future)
    return str(output_url)


def export_complete(future: FutureResult) -> bool:
    """The condition: one indexed read, because workers poll it."""
    return future.deps.status == "complete"


@temporal(complement=export_result, condition=export_complete)
def wait_for_export(export: Export) -> str | FutureResult:
    _, status, output_url, version = export.row()
    if status == "complete":
        return str(output_url)
    return FutureResult(deps=export, state_num=version)


def build_report(output_url: str) -> str:
    """Read the exported file and summarize it."""
    with open(url2pathname(urlparse(output_url).path), newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    total = sum(float(row["amount"]) for row in rows)
    return f"{len(rows)} orders, total {total:.2f}, from {output_url}"
