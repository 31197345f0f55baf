"""``SQLStore``: the job steps in SQL, written once for every SQL store.

:class:`~statek_vm.jobs.sqlite.SQLiteStore` and
:class:`~statek_vm.jobs.postgres.PostgresStore` keep the same tables and take
the same steps; what differs is how each database connects, locks, numbers
its events and tells other workers about new work.  The steps are written
here once, in one SQL: ``?`` placeholders, the tables' short names
(``jobs``, ``programs``, ``waits``, ``events``), ``TRUE``/``FALSE``, and the
row locks PostgreSQL needs (``FOR UPDATE``, ``FOR UPDATE SKIP LOCKED``).
Each store translates a statement to its own SQL once (:meth:`SQLStore._sql`,
cached) and supplies the rest: :meth:`_db`, :meth:`_write`, :meth:`_announce`,
:meth:`_lock_room`, :meth:`_in` and :meth:`_add_events`.

Every step that changes a job is one transaction, and every change of a job
bumps ``version``: a writer names the version it read and changes nothing if
the row moved on since.
"""

from __future__ import annotations

import abc
import contextlib
import json
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from statek_vm.exceptions import CapacityError, JobNotFoundError, JobStoreError
from statek_vm.jobs.model import LIVE, TERMINAL, JobRecord, Status
from statek_vm.jobs.results import signed_with as result_signed_with
from statek_vm.jobs.store import JobStore, claim_events, read_result, record_from_row, recovery_outcome
from statek_vm.snapshot.envelope import signed_with

__all__ = ["SQLStore"]

# Columns of a record without its blobs, for listings, in record_from_row's order.
_LIGHT = (
    "id, status, python, program_hash, filename, path, version, NULL AS snapshot, NULL AS awaited, awaited_summary, "
    "next_instr_num, line, function, wait_timeout, deadline, not_before, attempts, max_attempts, recoveries, "
    "lease_owner, lease_expires, cancel_requested, output, error, condition_error, created, updated, limits, inputs, "
    "NULL AS result, result_json, result_repr, error_type, error_message"
)
_FULL = _LIGHT.replace("NULL AS snapshot, NULL AS awaited", "snapshot, awaited").replace("NULL AS result", "result")

# A claimable job: runnable now (a retried job waits for its not_before).
_DUE = "(not_before IS NULL OR not_before <= ?)"


def _sql_set(statuses: Iterable[Status]) -> str:
    """A SQL list of status names, from the model's sets (the names are spelled there)."""
    return "(" + ", ".join(f"'{status.value}'" for status in sorted(statuses)) + ")"


_LIVE_OR_PENDING = _sql_set(LIVE | {Status.PENDING})
_LIVE = _sql_set(LIVE)

# Ids asked about in one statement at most.
_CHUNK = 500


