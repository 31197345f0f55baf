"""The job store interface that every store implements, and ``open_store``.

A store keeps jobs (:class:`JobRecord`), each program once, each job's
events and the dependency keys suspended jobs wait on.  It makes no decision
of its own: the :class:`~statek_vm.jobs.runner.Runner` decides, and each
method here is one atomic step (one transaction) that the runner composes.
Methods that change a job take the ``version`` the caller read and change
nothing if the row moved on since (they return ``False`` or ``None``).
"""

from __future__ import annotations

import abc
import importlib.resources
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from statek_vm.exceptions import JobStoreError
from statek_vm.jobs.doorbell import Doorbell
from statek_vm.jobs.model import JobRecord, Status
from statek_vm.jobs.results import load_result

__all__ = [
    "DEFAULT_STORE",
    "KEY_ENV",
    "STORE_ENV",
    "JobStore",
    "claim_events",
    "key_from_environment",
    "migrations",
    "open_store",
    "read_result",
    "record_from_row",
    "recovery_outcome",
]

# The store the command line uses when none is given.
DEFAULT_STORE = "statek_vm.db"
# The environment variable that names the store, overriding the default.
STORE_ENV = "STATEK_VM_STORE"


class JobStore(abc.ABC):
    """Where jobs live.  See :class:`~statek_vm.jobs.sqlite.SQLiteStore` and
    :class:`~statek_vm.jobs.memory.MemoryStore`."""

    # -- identity and programs ------------------------------------------------

    @abc.abstractmethod
    def signing_key(self) -> bytes:
        """The HMAC key that signs every snapshot in this store.

        Every process sharing the store must use the same key; a SQLite store
        keeps it in a file beside the database (mode 0600) unless
        ``STATEK_VM_KEY`` gives it in hex.  A SQL store checks the key
        against one of its snapshots and refuses one that did not sign it
        (:class:`JobStoreError`, saying what to do), and a SQLite store whose
        jobs have snapshots never makes a new key.
        """

    @abc.abstractmethod
    def add_program(self, digest: str, filename: str, source: str) -> None:
        """Keep a program once (a no-op when its hash is known)."""

    @abc.abstractmethod
    def program(self, digest: str) -> tuple[str, str]:
        """``(source, filename)`` of a stored program; ``JobStoreError`` if unknown."""

    # -- jobs --------------------------------------------------------------------

    @abc.abstractmethod
    def insert(self, record: JobRecord, *, max_live: int | None = None) -> None:
        """Add a new ``PENDING`` job.

        With ``max_live``, refuse it (:class:`~statek_vm.exceptions.CapacityError`)
        when that many jobs of its Python version are already live or pending:
        the count and the insert are one transaction.
        """

    @abc.abstractmethod
    def get(self, job_id: str) -> JobRecord:
        """The whole record; :class:`~statek_vm.exceptions.JobNotFoundError` if unknown.

        A prefix of an id that matches exactly one job is accepted too.
        """

    @abc.abstractmethod
    def jobs(
        self, *, statuses: Iterable[str] = (), python: str | None = None, limit: int = 100, newest_first: bool = True
    ) -> list[JobRecord]:
        """Records without their snapshots, filtered."""

    @abc.abstractmethod
    def counts(self, *, python: str | None = None) -> dict[Status, int]:
        """The number of jobs per status."""

    @abc.abstractmethod
    def events(self, job_id: str) -> list[dict[str, Any]]:
        """A job's events in order; each has ``event`` and ``at``."""

    # -- the worker's steps ---------------------------------------------------------

    @abc.abstractmethod
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
        """Take one runnable job: set it ``STARTED`` with a lease for ``owner``.

        ``READY`` jobs come first (a job already holding a place in the fleet
        should finish before another starts), then ``PENDING`` ones while
        fewer than ``max_live`` jobs are live.  Only jobs of ``python`` are
        taken, and none whose ``not_before`` is in the future.  With
        ``job_id``, only that job; with ``ready_version`` too, that job may
        also be ``SUSPENDED`` at exactly that version (its condition was just
        seen to pass: it goes straight to ``STARTED``, one step instead of
        ``READY`` and a claim).  Returns the record as claimed (version
        bumped) or ``None``.
        """

    @abc.abstractmethod
    def renew(self, job_id: str, version: int, owner: str, expires: float) -> bool:
        """Extend a lease still held by ``owner`` at ``version``."""

    @abc.abstractmethod
    def commit(self, record: JobRecord, *, version: int, owner: str, events: Sequence[dict[str, Any]]) -> Status | None:
        """Write a run's outcome: ``record``'s status and fields, if the row is
        still at ``version`` and leased by ``owner``.

        A job whose cancellation was requested while it ran becomes
        ``CANCELLED`` instead of ``SUSPENDED``/``READY``/``PENDING``.
        ``record.keys`` replace the job's dependency keys; a job committed as
        ``SUSPENDED`` is marked to be checked at once (a notify that came while
        it ran must not wait for the next sweep).  Returns the status written,
        or ``None`` when the lease was lost (nothing is written).
        """

    @abc.abstractmethod
    def suspended(self, *, python: str, after: str = "", limit: int = 1000) -> list[tuple[str, int]]:
        """``(id, version)`` of suspended jobs with ids after ``after``, in id order."""

    @abc.abstractmethod
    def awaited(self, job_ids: Sequence[str]) -> dict[str, tuple[int, bytes | None, str, str | None]]:
        """``{id: (version, awaited future blob, program hash, path)}`` of those jobs still suspended."""

    @abc.abstractmethod
    def mark_ready(self, items: Sequence[tuple[str, int]], *, now: float) -> int:
        """Set suspended jobs at those versions ``READY`` (one transaction); returns how many."""

    @abc.abstractmethod
    def record_condition_error(self, job_id: str, version: int, message: str, *, now: float) -> None:
        """Note that checking a job's condition raised; the job stays ``SUSPENDED``."""

    @abc.abstractmethod
    def take_woken(self, *, python: str, limit: int = 1000) -> list[tuple[str, int]]:
        """Suspended jobs marked to be checked now, unmarked in the same transaction."""

    @abc.abstractmethod
    def wake(self, *, key: str | None = None, job_id: str | None = None) -> int:
        """Mark the suspended jobs waiting on ``key`` (or the job ``job_id``) to be checked now."""

    @abc.abstractmethod
    def expire_leases(self, *, now: float, max_recoveries: int = 3) -> list[str]:
        """Give back jobs whose worker's lease ran out (the worker died or stalled).

        A job with a snapshot becomes ``READY`` again (it resumes from its
        last committed suspension), one without becomes ``PENDING``; either
        way ``recoveries`` counts it and an event records it.  A job lost
        more than ``max_recoveries`` times becomes ``FAILED`` instead, with
        an error that says so.  Returns their ids.
        """

    @abc.abstractmethod
    def due_timeouts(self, *, python: str, now: float, limit: int = 100) -> list[JobRecord]:
        """Suspended jobs whose deadline has passed (without snapshots)."""

    @abc.abstractmethod
    def end_wait(
        self, job_id: str, version: int, *, status: Status | None, deadline: float | None, reason: str, now: float
    ) -> bool:
        """Settle a timed-out wait: a final ``status``, or a new ``deadline``."""

    @abc.abstractmethod
    def cancel(self, job_id: str, *, now: float) -> Status:
        """Cancel a job: at once unless it is running, else when its run ends.

        Returns the job's status afterwards (``STARTED`` when the cancellation
        waits for the run).  A final job is left as it is.
        """

    def cancel_requested(self, job_ids: Sequence[str]) -> list[str]:
        """Those of these running jobs whose cancellation was requested (their
        worker interrupts their runs)."""
        found = []
        for job_id in job_ids:
            try:
                record = self.get(job_id)
            except JobStoreError:
                continue
            if record.status == Status.STARTED and record.cancel_requested:
                found.append(job_id)
        return found

    @abc.abstractmethod
    def reopen(self, job_id: str, *, now: float, limits: dict[str, Any] | None = None) -> bool:
        """Make a ``FAILED`` or ``TIMED_OUT`` job that has a snapshot ``READY`` again (with new ``limits``, if given).

        An operator's decision (``statek-vm resume ID``): the job continues
        from its last snapshot, after its condition is checked again.
        Returns whether the job was reopened.
        """

    @abc.abstractmethod
    def changes(self) -> int:
        """A number that changes whenever another process commits (cheap)."""

    def doorbell(self, worker_id: str) -> Doorbell | None:
        """A doorbell for an idle worker (see :mod:`statek_vm.jobs.doorbell`), or
        ``None`` where the store has none (the worker then polls :meth:`changes`)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional for stores without resources
        """Release the store's resources."""

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# -- what every store shares ---------------------------------------------------------

