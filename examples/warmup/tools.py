"""A durable task queue, and the temporal warmup step that picks the next task.

The queue lives in ``queue.db`` (SQLite) in the working directory. Jobs keep
handles to it (:class:`TaskQueue`, :class:`Pick`: a name, an id and the
database's path), never the tasks themselves, so that a worker in another
process rebuilds the handle from the job's snapshot and reads the queue as it
is now.

Several jobs wait on one queue, so a task must go to exactly one of them, and
a complement may run more than once (a job resumed again from its last
snapshot after its worker died). Picking is therefore a claim keyed by the
pick's own id: the first fetch claims the oldest free task for that pick, and
any later fetch of the same pick returns the same task. A job whose condition
passed but whose task was taken by a faster job simply waits on.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

DATABASE = "queue.db"


def connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute(
        "CREATE TABLE IF NOT EXISTS tasks (id INTEGER PRIMARY KEY, queue TEXT NOT NULL, user TEXT NOT NULL, "
        "text TEXT NOT NULL, created_at REAL NOT NULL, picked_by TEXT UNIQUE, answer TEXT)"
    )
    return db


@dataclass(frozen=True)
class Message:
    text: str
    created_at: float


@dataclass(frozen=True)
class Task:
    """A picked task: the value the job resumes with."""

    task_id: int
    user: str
    message: Message


@dataclass(frozen=True)
class TaskQueue:
    """A durable handle on one named queue."""

    name: str
    path: str

    @classmethod
    def open(cls, name: str, path: str = DATABASE) -> TaskQueue:
        queue = cls(name, os.path.abspath(path))
        connect(queue.path).close()
        return queue

    @property
    def __statek_key__(self) -> str:
        # The key the producer notifies: every job waiting on this queue is
        # checked at once instead of at the workers' next sweep.
        return f"queue:{self.name}"

    def has_ready_task(self) -> bool:
        with closing(connect(self.path)) as db:
            row = db.execute("SELECT 1 FROM tasks WHERE queue = ? AND picked_by IS NULL LIMIT 1", (self.name,))
            return row.fetchone() is not None

    @property
    def version(self) -> int:
        with closing(connect(self.path)) as db:
            (count,) = db.execute("SELECT count(*) FROM tasks WHERE queue = ?", (self.name,)).fetchone()
        return int(count)

    def add(self, user: str, text: str) -> int:
        """Add a task (what the producer does); returns its id."""
        with closing(connect(self.path)) as db:
            cursor = db.execute(
                "INSERT INTO tasks (queue, user, text, created_at) VALUES (?, ?, ?, ?)",
                (self.name, user, text, time.time()),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def take(self, picker: str) -> Task | None:
        """The task claimed by ``picker``: claimed now if it has none yet. Idempotent."""
        with closing(connect(self.path)) as db:
            db.execute("BEGIN IMMEDIATE")
            mine = "SELECT id, user, text, created_at FROM tasks WHERE picked_by = ?"
            row = db.execute(mine, (picker,)).fetchone()
            if row is None:
                db.execute(
                    "UPDATE tasks SET picked_by = ? WHERE id = (SELECT id FROM tasks "
                    "WHERE queue = ? AND picked_by IS NULL ORDER BY id LIMIT 1)",
                    (picker, self.name),
                )
                row = db.execute(mine, (picker,)).fetchone()
            db.execute("COMMIT")
        if row is None:
            return None
        task_id, user, text, created_at = row
        return Task(task_id, user, Message(text, created_at))

    def tasks(self) -> list[tuple[int, str, str, str | None]]:
        """``(id, user, text, answer)`` of every task, oldest first."""
        with closing(connect(self.path)) as db:
            query = "SELECT id, user, text, answer FROM tasks WHERE queue = ? ORDER BY id"
            return db.execute(query, (self.name,)).fetchall()


@dataclass(frozen=True)
class Pick:
    """One job's pending pick: the queue, and the id its claim is keyed by."""

    queue: TaskQueue
    picker: str

    @property
    def __statek_key__(self) -> str:
        return self.queue.__statek_key__

    def take(self) -> Task | None:
        return self.queue.take(self.picker)


def fetch_task(future: FutureResult) -> Task:
    """The complement: this pick's task, claimed once however often it runs."""
    task = future.deps.take()
    if task is None:
        raise FutureError(future)  # a faster job took the last task: wait for the next
    return task


def task_available(future: FutureResult) -> bool:
    """The condition: one indexed read, because workers poll it."""
    return future.deps.queue.has_ready_task()


@temporal(complement=fetch_task, condition=task_available)
def pick_next_task(queue: TaskQueue) -> Task | FutureResult:
    picker = secrets.token_hex(8)
    task = queue.take(picker)
    if task is not None:
        return task
    return FutureResult(deps=Pick(queue, picker), state_num=queue.version)


def answer_task(queue: TaskQueue, task: Task, answer: str) -> None:
    """Record the job's answer to its task."""
    with closing(connect(queue.path)) as db:
        db.execute("UPDATE tasks SET answer = ? WHERE id = ?", (answer, task.task_id))
