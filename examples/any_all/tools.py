"""Durable lookups (searches, a profile, a calendar), and the temporal wait for one.

Lookups live in ``lookups.db`` (SQLite) in the working directory. The job
keeps :class:`Lookup` handles (an id and the database's path), which pickle
into its snapshot; a worker in another process rebuilds them and reads each
lookup's state as it is now. ``get_any_future`` and ``get_all_future``
combine the waits on several of them; each input keeps its own key, so
completing any one lookup wakes the job to check.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

DATABASE = "lookups.db"


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS lookups (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, query TEXT NOT NULL, "
        "result TEXT, version INTEGER NOT NULL DEFAULT 0)"
    )
    return db


@dataclass(frozen=True)
class Lookup:
    """A durable handle: a lookup's id in a database, never its result."""

    lookup_id: int
    path: str

    @property
    def __statek_key__(self) -> str:
        # The key `complete.py` notifies when this lookup has its result.
        return f"lookup:{self.lookup_id}"

    def row(self) -> tuple[str | None, int]:
        with closing(connect(self.path)) as db:
            row = db.execute("SELECT result, version FROM lookups WHERE id = ?", (self.lookup_id,)).fetchone()
        if row is None:
            raise LookupError(f"no lookup {self.lookup_id} in {self.path}")
        return row


def start_lookup(kind: str, query: str) -> Lookup:
    """Ask for a lookup; another process (a search service, say) completes it."""
    path = os.path.abspath(DATABASE)
    with closing(connect(path)) as db:
        cursor = db.execute("INSERT INTO lookups (kind, query) VALUES (?, ?)", (kind, query))
        assert cursor.lastrowid is not None
        return Lookup(cursor.lastrowid, path)


def complete_lookup(lookup_id: int, result: str, path: str = DATABASE) -> Lookup:
    """Record a lookup's result (what `complete.py` does); the first result stays."""
    lookup = Lookup(lookup_id, os.path.abspath(path))
    lookup.row()  # an unknown id is an error
    with closing(connect(lookup.path)) as db:
        db.execute(
            "UPDATE lookups SET result = ?, version = version + 1 WHERE id = ? AND result IS NULL",
            (result, lookup_id),
        )
    return lookup


def lookup_result(future: FutureResult) -> str:
    """The complement: the lookup's result; it only reads."""
    result, _ = future.deps.row()
    if result is None:
        raise FutureError(future)
    return result


def lookup_done(future: FutureResult) -> bool:
    """The condition: one indexed read, because workers poll it."""
    return future.deps.row()[0] is not None


@temporal(complement=lookup_result, condition=lookup_done)
def wait_for_lookup(lookup: Lookup) -> str | FutureResult:
    result, version = lookup.row()
    if result is not None:
        return result
    return FutureResult(deps=lookup, state_num=version)
