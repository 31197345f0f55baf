"""``PostgresStore``: the job store for workers on many machines.

The same contract as :class:`~statek_vm.jobs.sqlite.SQLiteStore`, on a
PostgreSQL server (``psycopg`` 3, the optional ``postgres`` extra:
``pip install 'statek-vm[postgres]'``).  The schema lives in
``sql/postgres/NNNN_*.sql``, in tables prefixed ``statek_vm_``; the applied
version is kept in ``statek_vm_schema`` and migrations run under an advisory
lock, so workers starting together apply each one once.

Claims lock the chosen row (``FOR UPDATE SKIP LOCKED``), so workers never
wait on each other's rows; claims of ``PENDING`` jobs under ``max_live``
also take a transaction advisory lock, so two machines cannot both take the
last place.  Every change that makes a job worth a look (a suspension, a
notify, a job made ready) sends ``NOTIFY statek_vm``, which workers on every
machine see at once through :meth:`changes`.

The signing key is not kept in the database (whoever can write rows must
not be able to sign them): pass ``key=`` or set ``$STATEK_VM_KEY`` (hex) on
every machine.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from statek_vm.exceptions import CapacityError, JobNotFoundError, JobStoreError
from statek_vm.jobs.doorbell import Doorbell
from statek_vm.jobs.model import JobRecord, Status
from statek_vm.jobs.store import (
    KEY_ENV,
    JobStore,
    claim_events,
    key_from_environment,
    migrations,
    record_from_row,
    recovery_outcome,
)

__all__ = ["SCHEMA_VERSION", "PostgresStore"]

_CHANNEL = "statek_vm"
# The advisory lock ids: migrations, and claims of PENDING jobs under max_live.
_MIGRATION_LOCK = 0x5747_4B01
_ROOM_LOCK = 0x5747_4B02


SCHEMA_VERSION = max(number for number, _, _ in migrations("postgres"))

_LIGHT = (
    "id, status, python, program_hash, filename, path, version, NULL::bytea AS snapshot, NULL::bytea AS awaited, "
    "awaited_summary, next_instr_num, line, function, wait_timeout, deadline, not_before, attempts, max_attempts, "
    "recoveries, lease_owner, lease_expires, cancel_requested, output, error, condition_error, created, updated"
)
_FULL = _LIGHT.replace("NULL::bytea AS snapshot, NULL::bytea AS awaited", "snapshot, awaited")


class PostgresStore(JobStore):
    """Jobs on a PostgreSQL server.

    Args:
        dsn: a libpq connection string or URL (``postgresql://user@host/db``).
        key: the snapshot signing key every worker shares (else ``$STATEK_VM_KEY``).

    Example::

        store = PostgresStore("postgresql://statek@db.internal/jobs", key=bytes.fromhex(os.environ["KEY"]))
        Runner(store, globals=bindings).work()
    """

    def __init__(self, dsn: str, *, key: bytes | None = None) -> None:
        try:
            import psycopg
        except ImportError:
            raise JobStoreError("PostgresStore needs psycopg 3: pip install 'statek-vm[postgres]'") from None
        self._psycopg = psycopg
        self.dsn = dsn
        self._key = key
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._listener: Any = None
        self._seen = 0
        self._migrate()

    def __repr__(self) -> str:
        return f"PostgresStore({re.sub(r':[^:@/]*@', ':***@', self.dsn)!r})"

    # -- connections and schema ------------------------------------------------

    def _db(self) -> Any:
        db = getattr(self._local, "db", None)
        if db is None or db.closed:
            try:
                db = self._psycopg.connect(self.dsn, autocommit=True)
            except self._psycopg.Error as error:
                raise JobStoreError(f"cannot connect to the job store {self!r}: {error}".strip()) from None
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[Any]:
        db = self._db()
        with db.transaction(), db.cursor() as cursor:
            yield cursor

    def _migrate(self) -> None:
        with self._write() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS statek_vm_schema (version INTEGER NOT NULL)")
            cur.execute("SELECT version FROM statek_vm_schema")
            row = cur.fetchone()
            current = row[0] if row else 0
            if row is None:
                cur.execute("INSERT INTO statek_vm_schema (version) VALUES (0)")
            if current > SCHEMA_VERSION:
                raise JobStoreError(
                    f"the job store {self!r} has schema version {current}, newer than this statek_vm "
                    f"understands ({SCHEMA_VERSION}): upgrade statek_vm"
                )
            for number, name, sql in migrations("postgres"):
                if number > current:
                    try:
                        cur.execute(sql)
                    except self._psycopg.Error as error:
                        raise JobStoreError(f"migration {name} failed on {self!r}: {error}") from None
                    cur.execute("UPDATE statek_vm_schema SET version = %s", (number,))

    def close(self) -> None:
        with self._lock:
            for db in [*self._connections, self._listener]:
                if db is not None:
                    with contextlib.suppress(Exception):
                        db.close()
            self._connections.clear()
            self._listener = None
        self._local = threading.local()

    # -- identity and programs ------------------------------------------------

    def signing_key(self) -> bytes:
        if self._key is None:
            self._key = key_from_environment()
            if self._key is None:
                raise JobStoreError(
                    "a PostgreSQL job store needs a signing key shared by every worker and kept out of the "
                    f"database: pass PostgresStore(dsn, key=...) or set ${KEY_ENV} (hex)"
                )
        return self._key

    def add_program(self, digest: str, filename: str, source: str) -> None:
        with self._write() as cur:
            cur.execute(
                "INSERT INTO statek_vm_programs (hash, filename, source, created) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (hash) DO NOTHING",
                (digest, filename, source, time.time()),
            )

    def program(self, digest: str) -> tuple[str, str]:
        row = (
            self._db().execute("SELECT source, filename FROM statek_vm_programs WHERE hash = %s", (digest,)).fetchone()
        )
        if row is None:
            raise JobStoreError(f"the job store {self!r} has no program {digest[:12]}")
        return row[0], row[1]

    # -- jobs --------------------------------------------------------------------

    def insert(self, record: JobRecord, *, max_live: int | None = None) -> None:
        with self._write() as cur:
            if max_live is not None:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_ROOM_LOCK,))
                cur.execute(
                    "SELECT count(*) FROM statek_vm_jobs "
                    "WHERE python = %s AND status IN ('PENDING', 'STARTED', 'SUSPENDED', 'READY')",
                    (record.python,),
                )
                (count,) = cur.fetchone()
                if count >= max_live:
                    raise CapacityError(
                        f"the job store holds {count} live or pending jobs, its maximum (max_live={max_live}): "
                        "the job was not submitted; retry later or raise the limit"
                    )
            cur.execute(
                "INSERT INTO statek_vm_jobs (id, status, python, program_hash, filename, path, version, wait_timeout, "
                "max_attempts, created, updated) VALUES (%s, %s, %s, %s, %s, %s, 0, %s, %s, %s, %s)",
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
            _add_events(cur, record.id, [{"event": "submitted", "at": record.created}])
            cur.execute(f"NOTIFY {_CHANNEL}")

    def get(self, job_id: str) -> JobRecord:
        db = self._db()
        row = db.execute(f"SELECT {_FULL} FROM statek_vm_jobs WHERE id = %s", (job_id,)).fetchone()
        if row is None and job_id and re.fullmatch(r"[0-9a-f]+", job_id):
            rows = db.execute(
                f"SELECT {_FULL} FROM statek_vm_jobs WHERE id LIKE %s LIMIT 2", (job_id + "%",)
            ).fetchall()
            if len(rows) > 1:
                raise JobNotFoundError(f"the id prefix {job_id!r} matches several jobs: give more of it")
            row = rows[0] if rows else None
        if row is None:
            raise JobNotFoundError(f"no job {job_id!r} in the job store {self!r}")
        record = _record(row)
        self._add_keys([record])
        return record

    def _add_keys(self, records: Sequence[JobRecord]) -> None:
        by_id = {r.id: r for r in records}
        if not by_id:
            return
        rows = self._db().execute(
            "SELECT job_id, key FROM statek_vm_waits WHERE job_id = ANY(%s) ORDER BY key", (list(by_id),)
        )
        for job_id, key in rows:
            by_id[job_id].keys += (key,)

    def jobs(
        self, *, statuses: Iterable[str] = (), python: str | None = None, limit: int = 100, newest_first: bool = True
    ) -> list[JobRecord]:
        where: list[str] = []
        args: list[Any] = []
        wanted = [Status(s).value for s in statuses]
        if wanted:
            where.append("status = ANY(%s)")
            args.append(wanted)
        if python is not None:
            where.append("python = %s")
            args.append(python)
        sql = f"SELECT {_LIGHT} FROM statek_vm_jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY created {'DESC' if newest_first else 'ASC'}, id LIMIT %s"
        args.append(int(limit))
        records = [_record(row) for row in self._db().execute(sql, args)]
        self._add_keys([r for r in records if r.status == Status.SUSPENDED])
        return records

    def counts(self, *, python: str | None = None) -> dict[Status, int]:
        sql = "SELECT status, count(*) FROM statek_vm_jobs"
        args: tuple[Any, ...] = ()
        if python is not None:
            sql, args = sql + " WHERE python = %s", (python,)
        found = dict(self._db().execute(sql + " GROUP BY status", args).fetchall())
        return {status: found.get(status.value, 0) for status in Status}

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self._db().execute("SELECT event FROM statek_vm_events WHERE job_id = %s ORDER BY id", (job_id,))
        return [dict(event) for (event,) in rows]

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
        with self._write() as cur:
            due = "(not_before IS NULL OR not_before <= %s)"
            if job_id is not None:
                cur.execute(
                    f"SELECT id, status FROM statek_vm_jobs WHERE id = %s AND python = %s AND ("
                    f"(status IN ('PENDING', 'READY') AND {due}) OR (status = 'SUSPENDED' AND version = %s)) "
                    "FOR UPDATE",
                    (job_id, python, now, -1 if ready_version is None else ready_version),
                )
                row = cur.fetchone()
                if row is not None and row[1] == "PENDING" and not self._has_room(cur, python, max_live):
                    return None
            else:
                cur.execute(
                    f"SELECT id, status FROM statek_vm_jobs WHERE python = %s AND status = 'READY' AND {due} "
                    "ORDER BY updated LIMIT 1 FOR UPDATE SKIP LOCKED",
                    (python, now),
                )
                row = cur.fetchone()
                if row is None and self._has_room(cur, python, max_live):
                    cur.execute(
                        f"SELECT id, status FROM statek_vm_jobs WHERE python = %s AND status = 'PENDING' AND {due} "
                        "ORDER BY created LIMIT 1 FOR UPDATE SKIP LOCKED",
                        (python, now),
                    )
                    row = cur.fetchone()
            if row is None:
                return None
            cur.execute(
                "UPDATE statek_vm_jobs SET status = 'STARTED', version = version + 1, lease_owner = %s, "
                "lease_expires = %s, wake = FALSE, updated = %s WHERE id = %s",
                (owner, now + lease, now, row[0]),
            )
            _add_events(cur, row[0], claim_events(row[1], owner, now))
            cur.execute(f"SELECT {_FULL} FROM statek_vm_jobs WHERE id = %s", (row[0],))
            return _record(cur.fetchone())

    @staticmethod
    def _has_room(cur: Any, python: str, max_live: int | None) -> bool:
        if max_live is None:
            return True
        # Serializes the count and the claim across machines: without it two
        # workers could each see one free place and both take it.
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_ROOM_LOCK,))
        cur.execute(
            "SELECT count(*) FROM statek_vm_jobs WHERE python = %s AND status IN ('STARTED', 'SUSPENDED', 'READY')",
            (python,),
        )
        (live,) = cur.fetchone()
        return bool(live < max_live)

    def renew(self, job_id: str, version: int, owner: str, expires: float) -> bool:
        with self._write() as cur:
            cur.execute(
                "UPDATE statek_vm_jobs SET lease_expires = %s "
                "WHERE id = %s AND version = %s AND lease_owner = %s AND status = 'STARTED'",
                (expires, job_id, version, owner),
            )
            return bool(cur.rowcount == 1)

    def commit(self, record: JobRecord, *, version: int, owner: str, events: Sequence[dict[str, Any]]) -> Status | None:
        with self._write() as cur:
            cur.execute(
                "SELECT version, lease_owner, status, cancel_requested FROM statek_vm_jobs WHERE id = %s FOR UPDATE",
                (record.id,),
            )
            row = cur.fetchone()
            if row is None or row[0] != version or row[1] != owner or row[2] != "STARTED":
                return None
            status = record.status
            extra: list[dict[str, Any]] = []
            if row[3] and status in (Status.SUSPENDED, Status.READY, Status.PENDING):
                status = Status.CANCELLED
                extra.append(
                    {"event": "cancelled", "reason": "cancellation requested while it ran", "at": record.updated}
                )
            cur.execute(
                "UPDATE statek_vm_jobs SET status = %s, version = version + 1, snapshot = %s, awaited = %s, "
                "awaited_summary = %s, next_instr_num = %s, line = %s, function = %s, deadline = %s, "
                "not_before = %s, attempts = %s, lease_owner = NULL, lease_expires = NULL, wake = %s, output = %s, "
                "error = %s, condition_error = NULL, updated = %s WHERE id = %s",
                (
                    status.value,
                    None if status == Status.COMPLETED else record.snapshot,
                    record.awaited if status == Status.SUSPENDED else None,
                    record.awaited_summary,
                    record.next_instr_num,
                    record.line,
                    record.function,
                    record.deadline,
                    record.not_before,
                    record.attempts,
                    status == Status.SUSPENDED,
                    record.output,
                    record.error,
                    record.updated,
                    record.id,
                ),
            )
            cur.execute("DELETE FROM statek_vm_waits WHERE job_id = %s", (record.id,))
            if status == Status.SUSPENDED and record.keys:
                cur.executemany(
                    "INSERT INTO statek_vm_waits (key, job_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    [(k, record.id) for k in record.keys],
                )
            _add_events(cur, record.id, [*events, *extra])
            cur.execute(f"NOTIFY {_CHANNEL}")
            return status

    def suspended(self, *, python: str, after: str = "", limit: int = 1000) -> list[tuple[str, int]]:
        rows = self._db().execute(
            "SELECT id, version FROM statek_vm_jobs WHERE python = %s AND status = 'SUSPENDED' AND id > %s "
            "ORDER BY id LIMIT %s",
            (python, after, limit),
        )
        return [(i, v) for i, v in rows]

    def awaited(self, job_ids: Sequence[str]) -> dict[str, tuple[int, bytes | None, str, str | None]]:
        rows = self._db().execute(
            "SELECT id, version, awaited, program_hash, path FROM statek_vm_jobs "
            "WHERE status = 'SUSPENDED' AND id = ANY(%s)",
            (list(job_ids),),
        )
        return {i: (v, bytes(b) if b is not None else None, h, p) for i, v, b, h, p in rows}

    def mark_ready(self, items: Sequence[tuple[str, int]], *, now: float) -> int:
        if not items:
            return 0
        done = 0
        with self._write() as cur:
            for job_id, version in items:
                cur.execute(
                    "UPDATE statek_vm_jobs SET status = 'READY', version = version + 1, wake = FALSE, "
                    "condition_error = NULL, updated = %s WHERE id = %s AND version = %s AND status = 'SUSPENDED'",
                    (now, job_id, version),
                )
                if cur.rowcount:
                    done += 1
                    _add_events(cur, job_id, [{"event": "ready", "at": now}])
            if done:
                cur.execute(f"NOTIFY {_CHANNEL}")
        return done

    def record_condition_error(self, job_id: str, version: int, message: str, *, now: float) -> None:
        with self._write() as cur:
            cur.execute(
                "UPDATE statek_vm_jobs SET condition_error = %s, updated = %s "
                "WHERE id = %s AND version = %s AND status = 'SUSPENDED'",
                (message, now, job_id, version),
            )
            if cur.rowcount:
                _add_events(cur, job_id, [{"event": "condition_error", "error": message, "at": now}])

    def take_woken(self, *, python: str, limit: int = 1000) -> list[tuple[str, int]]:
        with self._write() as cur:
            cur.execute(
                "UPDATE statek_vm_jobs SET wake = FALSE WHERE id IN ("
                "SELECT id FROM statek_vm_jobs WHERE python = %s AND wake LIMIT %s FOR UPDATE SKIP LOCKED"
                ") RETURNING id, version, status",
                (python, limit),
            )
            rows = cur.fetchall()
        return [(i, v) for i, v, s in rows if s == "SUSPENDED"]

    def wake(self, *, key: str | None = None, job_id: str | None = None) -> int:
        if (key is None) == (job_id is None):
            raise ValueError("wake() takes exactly one of key= and job_id=")
        with self._write() as cur:
            if key is not None:
                cur.execute(
                    "UPDATE statek_vm_jobs SET wake = TRUE WHERE status = 'SUSPENDED' "
                    "AND id IN (SELECT job_id FROM statek_vm_waits WHERE key = %s)",
                    (key,),
                )
            else:
                cur.execute("UPDATE statek_vm_jobs SET wake = TRUE WHERE status = 'SUSPENDED' AND id = %s", (job_id,))
            count = int(cur.rowcount)
            if count:
                cur.execute(f"NOTIFY {_CHANNEL}")
            return count

    def expire_leases(self, *, now: float, max_recoveries: int = 3) -> list[str]:
        with self._write() as cur:
            cur.execute(
                "SELECT id, snapshot IS NOT NULL, recoveries, lease_owner FROM statek_vm_jobs "
                "WHERE status = 'STARTED' AND lease_expires < %s FOR UPDATE SKIP LOCKED",
                (now,),
            )
            rows = cur.fetchall()
            for job_id, has_snapshot, recoveries, owner in rows:
                status, event = recovery_outcome(bool(has_snapshot), recoveries, max_recoveries, owner, now)
                cur.execute(
                    "UPDATE statek_vm_jobs SET status = %s, version = version + 1, recoveries = recoveries + 1, "
                    "lease_owner = NULL, lease_expires = NULL, error = %s, updated = %s WHERE id = %s",
                    (status.value, event.get("error"), now, job_id),
                )
                _add_events(cur, job_id, [event])
            if rows:
                cur.execute(f"NOTIFY {_CHANNEL}")
        return [r[0] for r in rows]

    def due_timeouts(self, *, python: str, now: float, limit: int = 100) -> list[JobRecord]:
        rows = self._db().execute(
            f"SELECT {_LIGHT} FROM statek_vm_jobs WHERE python = %s AND status = 'SUSPENDED' "
            "AND deadline IS NOT NULL AND deadline < %s ORDER BY deadline LIMIT %s",
            (python, now, limit),
        )
        return [_record(row) for row in rows]

    def end_wait(
        self, job_id: str, version: int, *, status: Status | None, deadline: float | None, reason: str, now: float
    ) -> bool:
        with self._write() as cur:
            if status is None:
                cur.execute(
                    "UPDATE statek_vm_jobs SET deadline = %s, updated = %s "
                    "WHERE id = %s AND version = %s AND status = 'SUSPENDED'",
                    (deadline, now, job_id, version),
                )
                event = {"event": "wait_extended", "deadline": deadline, "reason": reason, "at": now}
            else:
                cur.execute(
                    "UPDATE statek_vm_jobs SET status = %s, version = version + 1, error = %s, wake = FALSE, "
                    "updated = %s WHERE id = %s AND version = %s AND status = 'SUSPENDED'",
                    (Status(status).value, reason, now, job_id, version),
                )
                event = {"event": Status(status).value.lower(), "reason": reason, "at": now}
            changed = bool(cur.rowcount)
            if changed:
                if status is not None:
                    cur.execute("DELETE FROM statek_vm_waits WHERE job_id = %s", (job_id,))
                _add_events(cur, job_id, [event])
            return changed

    def cancel(self, job_id: str, *, now: float) -> Status:
        record = self.get(job_id)
        with self._write() as cur:
            cur.execute("SELECT status FROM statek_vm_jobs WHERE id = %s FOR UPDATE", (record.id,))
            current = Status(cur.fetchone()[0])
            if current in (Status.COMPLETED, Status.FAILED, Status.TIMED_OUT, Status.CANCELLED):
                return current
            if current == Status.STARTED:
                cur.execute(
                    "UPDATE statek_vm_jobs SET cancel_requested = TRUE, updated = %s WHERE id = %s", (now, record.id)
                )
                _add_events(cur, record.id, [{"event": "cancel_requested", "at": now}])
                return current
            cur.execute(
                "UPDATE statek_vm_jobs SET status = 'CANCELLED', version = version + 1, cancel_requested = TRUE, "
                "wake = FALSE, updated = %s WHERE id = %s",
                (now, record.id),
            )
            cur.execute("DELETE FROM statek_vm_waits WHERE job_id = %s", (record.id,))
            _add_events(cur, record.id, [{"event": "cancelled", "from": current.value, "at": now}])
            return Status.CANCELLED

    def reopen(self, job_id: str, *, now: float) -> bool:
        with self._write() as cur:
            cur.execute(
                "UPDATE statek_vm_jobs SET status = 'READY', version = version + 1, error = NULL, deadline = NULL, "
                "not_before = NULL, updated = %s "
                "WHERE id = %s AND status IN ('FAILED', 'TIMED_OUT') AND snapshot IS NOT NULL",
                (now, job_id),
            )
            changed = bool(cur.rowcount)
            if changed:
                _add_events(cur, job_id, [{"event": "reopened", "note": "continues from its last snapshot", "at": now}])
                cur.execute(f"NOTIFY {_CHANNEL}")
            return changed

    def doorbell(self, worker_id: str) -> Doorbell | None:
        try:
            return _ListenDoorbell(self._psycopg.connect(self.dsn, autocommit=True))
        except self._psycopg.Error:
            return None

    def changes(self) -> int:
        """Counts the ``NOTIFY statek_vm`` seen on a listening connection (no wait)."""
        with self._lock:
            if self._listener is None:
                self._listener = self._psycopg.connect(self.dsn, autocommit=True)
                self._listener.execute(f"LISTEN {_CHANNEL}")
            for _ in self._listener.notifies(timeout=0.0):
                self._seen += 1
            return self._seen


class _ListenDoorbell(Doorbell):
    """A doorbell on PostgreSQL: a connection listening on the store's channel."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        connection.execute(f"LISTEN {_CHANNEL}")

    def wait(self, timeout: float) -> bool:
        rung = False
        for _ in self._connection.notifies(timeout=max(0.0, timeout), stop_after=1):
            rung = True
        if rung:
            for _ in self._connection.notifies(timeout=0.0):
                pass  # one wake-up serves every ring that arrived
        return rung

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._connection.close()


def _add_events(cur: Any, job_id: str, events: Sequence[dict[str, Any]]) -> None:
    if events:
        cur.executemany(
            "INSERT INTO statek_vm_events (job_id, at, event) VALUES (%s, %s, %s::jsonb)",
            [(job_id, e.get("at", 0.0), json.dumps(e, default=str)) for e in events],
        )


def _record(row: Sequence[Any]) -> JobRecord:
    values = list(row)
    for index in (7, 8):  # snapshot, awaited: memoryview/bytes from the driver
        if values[index] is not None:
            values[index] = bytes(values[index])
    return record_from_row(values)
