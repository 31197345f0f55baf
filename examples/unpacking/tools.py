"""A durable poll, and the temporal wait for its outcome: a pair, (option, votes).

Polls and votes live in ``polls.db`` (SQLite) in the working directory. The
job keeps a :class:`Poll` handle (the poll's id and the database's path),
which pickles into its snapshot; a worker in another process rebuilds it and
counts the votes as they are now.

The complement declares that it returns ``tuple[str, int]``: that fixed size
is what lets a pending outcome be unpacked, ``option, votes = ...``, into two
``FutureElement`` objects before anything is known.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

DATABASE = "polls.db"


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.executescript(
        "CREATE TABLE IF NOT EXISTS polls (id INTEGER PRIMARY KEY, question TEXT NOT NULL, "
        "options TEXT NOT NULL, quorum INTEGER NOT NULL);"
        "CREATE TABLE IF NOT EXISTS votes (poll INTEGER NOT NULL, voter TEXT NOT NULL, "
        "option TEXT NOT NULL, PRIMARY KEY (poll, voter));"
    )
    return db


@dataclass(frozen=True)
class Poll:
    """A durable handle: a poll's id in a database, never its votes."""

    poll_id: int
    quorum: int
    path: str

    @property
    def __statek_key__(self) -> str:
        # The key `vote.py` notifies after each vote.
        return f"poll:{self.poll_id}"

    def tally(self) -> list[tuple[str, int]]:
        """``(option, votes)``, most votes first; ties go to the option listed first."""
        with closing(connect(self.path)) as db:
            (options,) = db.execute("SELECT options FROM polls WHERE id = ?", (self.poll_id,)).fetchone()
            counts = dict(
                db.execute("SELECT option, count(*) FROM votes WHERE poll = ? GROUP BY option", (self.poll_id,))
            )
        order = options.split(",")
        return sorted(((option, counts.get(option, 0)) for option in order), key=lambda item: -item[1])

    def vote_count(self) -> int:
        with closing(connect(self.path)) as db:
            (count,) = db.execute("SELECT count(*) FROM votes WHERE poll = ?", (self.poll_id,)).fetchone()
        return int(count)


def open_poll(question: str, options: list[str], quorum: int) -> Poll:
    """Open a poll that is decided once ``quorum`` people have voted."""
    path = os.path.abspath(DATABASE)
    with closing(connect(path)) as db:
        cursor = db.execute(
            "INSERT INTO polls (question, options, quorum) VALUES (?, ?, ?)", (question, ",".join(options), quorum)
        )
        assert cursor.lastrowid is not None
        return Poll(cursor.lastrowid, quorum, path)


def cast_vote(poll_id: int, voter: str, option: str, path: str = DATABASE) -> Poll:
    """Record a vote (what `vote.py` does); a voter's later vote replaces the earlier one."""
    with closing(connect(os.path.abspath(path))) as db:
        row = db.execute("SELECT options, quorum FROM polls WHERE id = ?", (poll_id,)).fetchone()
        if row is None:
            raise SystemExit(f"no poll {poll_id}")
        options, quorum = row
        if option not in options.split(","):
            raise SystemExit(f"poll {poll_id} has the options {options}, not {option!r}")
        db.execute("INSERT OR REPLACE INTO votes (poll, voter, option) VALUES (?, ?, ?)", (poll_id, voter, option))
    return Poll(poll_id, quorum, os.path.abspath(path))


def fetch_outcome(future: FutureResult) -> tuple[str, int]:
    """The complement: the winning option and its votes, once the quorum voted."""
    poll = future.deps
    if poll.vote_count() < poll.quorum:
        raise FutureError(future)
    return poll.tally()[0]


def poll_decided(future: FutureResult) -> bool:
    """The condition: one count, because workers poll it."""
    return future.deps.vote_count() >= future.deps.quorum


@temporal(complement=fetch_outcome, condition=poll_decided)
def wait_for_outcome(poll: Poll) -> FutureResult:
    return FutureResult(deps=poll, state_num=poll.vote_count())
