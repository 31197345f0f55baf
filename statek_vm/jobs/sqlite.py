"""``SQLiteStore``: the embedded default job store, one file.

The schema lives in ``sql/sqlite/NNNN_*.sql`` files, applied in order and recorded
in ``PRAGMA user_version``; a database written by a newer statek_vm (a
higher version than the files here) is refused rather than misread.

Every step is one transaction.  Steps that read and then write (a claim, a
commit) start with ``BEGIN IMMEDIATE``, which takes SQLite's write lock
first, so two processes can never both read "version 7" and both write.
The journal is WAL (readers never block the writer) with
``synchronous=NORMAL``: a committed transaction survives any crash of the
process (``SIGKILL`` included); after a power loss the last transactions may
be lost, but the database is never corrupt.  Pass ``synchronous="FULL"`` to
keep those too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from statek_vm.exceptions import CapacityError, JobNotFoundError, JobStoreError
from statek_vm.jobs.doorbell import Doorbell, SocketDoorbell, ring_addresses
from statek_vm.jobs.model import JobRecord, Status
from statek_vm.jobs.store import (
    JobStore,
    claim_events,
    key_from_environment,
    migrations,
    record_from_row,
    recovery_outcome,
)

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]


SCHEMA_VERSION = max(number for number, _, _ in migrations("sqlite"))

# Columns of a record without its blobs, for listings.
_LIGHT = (
    "id, status, python, program_hash, filename, path, version, NULL AS snapshot, NULL AS awaited, awaited_summary, "
    "next_instr_num, line, function, wait_timeout, deadline, not_before, attempts, max_attempts, recoveries, "
    "lease_owner, lease_expires, cancel_requested, output, error, condition_error, created, updated"
)
_FULL = _LIGHT.replace("NULL AS snapshot, NULL AS awaited", "snapshot, awaited")


class SQLiteStore(JobStore):
    """Jobs in a SQLite file (``":memory:"`` is refused: use :class:`MemoryStore`).

    Safe for many threads (a connection per thread) and many processes on
    one machine.  For workers on many machines, use a server database.

    Example::

        store = SQLiteStore("jobs.db")
        runner = Runner(store, globals={"wait_for_approval": wait_for_approval})
        job_id = runner.submit(source)
    """

    def __init__(self, path: str | os.PathLike[str], *, synchronous: str = "NORMAL", timeout: float = 30.0) -> None:
        self.path = os.fspath(path)
        if self.path in ("", ":memory:") or self.path.startswith("file:"):
            raise ValueError(f"SQLiteStore needs a file path, not {self.path!r} (use MemoryStore for memory)")
        if synchronous.upper() not in ("NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"synchronous must be NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._synchronous = synchronous.upper()
        self._timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._key: bytes | None = None
        self._sender: socket.socket | None = None
        self._migrate()

    # -- connections and schema ------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as error:
                raise JobStoreError(f"cannot open the job store {self.path!r}: {error}") from None
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(f"PRAGMA synchronous = {self._synchronous}")
            db.execute("PRAGMA foreign_keys = ON")
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the write lock from its start."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise JobStoreError(
                    f"the job store {self.path!r} has schema version {current}, newer than this statek_vm "
                    f"understands ({SCHEMA_VERSION}): upgrade statek_vm"
                )
            for number, name, sql in migrations("sqlite"):
                if number > current:
                    for statement in _statements(sql):
                        try:
                            db.execute(statement)
                        except sqlite3.Error as error:
                            raise JobStoreError(f"migration {name} failed on {self.path!r}: {error}") from None
                    db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
            self._connections.clear()
            if self._sender is not None:
                self._sender.close()
                self._sender = None
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # -- identity and programs ------------------------------------------------

    def signing_key(self) -> bytes:
        if self._key is None:
            self._key = _load_key(self.path + ".key")
        return self._key

    def add_program(self, digest: str, filename: str, source: str) -> None:
        self._db().execute(
            "INSERT OR IGNORE INTO programs (hash, filename, source, created) VALUES (?, ?, ?, ?)",
            (digest, filename, source, time.time()),
        )

    def program(self, digest: str) -> tuple[str, str]:
        row = self._db().execute("SELECT source, filename FROM programs WHERE hash = ?", (digest,)).fetchone()
        if row is None:
            raise JobStoreError(f"the job store {self.path!r} has no program {digest[:12]}")
        return row[0], row[1]

    # -- jobs --------------------------------------------------------------------

    def insert(self, record: JobRecord, *, max_live: int | None = None) -> None:
        with self._write() as db:
            if max_live is not None:
                (count,) = db.execute(
                    "SELECT count(*) FROM jobs "
                    "WHERE python = ? AND status IN ('PENDING', 'STARTED', 'SUSPENDED', 'READY')",
                    (record.python,),
                ).fetchone()
                if count >= max_live:
                    raise CapacityError(
                        f"the job store holds {count} live or pending jobs, its maximum (max_live={max_live}): "
                        "the job was not submitted; retry later or raise the limit"
                    )
            db.execute(
                "INSERT INTO jobs (id, status, python, program_hash, filename, path, version, wait_timeout, "
                "max_attempts, created, updated) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                (
                    record.id,
                    record.status.value,
                    record.python,
                    record.program_hash,
                    record.filename,
                    record.path,
                    record.wait_timeout,
                    record.max_attempts,
                    record.created,
                    record.updated,
                ),
            )
            _add_events(db, record.id, [{"event": "submitted", "at": record.created}])
        self._ring()

    def get(self, job_id: str) -> JobRecord:
        db = self._db()
        row = db.execute(f"SELECT {_FULL} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None and job_id and re.fullmatch(r"[0-9a-f]+", job_id):
            rows = db.execute(f"SELECT {_FULL} FROM jobs WHERE id LIKE ? LIMIT 2", (job_id + "%",)).fetchall()
            if len(rows) > 1:
                raise JobNotFoundError(f"the id prefix {job_id!r} matches several jobs: give more of it")
            row = rows[0] if rows else None
        if row is None:
            raise JobNotFoundError(f"no job {job_id!r} in the job store {self.path!r}")
        record = record_from_row(row)
        self._add_keys(db, [record])
        return record

    def jobs(
        self, *, statuses: Iterable[str] = (), python: str | None = None, limit: int = 100, newest_first: bool = True
    ) -> list[JobRecord]:
        where: list[str] = []
        args: list[Any] = []
        wanted = [Status(s).value for s in statuses]
        if wanted:
            where.append(f"status IN ({', '.join('?' * len(wanted))})")
            args.extend(wanted)
        if python is not None:
            where.append("python = ?")
            args.append(python)
        sql = f"SELECT {_LIGHT} FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY created {'DESC' if newest_first else 'ASC'}, id LIMIT ?"
        args.append(int(limit))
        db = self._db()
        records = [record_from_row(row) for row in db.execute(sql, args)]
        self._add_keys(db, [r for r in records if r.status == Status.SUSPENDED])
        return records

    @staticmethod
    def _add_keys(db: sqlite3.Connection, records: Sequence[JobRecord]) -> None:
        by_id = {r.id: r for r in records}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = db.execute(
                f"SELECT job_id, key FROM waits WHERE job_id IN ({', '.join('?' * len(chunk))}) ORDER BY key", chunk
            )
            for job_id, key in rows:
                by_id[job_id].keys += (key,)

    def counts(self, *, python: str | None = None) -> dict[Status, int]:
        sql = "SELECT status, count(*) FROM jobs"
        args: tuple[Any, ...] = ()
        if python is not None:
            sql, args = sql + " WHERE python = ?", (python,)
        found = dict(self._db().execute(sql + " GROUP BY status", args).fetchall())
        return {status: found.get(status.value, 0) for status in Status}

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self._db().execute("SELECT event FROM events WHERE job_id = ? ORDER BY seq", (job_id,))
        return [json.loads(event) for (event,) in rows]

    # -- the worker's steps ---------------------------------------------------------

    def claim(
        self,
        owner: str,
        *,
        python: str,
        lease: float,
        now: float,
        max_live: int | None = None,
        job_id: str | None = None,
        ready_version: int | None = None,
    ) -> JobRecord | None:
        # Asked at every step of every worker: a plain read first, and the
        # write lock only when there is something to take.
        if job_id is None:
            probe = "SELECT 1 FROM jobs WHERE python = ? AND status IN ('READY', 'PENDING') LIMIT 1"
            if self._db().execute(probe, (python,)).fetchone() is None:
                return None
        with self._write() as db:
            due = "(not_before IS NULL OR not_before <= ?)"
            if job_id is not None:
                row = db.execute(
                    f"SELECT id, status FROM jobs WHERE id = ? AND python = ? AND ("
                    f"(status IN ('PENDING', 'READY') AND {due}) OR (status = 'SUSPENDED' AND version = ?))",
                    (job_id, python, now, -1 if ready_version is None else ready_version),
                ).fetchone()
            else:
                row = db.execute(
                    f"SELECT id, status FROM jobs WHERE python = ? AND status = 'READY' AND {due} "
                    "ORDER BY updated LIMIT 1",
                    (python, now),
                ).fetchone()
                if row is None and self._has_room(db, python, max_live):
                    row = db.execute(
                        f"SELECT id, status FROM jobs WHERE python = ? AND status = 'PENDING' AND {due} "
                        "ORDER BY created LIMIT 1",
                        (python, now),
                    ).fetchone()
            if row is None:
                return None
            if job_id is not None and row[1] == "PENDING" and not self._has_room(db, python, max_live):
                return None
            db.execute(
                "UPDATE jobs SET status = 'STARTED', version = version + 1, lease_owner = ?, lease_expires = ?, "
                "wake = 0, updated = ? WHERE id = ?",
                (owner, now + lease, now, row[0]),
            )
            _add_events(db, row[0], claim_events(row[1], owner, now))
            return record_from_row(db.execute(f"SELECT {_FULL} FROM jobs WHERE id = ?", (row[0],)).fetchone())

    @staticmethod
    def _has_room(db: sqlite3.Connection, python: str, max_live: int | None) -> bool:
        if max_live is None:
            return True
        (live,) = db.execute(
            "SELECT count(*) FROM jobs WHERE python = ? AND status IN ('STARTED', 'SUSPENDED', 'READY')", (python,)
        ).fetchone()
        return bool(live < max_live)

    def renew(self, job_id: str, version: int, owner: str, expires: float) -> bool:
        cursor = self._db().execute(
            "UPDATE jobs SET lease_expires = ? WHERE id = ? AND version = ? AND lease_owner = ? AND status = 'STARTED'",
            (expires, job_id, version, owner),
        )
        return cursor.rowcount == 1

    def commit(self, record: JobRecord, *, version: int, owner: str, events: Sequence[dict[str, Any]]) -> Status | None:
        with self._write() as db:
            row = db.execute(
                "SELECT version, lease_owner, status, cancel_requested FROM jobs WHERE id = ?", (record.id,)
            ).fetchone()
            if row is None or row[0] != version or row[1] != owner or row[2] != "STARTED":
                return None
            status = record.status
            extra: list[dict[str, Any]] = []
            if row[3] and status in (Status.SUSPENDED, Status.READY, Status.PENDING):
                status = Status.CANCELLED
                extra.append(
                    {"event": "cancelled", "reason": "cancellation requested while it ran", "at": record.updated}
                )
            snapshot = None if status == Status.COMPLETED else record.snapshot
            db.execute(
                "UPDATE jobs SET status = ?, version = version + 1, snapshot = ?, awaited = ?, awaited_summary = ?, "
                "next_instr_num = ?, line = ?, function = ?, deadline = ?, not_before = ?, attempts = ?, "
                "lease_owner = NULL, lease_expires = NULL, wake = ?, output = ?, error = ?, condition_error = NULL, "
                "updated = ? WHERE id = ?",
                (
                    status.value,
                    snapshot,
                    record.awaited if status == Status.SUSPENDED else None,
                    record.awaited_summary,
                    record.next_instr_num,
                    record.line,
                    record.function,
                    record.deadline,
                    record.not_before,
                    record.attempts,
                    1 if status == Status.SUSPENDED else 0,
                    record.output,
                    record.error,
                    record.updated,
                    record.id,
                ),
            )
            db.execute("DELETE FROM waits WHERE job_id = ?", (record.id,))
            if status == Status.SUSPENDED and record.keys:
                db.executemany(
                    "INSERT OR IGNORE INTO waits (key, job_id) VALUES (?, ?)", [(k, record.id) for k in record.keys]
                )
            _add_events(db, record.id, [*events, *extra])
            return status

    def suspended(self, *, python: str, after: str = "", limit: int = 1000) -> list[tuple[str, int]]:
        rows = self._db().execute(
            "SELECT id, version FROM jobs WHERE python = ? AND status = 'SUSPENDED' AND id > ? ORDER BY id LIMIT ?",
            (python, after, limit),
        )
        return [(i, v) for i, v in rows]

    def awaited(self, job_ids: Sequence[str]) -> dict[str, tuple[int, bytes | None, str, str | None]]:
        found: dict[str, tuple[int, bytes | None, str, str | None]] = {}
        db = self._db()
        for start in range(0, len(job_ids), 500):
            chunk = list(job_ids[start : start + 500])
            rows = db.execute(
                "SELECT id, version, awaited, program_hash, path FROM jobs "
                f"WHERE status = 'SUSPENDED' AND id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for job_id, version, blob, program_hash, path in rows:
                found[job_id] = (version, blob, program_hash, path)
        return found

    def mark_ready(self, items: Sequence[tuple[str, int]], *, now: float) -> int:
        if not items:
            return 0
        done = 0
        with self._write() as db:
            for job_id, version in items:
                cursor = db.execute(
                    "UPDATE jobs SET status = 'READY', version = version + 1, wake = 0, condition_error = NULL, "
                    "updated = ? WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (now, job_id, version),
                )
                if cursor.rowcount:
                    done += 1
                    _add_events(db, job_id, [{"event": "ready", "at": now}])
        if done:
            self._ring()
        return done

    def record_condition_error(self, job_id: str, version: int, message: str, *, now: float) -> None:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE jobs SET condition_error = ?, updated = ? "
                "WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                (message, now, job_id, version),
            )
            if cursor.rowcount:
                _add_events(db, job_id, [{"event": "condition_error", "error": message, "at": now}])

    def take_woken(self, *, python: str, limit: int = 1000) -> list[tuple[str, int]]:
        # Asked at every step of a worker: a plain read first, the write lock
        # only when there is something to take.
        if self._db().execute("SELECT 1 FROM jobs WHERE python = ? AND wake = 1 LIMIT 1", (python,)).fetchone() is None:
            return []
        with self._write() as db:
            rows = db.execute(
                "SELECT id, version, status FROM jobs WHERE python = ? AND wake = 1 LIMIT ?", (python, limit)
            ).fetchall()
            if rows:
                db.executemany("UPDATE jobs SET wake = 0 WHERE id = ?", [(r[0],) for r in rows])
        return [(i, v) for i, v, s in rows if s == "SUSPENDED"]

    def wake(self, *, key: str | None = None, job_id: str | None = None) -> int:
        if (key is None) == (job_id is None):
            raise ValueError("wake() takes exactly one of key= and job_id=")
        if key is not None:
            cursor = self._db().execute(
                "UPDATE jobs SET wake = 1 "
                "WHERE status = 'SUSPENDED' AND id IN (SELECT job_id FROM waits WHERE key = ?)",
                (key,),
            )
        else:
            cursor = self._db().execute("UPDATE jobs SET wake = 1 WHERE status = 'SUSPENDED' AND id = ?", (job_id,))
        if cursor.rowcount:
            self._ring()
        return cursor.rowcount

    def expire_leases(self, *, now: float, max_recoveries: int = 3) -> list[str]:
        with self._write() as db:
            rows = db.execute(
                "SELECT id, snapshot IS NOT NULL, recoveries, lease_owner FROM jobs "
                "WHERE status = 'STARTED' AND lease_expires < ?",
                (now,),
            ).fetchall()
            for job_id, has_snapshot, recoveries, owner in rows:
                status, event = recovery_outcome(bool(has_snapshot), recoveries, max_recoveries, owner, now)
                db.execute(
                    "UPDATE jobs SET status = ?, version = version + 1, recoveries = recoveries + 1, "
                    "lease_owner = NULL, lease_expires = NULL, error = ?, updated = ? WHERE id = ?",
                    (status.value, event.get("error"), now, job_id),
                )
                _add_events(db, job_id, [event])
        if rows:
            self._ring()
        return [r[0] for r in rows]

    def due_timeouts(self, *, python: str, now: float, limit: int = 100) -> list[JobRecord]:
        rows = self._db().execute(
            f"SELECT {_LIGHT} FROM jobs WHERE python = ? AND status = 'SUSPENDED' AND deadline IS NOT NULL "
            "AND deadline < ? ORDER BY deadline LIMIT ?",
            (python, now, limit),
        )
        return [record_from_row(row) for row in rows]

    def end_wait(
        self, job_id: str, version: int, *, status: Status | None, deadline: float | None, reason: str, now: float
    ) -> bool:
        with self._write() as db:
            if status is None:
                cursor = db.execute(
                    "UPDATE jobs SET deadline = ?, updated = ? WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (deadline, now, job_id, version),
                )
                event = {"event": "wait_extended", "deadline": deadline, "reason": reason, "at": now}
            else:
                cursor = db.execute(
                    "UPDATE jobs SET status = ?, version = version + 1, error = ?, wake = 0, updated = ? "
                    "WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (Status(status).value, reason, now, job_id, version),
                )
                db.execute("DELETE FROM waits WHERE job_id = ?", (job_id,))
                event = {"event": Status(status).value.lower(), "reason": reason, "at": now}
            if cursor.rowcount:
                _add_events(db, job_id, [event])
            return bool(cursor.rowcount)

    def cancel(self, job_id: str, *, now: float) -> Status:
        record = self.get(job_id)
        with self._write() as db:
            (status,) = db.execute("SELECT status FROM jobs WHERE id = ?", (record.id,)).fetchone()
            current = Status(status)
            if current in (Status.COMPLETED, Status.FAILED, Status.TIMED_OUT, Status.CANCELLED):
                return current
            if current == Status.STARTED:
                db.execute("UPDATE jobs SET cancel_requested = 1, updated = ? WHERE id = ?", (now, record.id))
                _add_events(db, record.id, [{"event": "cancel_requested", "at": now}])
                return current
            db.execute(
                "UPDATE jobs SET status = 'CANCELLED', version = version + 1, cancel_requested = 1, wake = 0, "
                "updated = ? WHERE id = ?",
                (now, record.id),
            )
            db.execute("DELETE FROM waits WHERE job_id = ?", (record.id,))
            _add_events(db, record.id, [{"event": "cancelled", "from": current.value, "at": now}])
            return Status.CANCELLED

    def reopen(self, job_id: str, *, now: float) -> bool:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE jobs SET status = 'READY', version = version + 1, error = NULL, deadline = NULL, "
                "not_before = NULL, updated = ? "
                "WHERE id = ? AND status IN ('FAILED', 'TIMED_OUT') AND snapshot IS NOT NULL",
                (now, job_id),
            )
            if cursor.rowcount:
                _add_events(db, job_id, [{"event": "reopened", "note": "continues from its last snapshot", "at": now}])
            reopened = bool(cursor.rowcount)
        if reopened:
            self._ring()
        return reopened

    def changes(self) -> int:
        return int(self._db().execute("PRAGMA data_version").fetchone()[0])

    def doorbell(self, worker_id: str) -> Doorbell | None:
        if not sys.platform.startswith("linux"):
            return None  # abstract Unix socket addresses are Linux's
        where = hashlib.sha256(os.path.realpath(self.path).encode()).hexdigest()[:16]
        address = f"\0statek-vm/{where}/{worker_id}/{secrets.token_hex(4)}".encode()[:100]
        try:
            bell = SocketDoorbell(address, self._forget_doorbell)
        except OSError:
            return None
        self._db().execute(
            "INSERT OR REPLACE INTO doorbells (address, worker, created) VALUES (?, ?, ?)",
            (address, worker_id, time.time()),
        )
        return bell

    def _forget_doorbell(self, address: bytes) -> None:
        self._db().execute("DELETE FROM doorbells WHERE address = ?", (address,))

    def _ring(self) -> None:
        """Ring every idle worker's doorbell: there may be work (after a commit)."""
        try:
            addresses = [a for (a,) in self._db().execute("SELECT address FROM doorbells")]
            if not addresses:
                return
            if self._sender is None:
                self._sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                self._sender.setblocking(False)
            gone = ring_addresses(self._sender, addresses)
            if gone:
                self._db().executemany("DELETE FROM doorbells WHERE address = ?", [(a,) for a in gone])
        except (OSError, sqlite3.Error):
            pass  # a doorbell is a fast path: workers still look for changes between waits