class SQLStore(JobStore):
    """The steps of :class:`JobStore` in SQL; a subclass connects and translates."""

    # -- what a SQL store supplies ----------------------------------------------

    @abc.abstractmethod
    def _sql(self, statement: str) -> str:
        """``statement`` (in this module's SQL) in the database's own."""

    @abc.abstractmethod
    def _db(self) -> Any:
        """This thread's connection, in autocommit mode (one statement, one transaction)."""

    @abc.abstractmethod
    def _write(self) -> contextlib.AbstractContextManager[Any]:
        """One write transaction; yields what executes its statements."""

    @abc.abstractmethod
    def _announce(self, tx: Any) -> None:
        """Tell idle workers that the transaction ``tx`` made work (once it commits)."""

    @abc.abstractmethod
    def _add_events(self, tx: Any, job_id: str, events: Sequence[dict[str, Any]]) -> None:
        """Append ``events`` to a job's history, in order."""

    @abc.abstractmethod
    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``(SQL, parameters)`` of the test that a value is one of ``values``: ``IN (...)`` or ``= ANY(?)``."""

    def _lock_room(self, tx: Any) -> None:
        """Serialize the count of live jobs and the claim or insert that follows it, across workers.

        Nothing to do where write transactions are serialized already.
        """

    def _label(self) -> str:
        """How error messages name this store."""
        return repr(self)

    # -- the signing key -------------------------------------------------------------

    def _checked_key(self, key: bytes, source: str, remedy: str) -> bytes:
        """``key`` if it signed the store's snapshots, else an error that says what to do.

        One stored snapshot is checked (one row, one HMAC): every process
        signs with the store's one key, so a key that fails on one snapshot
        would fail on all, and its worker would leave every job suspended
        with a signature error.
        """
        row = self._read("SELECT id, snapshot FROM jobs WHERE snapshot IS NOT NULL LIMIT 1").fetchone()
        if row is not None and not signed_with(bytes(row[1]), key):
            raise JobStoreError(
                f"the signing key ({source}) is not the key of the job store {self._label()}: the snapshot of its "
                f"job {row[0][:12]} fails its check with it, and no job of the store could resume. {remedy}"
            )
        if row is None:
            # No snapshot: a completed job's signed result tells as well.
            row = self._read("SELECT id, result FROM jobs WHERE result IS NOT NULL LIMIT 1").fetchone()
            if row is not None and not result_signed_with(bytes(row[1]), key):
                raise JobStoreError(
                    f"the signing key ({source}) is not the key of the job store {self._label()}: the result of "
                    f"its job {row[0][:12]} fails its check with it. {remedy}"
                )
        return key

    def _holds_signed(self) -> bool:
        """Whether the store keeps anything signed with its key (a job's snapshot or result)."""
        held = "SELECT 1 FROM jobs WHERE snapshot IS NOT NULL OR result IS NOT NULL LIMIT 1"
        return self._read(held).fetchone() is not None

    # -- running statements --------------------------------------------------------

    def _run(self, tx: Any, statement: str, args: Sequence[Any] = ()) -> Any:
        return tx.execute(self._sql(statement), args)

    def _read(self, statement: str, args: Sequence[Any] = ()) -> Any:
        return self._db().execute(self._sql(statement), args)

    def _chunks(self, statement: str, values: Sequence[Any], args: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of ``statement`` (whose ``{in}`` tests against ``values``), asked in chunks."""
        for start in range(0, len(values), _CHUNK):
            test, params = self._in(values[start : start + _CHUNK])
            yield from self._read(statement.replace("{in}", test), [*args, *params])

    # -- programs ----------------------------------------------------------------

    def add_program(self, digest: str, filename: str, source: str) -> None:
        self._read(
            "INSERT INTO programs (hash, filename, source, created) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
            (digest, filename, source, time.time()),
        )

    def program(self, digest: str) -> tuple[str, str]:
        row = self._read("SELECT source, filename FROM programs WHERE hash = ?", (digest,)).fetchone()
        if row is None:
            raise JobStoreError(f"the job store {self._label()} has no program {digest[:12]}")
        return row[0], row[1]

    # -- jobs ----------------------------------------------------------------------

    def insert(self, record: JobRecord, *, max_live: int | None = None) -> None:
        with self._write() as tx:
            if max_live is not None:
                self._lock_room(tx)
                (count,) = self._run(
                    tx, f"SELECT count(*) FROM jobs WHERE python = ? AND status IN {_LIVE_OR_PENDING}", (record.python,)
                ).fetchone()
                if count >= max_live:
                    raise CapacityError(
                        f"the job store holds {count} live or pending jobs, its maximum (max_live={max_live}): "
                        "the job was not submitted; retry later or raise the limit"
                    )
            if self._run(tx, "SELECT 1 FROM jobs WHERE id = ?", (record.id,)).fetchone() is not None:
                raise JobStoreError(f"a job {record.id!r} exists already")
            self._run(
                tx,
                "INSERT INTO jobs (id, status, python, program_hash, filename, path, version, wait_timeout, "
                "max_attempts, created, updated, limits, inputs) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
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
                    None if record.limits is None else json.dumps(record.limits),
                    None if record.inputs is None else json.dumps(record.inputs),
                ),
            )
            self._add_events(tx, record.id, [{"event": "submitted", "at": record.created}])
            self._announce(tx)

    def get(self, job_id: str) -> JobRecord:
        row = self._read(f"SELECT {_FULL} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None and job_id and re.fullmatch(r"[0-9a-f]+", job_id):
            rows = self._read(f"SELECT {_FULL} FROM jobs WHERE id LIKE ? LIMIT 2", (job_id + "%",)).fetchall()
            if len(rows) > 1:
                raise JobNotFoundError(f"the id prefix {job_id!r} matches several jobs: give more of it")
            row = rows[0] if rows else None
        if row is None:
            raise JobNotFoundError(f"no job {job_id!r} in the job store {self._label()}")
        record = record_from_row(row)
        self._add_keys([record])
        read_result(record, self.signing_key)
        return record

    def jobs(
        self, *, statuses: Iterable[str] = (), python: str | None = None, limit: int = 100, newest_first: bool = True
    ) -> list[JobRecord]:
        where: list[str] = []
        args: list[Any] = []
        wanted = [Status(s).value for s in statuses]
        if wanted:
            test, params = self._in(wanted)
            where.append(f"status {test}")
            args.extend(params)
        if python is not None:
            where.append("python = ?")
            args.append(python)
        sql = f"SELECT {_LIGHT} FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY created {'DESC' if newest_first else 'ASC'}, id LIMIT ?"
        args.append(int(limit))
        records = [record_from_row(row) for row in self._read(sql, args)]
        self._add_keys([r for r in records if r.status == Status.SUSPENDED])
        return records

    def _add_keys(self, records: Sequence[JobRecord]) -> None:
        by_id = {r.id: r for r in records}
        for job_id, key in self._chunks("SELECT job_id, key FROM waits WHERE job_id {in} ORDER BY key", list(by_id)):
            by_id[job_id].keys += (key,)

    def counts(self, *, python: str | None = None) -> dict[Status, int]:
        sql = "SELECT status, count(*) FROM jobs"
        args: tuple[Any, ...] = ()
        if python is not None:
            sql, args = sql + " WHERE python = ?", (python,)
        found = dict(self._read(sql + " GROUP BY status", args).fetchall())
        return {status: found.get(status.value, 0) for status in Status}

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
        # Asked at every step of every worker: a plain read first, and a
        # write transaction only when there is something to take.
        if job_id is None:
            probe = "SELECT 1 FROM jobs WHERE python = ? AND status IN ('READY', 'PENDING') LIMIT 1"
            if self._read(probe, (python,)).fetchone() is None:
                return None
        with self._write() as tx:
            if job_id is not None:
                row = self._run(
                    tx,
                    f"SELECT id, status FROM jobs WHERE id = ? AND python = ? AND ("
                    f"(status IN ('PENDING', 'READY') AND {_DUE}) OR (status = 'SUSPENDED' AND version = ?)) "
                    "FOR UPDATE",
                    (job_id, python, now, -1 if ready_version is None else ready_version),
                ).fetchone()
                if row is not None and row[1] == "PENDING" and not self._has_room(tx, python, max_live):
                    return None
            else:
                row = self._run(
                    tx,
                    f"SELECT id, status FROM jobs WHERE python = ? AND status = 'READY' AND {_DUE} "
                    "ORDER BY updated LIMIT 1 FOR UPDATE SKIP LOCKED",
                    (python, now),
                ).fetchone()
                if row is None and self._has_room(tx, python, max_live):
                    row = self._run(
                        tx,
                        f"SELECT id, status FROM jobs WHERE python = ? AND status = 'PENDING' AND {_DUE} "
                        "ORDER BY created LIMIT 1 FOR UPDATE SKIP LOCKED",
                        (python, now),
                    ).fetchone()
            if row is None:
                return None
            self._run(
                tx,
                "UPDATE jobs SET status = 'STARTED', version = version + 1, lease_owner = ?, lease_expires = ?, "
                "wake = FALSE, updated = ? WHERE id = ?",
                (owner, now + lease, now, row[0]),
            )
            self._add_events(tx, row[0], claim_events(row[1], owner, now))
            return record_from_row(self._run(tx, f"SELECT {_FULL} FROM jobs WHERE id = ?", (row[0],)).fetchone())

    def _has_room(self, tx: Any, python: str, max_live: int | None) -> bool:
        if max_live is None:
            return True
        self._lock_room(tx)
        (live,) = self._run(
            tx, f"SELECT count(*) FROM jobs WHERE python = ? AND status IN {_LIVE}", (python,)
        ).fetchone()
        return bool(live < max_live)

    def renew(self, job_id: str, version: int, owner: str, expires: float) -> bool:
        cursor = self._read(
            "UPDATE jobs SET lease_expires = ? WHERE id = ? AND version = ? AND lease_owner = ? AND status = 'STARTED'",
            (expires, job_id, version, owner),
        )
        return bool(cursor.rowcount == 1)

    def commit(self, record: JobRecord, *, version: int, owner: str, events: Sequence[dict[str, Any]]) -> Status | None:
        with self._write() as tx:
            row = self._run(
                tx,
                "SELECT version, lease_owner, status, cancel_requested FROM jobs WHERE id = ? FOR UPDATE",
                (record.id,),
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
            self._run(
                tx,
                "UPDATE jobs SET status = ?, version = version + 1, snapshot = ?, awaited = ?, awaited_summary = ?, "
                "next_instr_num = ?, line = ?, function = ?, deadline = ?, not_before = ?, attempts = ?, "
                "lease_owner = NULL, lease_expires = NULL, wake = ?, output = ?, error = ?, error_type = ?, "
                "error_message = ?, condition_error = NULL, result = ?, result_json = ?, result_repr = ?, "
                "updated = ? WHERE id = ?",
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
                    record.error_type,
                    record.error_message,
                    record.result_data if status == Status.COMPLETED else None,
                    record.result_json if status == Status.COMPLETED else None,
                    record.result_repr if status == Status.COMPLETED else None,
                    record.updated,
                    record.id,
                ),
            )
            self._run(tx, "DELETE FROM waits WHERE job_id = ?", (record.id,))
            if status == Status.SUSPENDED and record.keys:
                tx.executemany(
                    self._sql("INSERT INTO waits (key, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                    [(k, record.id) for k in record.keys],
                )
            self._add_events(tx, record.id, [*events, *extra])
            self._announce(tx)
            return status

    def suspended(self, *, python: str, after: str = "", limit: int = 1000) -> list[tuple[str, int]]:
        rows = self._read(
            "SELECT id, version FROM jobs WHERE python = ? AND status = 'SUSPENDED' AND id > ? ORDER BY id LIMIT ?",
            (python, after, limit),
        )
        return [(i, v) for i, v in rows]

    def awaited(self, job_ids: Sequence[str]) -> dict[str, tuple[int, bytes | None, str, str | None]]:
        rows = self._chunks(
            "SELECT id, version, awaited, program_hash, path FROM jobs WHERE status = 'SUSPENDED' AND id {in}",
            list(job_ids),
        )
        return {i: (v, None if b is None else bytes(b), h, p) for i, v, b, h, p in rows}

    def mark_ready(self, items: Sequence[tuple[str, int]], *, now: float) -> int:
        if not items:
            return 0
        done = 0
        with self._write() as tx:
            for job_id, version in items:
                cursor = self._run(
                    tx,
                    "UPDATE jobs SET status = 'READY', version = version + 1, wake = FALSE, condition_error = NULL, "
                    "updated = ? WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (now, job_id, version),
                )
                if cursor.rowcount:
                    done += 1
                    self._add_events(tx, job_id, [{"event": "ready", "at": now}])
            if done:
                self._announce(tx)
        return done

    def record_condition_error(self, job_id: str, version: int, message: str, *, now: float) -> None:
        with self._write() as tx:
            cursor = self._run(
                tx,
                "UPDATE jobs SET condition_error = ?, updated = ? "
                "WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                (message, now, job_id, version),
            )
            if cursor.rowcount:
                self._add_events(tx, job_id, [{"event": "condition_error", "error": message, "at": now}])

    def take_woken(self, *, python: str, limit: int = 1000) -> list[tuple[str, int]]:
        # Asked at every step of a worker: a plain read first, a write
        # transaction only when there is something to take.
        if self._read("SELECT 1 FROM jobs WHERE python = ? AND wake = TRUE LIMIT 1", (python,)).fetchone() is None:
            return []
        with self._write() as tx:
            rows = self._run(
                tx,
                "SELECT id, version, status FROM jobs WHERE python = ? AND wake = TRUE LIMIT ? FOR UPDATE SKIP LOCKED",
                (python, limit),
            ).fetchall()
            if rows:
                tx.executemany(self._sql("UPDATE jobs SET wake = FALSE WHERE id = ?"), [(r[0],) for r in rows])
        return [(i, v) for i, v, s in rows if s == "SUSPENDED"]

    def wake(self, *, key: str | None = None, job_id: str | None = None) -> int:
        if (key is None) == (job_id is None):
            raise ValueError("wake() takes exactly one of key= and job_id=")
        with self._write() as tx:
            if key is not None:
                cursor = self._run(
                    tx,
                    "UPDATE jobs SET wake = TRUE WHERE status = 'SUSPENDED' "
                    "AND id IN (SELECT job_id FROM waits WHERE key = ?)",
                    (key,),
                )
            else:
                cursor = self._run(tx, "UPDATE jobs SET wake = TRUE WHERE status = 'SUSPENDED' AND id = ?", (job_id,))
            count = int(cursor.rowcount)
            if count:
                self._announce(tx)
        return count

    def expire_leases(self, *, now: float, max_recoveries: int = 3) -> list[str]:
        with self._write() as tx:
            rows = self._run(
                tx,
                "SELECT id, snapshot IS NOT NULL, recoveries, lease_owner FROM jobs "
                "WHERE status = 'STARTED' AND lease_expires < ? FOR UPDATE SKIP LOCKED",
                (now,),
            ).fetchall()
            for job_id, has_snapshot, recoveries, owner in rows:
                status, event = recovery_outcome(bool(has_snapshot), recoveries, max_recoveries, owner, now)
                self._run(
                    tx,
                    "UPDATE jobs SET status = ?, version = version + 1, recoveries = recoveries + 1, "
                    "lease_owner = NULL, lease_expires = NULL, error = ?, error_type = NULL, error_message = NULL, "
                    "updated = ? WHERE id = ?",
                    (status.value, event.get("error"), now, job_id),
                )
                self._add_events(tx, job_id, [event])
            if rows:
                self._announce(tx)
        return [r[0] for r in rows]

    def due_timeouts(self, *, python: str, now: float, limit: int = 100) -> list[JobRecord]:
        rows = self._read(
            f"SELECT {_LIGHT} FROM jobs WHERE python = ? AND status = 'SUSPENDED' AND deadline IS NOT NULL "
            "AND deadline < ? ORDER BY deadline LIMIT ?",
            (python, now, limit),
        )
        return [record_from_row(row) for row in rows]

    def end_wait(
        self, job_id: str, version: int, *, status: Status | None, deadline: float | None, reason: str, now: float
    ) -> bool:
        with self._write() as tx:
            if status is None:
                cursor = self._run(
                    tx,
                    "UPDATE jobs SET deadline = ?, updated = ? WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (deadline, now, job_id, version),
                )
                event = {"event": "wait_extended", "deadline": deadline, "reason": reason, "at": now}
            else:
                cursor = self._run(
                    tx,
                    "UPDATE jobs SET status = ?, version = version + 1, error = ?, error_type = NULL, "
                    "error_message = NULL, wake = FALSE, updated = ? "
                    "WHERE id = ? AND version = ? AND status = 'SUSPENDED'",
                    (Status(status).value, reason, now, job_id, version),
                )
                event = {"event": Status(status).value.lower(), "reason": reason, "at": now}
            changed = bool(cursor.rowcount)
            if changed:
                if status is not None:
                    self._run(tx, "DELETE FROM waits WHERE job_id = ?", (job_id,))
                self._add_events(tx, job_id, [event])
                self._announce(tx)  # a final job frees a place in the fleet
        return changed

    def cancel(self, job_id: str, *, now: float) -> Status:
        record = self.get(job_id)
        with self._write() as tx:
            (status,) = self._run(tx, "SELECT status FROM jobs WHERE id = ? FOR UPDATE", (record.id,)).fetchone()
            current = Status(status)
            if current in TERMINAL:
                return current
            if current == Status.STARTED:
                self._run(tx, "UPDATE jobs SET cancel_requested = TRUE, updated = ? WHERE id = ?", (now, record.id))
                self._add_events(tx, record.id, [{"event": "cancel_requested", "at": now}])
                return current
            self._run(
                tx,
                "UPDATE jobs SET status = 'CANCELLED', version = version + 1, cancel_requested = TRUE, wake = FALSE, "
                "updated = ? WHERE id = ?",
                (now, record.id),
            )
            self._run(tx, "DELETE FROM waits WHERE job_id = ?", (record.id,))
            self._add_events(tx, record.id, [{"event": "cancelled", "from": current.value, "at": now}])
            self._announce(tx)  # a final job frees a place in the fleet
            return Status.CANCELLED

    def cancel_requested(self, job_ids: Sequence[str]) -> list[str]:
        rows = self._chunks(
            "SELECT id FROM jobs WHERE status = 'STARTED' AND cancel_requested = TRUE AND id {in}", list(job_ids)
        )
        return [row[0] for row in rows]

    def reopen(self, job_id: str, *, now: float, limits: dict[str, Any] | None = None) -> bool:
        with self._write() as tx:
            cursor = self._run(
                tx,
                "UPDATE jobs SET status = 'READY', version = version + 1, error = NULL, error_type = NULL, "
                "error_message = NULL, deadline = NULL, "
                "not_before = NULL, updated = ? "
                "WHERE id = ? AND status IN ('FAILED', 'TIMED_OUT') AND snapshot IS NOT NULL",
                (now, job_id),
            )
            reopened = bool(cursor.rowcount)
            if reopened and limits is not None:
                self._run(tx, "UPDATE jobs SET limits = ? WHERE id = ?", (json.dumps(limits), job_id))
            if reopened:
                reopened_event = {"event": "reopened", "note": "continues from its last snapshot", "at": now}
                self._add_events(tx, job_id, [reopened_event])
                self._announce(tx)
        return reopened
