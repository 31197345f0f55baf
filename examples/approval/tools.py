"""Durable approval requests, and the temporal wait for a human's decision.

The requests live in ``approvals.db`` (SQLite) in the working directory, not
in memory: the job that waits for a decision may be resumed by a worker in
another process, hours later. What the job keeps is an
:class:`ApprovalRequest` handle, the request's id and the database's path,
which pickles into the job's snapshot and reads the current state whenever it
is asked.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

DATABASE = "approvals.db"
DECIDED = ("approved", "rejected")


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, summary TEXT NOT NULL, "
        "status TEXT NOT NULL DEFAULT 'pending', reviewer TEXT, version INTEGER NOT NULL DEFAULT 0)"
    )
    return db


@dataclass(frozen=True)
class ApprovalRequest:
    """A durable handle: an id in a database, never the state itself."""

    request_id: int
    path: str

    @property
    def __statek_key__(self) -> str:
        # The key `approve.py` notifies, so that the job is checked at once
        # rather than at the workers' next sweep.
        return f"approval:{self.request_id}"

    def row(self) -> tuple[str, str, str | None, int]:
        with closing(connect(self.path)) as db:
            row = db.execute(
                "SELECT summary, status, reviewer, version FROM requests WHERE id = ?", (self.request_id,)
            ).fetchone()
        if row is None:
            raise LookupError(f"no approval request {self.request_id} in {self.path}")
        return row

    @property
    def status(self) -> str:
        return self.row()[1]

    @property
    def version(self) -> int:
        return self.row()[3]


@dataclass(frozen=True)
class Decision:
    """What was decided: the value the job resumes with."""

    request_id: int
    status: str
    reviewer: str | None


def request_approval(summary: str) -> ApprovalRequest:
    """Store a new pending request. A job runs this once: it is never replayed."""
    path = os.path.abspath(DATABASE)
    with closing(connect(path)) as db:
        cursor = db.execute("INSERT INTO requests (summary) VALUES (?)", (summary,))
        assert cursor.lastrowid is not None
        return ApprovalRequest(cursor.lastrowid, path)


def decide(request_id: int, status: str, reviewer: str, path: str = DATABASE) -> ApprovalRequest:
    """Record a decision (what `approve.py` does); a request is decided once."""
    if status not in DECIDED:
        raise ValueError(f"a decision is one of {DECIDED}, not {status!r}")
    request = ApprovalRequest(request_id, os.path.abspath(path))
    with closing(connect(request.path)) as db:
        changed = db.execute(
            "UPDATE requests SET status = ?, reviewer = ?, version = version + 1 WHERE id = ? AND status = 'pending'",
            (status, reviewer, request_id),
        ).rowcount
    if not changed:
        raise SystemExit(f"request {request_id} is not pending (it is {request.status})")
    return request


def fetch_decision(future: FutureResult) -> Decision:
    """The complement: read the decision; idempotent, it only reads."""
    request = future.deps
    _, status, reviewer, _ = request.row()
    if status not in DECIDED:
        raise FutureError(future)
    return Decision(request.request_id, status, reviewer)


def is_decided(future: FutureResult) -> bool:
    """The condition: one indexed read, because workers poll it."""
    return future.deps.status in DECIDED


@temporal(complement=fetch_decision, condition=is_decided)
def wait_for_approval(request: ApprovalRequest) -> Decision | FutureResult:
    _, status, reviewer, version = request.row()
    if status in DECIDED:
        return Decision(request.request_id, status, reviewer)
    return FutureResult(deps=request, state_num=version)


def apply_change(change: str) -> None:
    """The side effect the approval guards: appended to ``applied.log``."""
    with open("applied.log", "a", encoding="utf-8") as log:
        log.write(change + "\n")