# The environment variable that gives the signing key in hex.
KEY_ENV = "STATEK_VM_KEY"


def key_from_environment() -> bytes | None:
    """The signing key from ``$STATEK_VM_KEY`` (hex), if it is set."""
    text = os.environ.get(KEY_ENV)
    if not text:
        return None
    try:
        return bytes.fromhex(text.strip())
    except ValueError:
        raise JobStoreError(f"${KEY_ENV} must be the signing key in hex") from None


def claim_events(previous: str, owner: str, now: float) -> list[dict[str, Any]]:
    """The events of a claim; a job claimed straight from SUSPENDED was ready first."""
    claimed = {"event": "claimed", "owner": owner, "from": previous, "at": now}
    if previous == "SUSPENDED":
        return [{"event": "ready", "at": now}, {**claimed, "from": "READY"}]
    return [claimed]


def recovery_outcome(
    has_snapshot: bool, recoveries: int, max_recoveries: int, owner: str | None, now: float
) -> tuple[Status, dict[str, Any]]:
    """Where a job goes when its worker's lease expired."""
    if recoveries >= max_recoveries:
        error = (
            f"the job's worker was lost {recoveries + 1} times (last: {owner}); it is failed rather than "
            "recovered again. Find why its runs never finish (a crash, or a run longer than the lease)."
        )
        return Status.FAILED, {"event": "failed", "error": error, "at": now}
    status = Status.READY if has_snapshot else Status.PENDING
    event = {
        "event": "recovered",
        "owner": owner,
        "to": status.value,
        "note": "its worker's lease expired; it continues from its last snapshot, so instructions run "
        "after that snapshot by the lost worker run again"
        if has_snapshot
        else "its worker's lease expired before its first suspension; it starts again",
        "at": now,
    }
    return status, event