def _statements(sql: str) -> list[str]:
    """A migration's statements (no statement of ours holds a ';' in a literal)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _add_events(db: sqlite3.Connection, job_id: str, events: Sequence[dict[str, Any]]) -> None:
    if not events:
        return
    (seq,) = db.execute("SELECT coalesce(max(seq), 0) FROM events WHERE job_id = ?", (job_id,)).fetchone()
    db.executemany(
        "INSERT INTO events (job_id, seq, at, event) VALUES (?, ?, ?, ?)",
        [(job_id, seq + n, e.get("at", 0.0), json.dumps(e, default=str)) for n, e in enumerate(events, 1)],
    )


def _load_key(path: str) -> bytes:
    """The store's signing key: ``$STATEK_VM_KEY`` (hex), else the key file, created once."""
    key = key_from_environment()
    if key is not None:
        return key
    try:
        with open(path, "rb") as file:
            return bytes.fromhex(file.read().decode("ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError:
        raise JobStoreError(f"the key file {path!r} is not a hex key") from None
    # Written whole under another name, then linked into place: a process
    # that races us either makes the link or reads the complete file.
    key = secrets.token_bytes(32)
    temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as file:
            file.write(key.hex())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return _load_key(path)
    finally:
        os.unlink(temporary)
    return key