def record_from_row(row: Sequence[Any]) -> JobRecord:
    """A record from a SQL store's row, in the column order of ``sqlstore._FULL`` and ``_LIGHT``."""
    (
        id_,
        status,
        python,
        program_hash,
        filename,
        path,
        version,
        snapshot,
        awaited,
        summary,
        next_instr_num,
        line,
        function,
        wait_timeout,
        deadline,
        not_before,
        attempts,
        max_attempts,
        recoveries,
        lease_owner,
        lease_expires,
        cancel_requested,
        output,
        error,
        condition_error,
        created,
        updated,
        limits,
        inputs,
        result,
        result_json,
        result_repr,
        error_type,
        error_message,
    ) = row
    return JobRecord(
        id=id_,
        status=Status(status),
        python=python,
        program_hash=program_hash,
        filename=filename,
        path=path,
        version=version,
        # (bytes() of bytes is the same object; a driver may give a memoryview)
        snapshot=None if snapshot is None else bytes(snapshot),
        awaited=None if awaited is None else bytes(awaited),
        awaited_summary=summary,
        next_instr_num=next_instr_num,
        line=line,
        function=function,
        wait_timeout=wait_timeout,
        deadline=deadline,
        not_before=not_before,
        attempts=attempts,
        max_attempts=max_attempts,
        recoveries=recoveries,
        lease_owner=lease_owner,
        lease_expires=lease_expires,
        cancel_requested=bool(cancel_requested),
        output=output,
        error=error,
        condition_error=condition_error,
        created=created,
        updated=updated,
        limits=None if limits is None else json.loads(limits),
        inputs=None if inputs is None else json.loads(inputs),
        error_type=error_type,
        error_message=error_message,
        result_json=result_json,
        result_repr=result_repr,
        result_data=None if result is None else bytes(result),
    )


def read_result(record: JobRecord, signing_key: Callable[[], bytes]) -> None:
    """Set ``record.result`` from its stored forms: the signed pickle, else the repr (``result_is_repr``).

    A pickle that fails its check or does not load here (a class this
    process cannot import) leaves the repr: reading a job never fails for
    its result.
    """
    if record.result_data is not None:
        try:
            record.result = load_result(record.result_data, signing_key())
            return
        except Exception:  # noqa: BLE001 - any failure to load leaves the repr, which is kept for that
            pass
    if record.result_repr is not None:
        record.result, record.result_is_repr = record.result_repr, True


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """``(number, file name, SQL)`` of a store's schema files ``sql/<dialect>/NNNN_*.sql``, in order."""
    files = importlib.resources.files("statek_vm.jobs") / "sql" / dialect
    found = []
    for entry in files.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


_MIGRATION = re.compile(r"^(\d{4})_\w+\.sql$")


def open_store(spec: str | os.PathLike[str] | JobStore | None = None, *, create: bool = True) -> JobStore:
    """A store from a spec: a store (returned as is), ``":memory:"``, a SQLite
    path or ``sqlite:///path``, or a ``postgresql://`` URL.  ``None`` means ``$STATEK_VM_STORE``, else
    ``statek_vm.db`` in the current directory.

    With ``create=False``, a SQLite file that does not exist is an error
    (:class:`JobStoreError`) rather than a new, empty store: for looking at
    jobs, where a mistyped path must not pass for a store without jobs.
    """
    from statek_vm.jobs.memory import MemoryStore
    from statek_vm.jobs.sqlite import SQLiteStore

    if isinstance(spec, JobStore):
        return spec
    if spec is None:
        spec = os.environ.get(STORE_ENV) or DEFAULT_STORE
    text = os.fspath(spec)
    if text in (":memory:", "memory:", "memory://"):
        return MemoryStore()
    if text.startswith(("postgresql://", "postgres://")):
        from statek_vm.jobs.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ValueError(
            f"unknown store {text!r}: use a SQLite file path, sqlite:///path, postgresql://... or :memory:"
        )
    if not create and not os.path.exists(text):
        raise JobStoreError(
            f"no job store {text!r}: the file does not exist (a store is made where a job is first "
            "submitted or a worker first starts)"
        )
    return SQLiteStore(text)
