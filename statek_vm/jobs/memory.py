"""``MemoryStore``: jobs in this process's memory, for tests and embedding.

The same contract as :class:`~statek_vm.jobs.sqlite.SQLiteStore` (the test
suite runs one contract against both), with a lock standing for the
transaction.  Nothing survives the process: use it where a job's life is the
process's, or as a model of the contract.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import re
import secrets
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from statek_vm.exceptions import CapacityError, JobNotFoundError, JobStoreError
from statek_vm.jobs.doorbell import Doorbell, EventDoorbell
from statek_vm.jobs.model import LIVE, TERMINAL, JobRecord, Status
from statek_vm.jobs.store import JobStore, claim_events, recovery_outcome

__all__ = ["MemoryStore"]

_PENDING_OR_LIVE = LIVE | {Status.PENDING}


@dataclasses.dataclass
class _Row:
    record: JobRecord
    wake: bool = False
    events: list[dict[str, Any]] = dataclasses.field(default_factory=list)


class MemoryStore(JobStore):
    """Jobs in a dict, guarded by a lock.  Example::

    runner = Runner(MemoryStore(), globals={...})
    """

    def __init__(self) -> None:
        self._rows: dict[str, _Row] = {}
        self._programs: dict[str, tuple[str, str]] = {}
        self._waits: dict[str, set[str]] = {}
        self._lock = threading.RLock()
        self._key = secrets.token_bytes(32)
        self._changes = 0
        # Ids by status, so that claims and sweeps look only at the jobs they
        # can take: kept in step with every status change by _move.
        self._by_status: dict[Status, dict[str, None]] = {status: {} for status in Status}
        self._suspended_sorted: list[str] | None = None
        # Ids whose wake flag was set (some may have been cleared since).
        self._woken: dict[str, None] = {}
        self._doorbells: list[EventDoorbell] = []

    def __repr__(self) -> str:
        return f"<MemoryStore of {len(self._rows)} jobs>"

    def _changed(self) -> None:
        self._changes += 1
        for bell in self._doorbells:
            bell.ring()

    def doorbell(self, worker_id: str) -> Doorbell | None:
        bell = EventDoorbell(self._doorbells.remove)
        self._doorbells.append(bell)
        return bell

    def _move(self, job_id: str, old: Status, new: Status) -> None:
        if old != new:
            del self._by_status[old][job_id]
            self._by_status[new][job_id] = None
            if Status.SUSPENDED in (old, new):
                self._suspended_sorted = None

    def _row(self, job_id: str) -> _Row:
        row = self._rows.get(job_id)
        if row is None:
            raise JobNotFoundError(f"no job {job_id!r} in the memory store")
        return row

    @staticmethod
    def _copy(record: JobRecord, *, light: bool = False) -> JobRecord:
        result = copy.copy(record)
        if light:
            result.snapshot = result.awaited = result.result_data = None
        return result

    def _event(self, row: _Row, event: dict[str, Any]) -> None:
        row.events.append(event)

    def _unwait(self, job_id: str) -> None:
        for key in self._rows[job_id].record.keys:
            waiting = self._waits.get(key)
            if waiting is not None:
                waiting.discard(job_id)
                if not waiting:
                    del self._waits[key]

    # -- identity and programs ------------------------------------------------

    def signing_key(self) -> bytes:
        return self._key

    def add_program(self, digest: str, filename: str, source: str) -> None:
        with self._lock:
            self._programs.setdefault(digest, (source, filename))

    def program(self, digest: str) -> tuple[str, str]:
        try:
            return self._programs[digest]
        except KeyError:
            raise JobStoreError(f"the memory store has no program {digest[:12]}") from None

    # -- jobs --------------------------------------------------------------------

    def insert(self, record: JobRecord, *, max_live: int | None = None) -> None:
        with self._lock:
            if max_live is not None:
                count = sum(
                    1
                    for r in self._rows.values()
                    if r.record.python == record.python and r.record.status in _PENDING_OR_LIVE
                )
                if count >= max_live:
                    raise CapacityError(
                        f"the job store holds {count} live or pending jobs, its maximum (max_live={max_live}): "
                        "the job was not submitted; retry later or raise the limit"
                    )
            if record.id in self._rows:
                raise JobStoreError(f"a job {record.id!r} exists already")
            stored = self._copy(record)
            stored.version = 0
            self._rows[record.id] = _Row(stored, events=[{"event": "submitted", "at": record.created}])
            self._by_status[stored.status][record.id] = None
            if stored.status == Status.SUSPENDED:
                self._suspended_sorted = None
            self._changed()

    def get(self, job_id: str) -> JobRecord:
        with self._lock:
            row = self._rows.get(job_id)
            if row is None and job_id and re.fullmatch(r"[0-9a-f]+", job_id):
                matches = [r for i, r in self._rows.items() if i.startswith(job_id)]
                if len(matches) > 1:
                    raise JobNotFoundError(f"the id prefix {job_id!r} matches several jobs: give more of it")
                row = matches[0] if matches else None
            if row is None:
                raise JobNotFoundError(f"no job {job_id!r} in the memory store")
            return self._copy(row.record)

    def jobs(
        self, *, statuses: Iterable[str] = (), python: str | None = None, limit: int = 100, newest_first: bool = True
    ) -> list[JobRecord]:
        wanted = {Status(s) for s in statuses}
        with self._lock:
            records = [
                r.record
                for r in self._rows.values()
                if (not wanted or r.record.status in wanted) and (python is None or r.record.python == python)
            ]
        records.sort(key=lambda r: (-r.created if newest_first else r.created, r.id))
        return [self._copy(r, light=True) for r in records[: int(limit)]]

    def counts(self, *, python: str | None = None) -> dict[Status, int]:
        result = dict.fromkeys(Status, 0)
        with self._lock:
            for row in self._rows.values():
                if python is None or row.record.python == python:
                    result[row.record.status] += 1
        return result

    def events(self, job_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self._row(job_id).events]

    # -- the worker's steps ---------------------------------------------------------

    def _has_room(self, python: str, max_live: int | None) -> bool:
        if max_live is None:
            return True
        rows = self._rows
        live = sum(1 for status in LIVE for i in self._by_status[status] if rows[i].record.python == python)
        return live < max_live

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
        with self._lock:

            def due(r: JobRecord, status: Status) -> bool:
                return r.status == status and r.python == python and (r.not_before is None or r.not_before <= now)

            chosen: JobRecord | None = None
            rows = self._rows
            if job_id is not None:
                row = rows.get(job_id)
                if row is not None and (
                    due(row.record, Status.READY)
                    or due(row.record, Status.PENDING)
                    or (
                        row.record.status == Status.SUSPENDED
                        and row.record.python == python
                        and row.record.version == ready_version
                    )
                ):
                    chosen = row.record
                    if chosen.status == Status.PENDING and not self._has_room(python, max_live):
                        chosen = None
            else:
                ready = [rows[i].record for i in self._by_status[Status.READY] if due(rows[i].record, Status.READY)]
                if ready:
                    chosen = min(ready, key=lambda r: r.updated)
                elif self._by_status[Status.PENDING] and self._has_room(python, max_live):
                    pending = (rows[i].record for i in self._by_status[Status.PENDING])
                    due_pending = [r for r in pending if due(r, Status.PENDING)]
                    if due_pending:
                        chosen = min(due_pending, key=lambda r: r.created)
            if chosen is None:
                return None
            previous = chosen.status
            self._move(chosen.id, previous, Status.STARTED)
            chosen.status = Status.STARTED
            chosen.version += 1
            chosen.lease_owner = owner
            chosen.lease_expires = now + lease
            chosen.updated = now
            row = self._rows[chosen.id]
            row.wake = False
            row.events.extend(claim_events(previous.value, owner, now))
            self._changed()
            return self._copy(chosen)

    def renew(self, job_id: str, version: int, owner: str, expires: float) -> bool:
        with self._lock:
            row = self._rows.get(job_id)
            if row is None:
                return False
            r = row.record
            if r.version != version or r.lease_owner != owner or r.status != Status.STARTED:
                return False
            r.lease_expires = expires
            return True

    def commit(self, record: JobRecord, *, version: int, owner: str, events: Sequence[dict[str, Any]]) -> Status | None:
        with self._lock:
            row = self._rows.get(record.id)
            if row is None:
                return None
            current = row.record
            if current.version != version or current.lease_owner != owner or current.status != Status.STARTED:
                return None
            status = record.status
            extra: list[dict[str, Any]] = []
            if current.cancel_requested and status in (Status.SUSPENDED, Status.READY, Status.PENDING):
                status = Status.CANCELLED
                extra.append(
                    {"event": "cancelled", "reason": "cancellation requested while it ran", "at": record.updated}
                )
            self._unwait(record.id)
            new = self._copy(record)
            new.status = status
            new.version = version + 1
            new.lease_owner = new.lease_expires = None
            new.condition_error = None
            new.cancel_requested = current.cancel_requested
            new.recoveries = current.recoveries
            if status == Status.COMPLETED:
                new.snapshot = None
            else:
                new.result, new.result_is_repr = None, False
                new.result_json = new.result_repr = new.result_data = None
            if status != Status.SUSPENDED:
                new.awaited = None
                new.keys = ()
            for key in new.keys:
                self._waits.setdefault(key, set()).add(record.id)
            self._move(record.id, current.status, new.status)
            row.record = new
            row.wake = status == Status.SUSPENDED
            if row.wake:
                self._woken[record.id] = None
            row.events.extend([*events, *extra])
            self._changed()
            return status

    def suspended(self, *, python: str, after: str = "", limit: int = 1000) -> list[tuple[str, int]]:
        with self._lock:
            ids = self._suspended_sorted
            if ids is None:
                ids = self._suspended_sorted = sorted(self._by_status[Status.SUSPENDED])
            found: list[tuple[str, int]] = []
            rows = self._rows
            for job_id in ids[bisect.bisect_right(ids, after) :]:
                record = rows[job_id].record
                if record.python == python:
                    found.append((job_id, record.version))
                    if len(found) >= limit:
                        break
            return found

    def awaited(self, job_ids: Sequence[str]) -> dict[str, tuple[int, bytes | None, str, str | None]]:
        with self._lock:
            result = {}
            for job_id in job_ids:
                row = self._rows.get(job_id)
                if row is not None and row.record.status == Status.SUSPENDED:
                    r = row.record
                    result[job_id] = (r.version, r.awaited, r.program_hash, r.path)
            return result

    def mark_ready(self, items: Sequence[tuple[str, int]], *, now: float) -> int:
        done = 0
        with self._lock:
            for job_id, version in items:
                row = self._rows.get(job_id)
                if row is None or row.record.version != version or row.record.status != Status.SUSPENDED:
                    continue
                r = row.record
                self._move(job_id, r.status, Status.READY)
                r.status, r.version, r.condition_error, r.updated = Status.READY, version + 1, None, now
                row.wake = False
                self._event(row, {"event": "ready", "at": now})
                done += 1
            if done:
                self._changed()
        return done

    def record_condition_error(self, job_id: str, version: int, message: str, *, now: float) -> None:
        with self._lock:
            row = self._rows.get(job_id)
            if row is None or row.record.version != version or row.record.status != Status.SUSPENDED:
                return
            row.record.condition_error = message
            row.record.updated = now
            self._event(row, {"event": "condition_error", "error": message, "at": now})

    def take_woken(self, *, python: str, limit: int = 1000) -> list[tuple[str, int]]:
        with self._lock:
            found = []
            for job_id in list(self._woken):
                row = self._rows.get(job_id)
                if row is None or row.record.python != python:
                    continue
                del self._woken[job_id]
                if row.wake:
                    row.wake = False
                    if row.record.status == Status.SUSPENDED:
                        found.append((job_id, row.record.version))
                        if len(found) >= limit:
                            break
            return found

    def wake(self, *, key: str | None = None, job_id: str | None = None) -> int:
        if (key is None) == (job_id is None):
            raise ValueError("wake() takes exactly one of key= and job_id=")
        with self._lock:
            ids = set(self._waits.get(key, ())) if key is not None else {job_id}
            woken = 0
            for i in ids:
                row = self._rows.get(i) if i is not None else None
                if row is not None and row.record.status == Status.SUSPENDED:
                    row.wake = True
                    self._woken[row.record.id] = None
                    woken += 1
            if woken:
                self._changed()
            return woken

    def expire_leases(self, *, now: float, max_recoveries: int = 3) -> list[str]:
        expired = []
        with self._lock:
            for job_id in list(self._by_status[Status.STARTED]):
                row = self._rows[job_id]
                r = row.record
                if r.lease_expires is None or r.lease_expires >= now:
                    continue
                status, event = recovery_outcome(
                    r.snapshot is not None, r.recoveries, max_recoveries, r.lease_owner, now
                )
                self._move(r.id, r.status, status)
                r.status, r.version, r.updated = status, r.version + 1, now
                r.recoveries += 1
                r.lease_owner = r.lease_expires = None
                r.error, r.error_type, r.error_message = event.get("error"), None, None
                self._event(row, event)
                expired.append(r.id)
            if expired:
                self._changed()
        return expired

    def due_timeouts(self, *, python: str, now: float, limit: int = 100) -> list[JobRecord]:
        with self._lock:
            suspended = (self._rows[i] for i in self._by_status[Status.SUSPENDED])
            due = [
                r.record
                for r in suspended
                if r.record.python == python and r.record.deadline is not None and r.record.deadline < now
            ]
        due.sort(key=lambda r: r.deadline or 0.0)
        return [self._copy(r, light=True) for r in due[:limit]]

    def end_wait(
        self, job_id: str, version: int, *, status: Status | None, deadline: float | None, reason: str, now: float
    ) -> bool:
        with self._lock:
            row = self._rows.get(job_id)
            if row is None or row.record.version != version or row.record.status != Status.SUSPENDED:
                return False
            r = row.record
            if status is None:
                r.deadline, r.updated = deadline, now
                self._event(row, {"event": "wait_extended", "deadline": deadline, "reason": reason, "at": now})
            else:
                self._unwait(job_id)
                self._move(job_id, r.status, Status(status))
                r.status, r.version, r.error, r.updated = Status(status), version + 1, reason, now
                r.error_type = r.error_message = None
                r.keys = ()
                row.wake = False
                self._event(row, {"event": Status(status).value.lower(), "reason": reason, "at": now})
            self._changed()
            return True

    def cancel(self, job_id: str, *, now: float) -> Status:
        with self._lock:
            record = self.get(job_id)
            row = self._rows[record.id]
            r = row.record
            if r.status in TERMINAL:
                return r.status
            if r.status == Status.STARTED:
                r.cancel_requested = True
                r.updated = now
                self._event(row, {"event": "cancel_requested", "at": now})
                return r.status
            previous = r.status
            self._unwait(r.id)
            self._move(r.id, previous, Status.CANCELLED)
            r.status, r.version, r.cancel_requested, r.updated = Status.CANCELLED, r.version + 1, True, now
            r.keys = ()
            row.wake = False
            self._event(row, {"event": "cancelled", "from": previous.value, "at": now})
            self._changed()
            return Status.CANCELLED

    def reopen(self, job_id: str, *, now: float, limits: dict[str, Any] | None = None) -> bool:
        with self._lock:
            row = self._rows.get(job_id)
            if row is None or row.record.status not in (Status.FAILED, Status.TIMED_OUT) or row.record.snapshot is None:
                return False
            r = row.record
            self._move(job_id, r.status, Status.READY)
            r.status, r.version, r.error, r.deadline, r.not_before, r.updated = (
                Status.READY,
                r.version + 1,
                None,
                None,
                None,
                now,
            )
            r.error_type = r.error_message = None
            if limits is not None:
                r.limits = dict(limits)
            self._event(row, {"event": "reopened", "note": "continues from its last snapshot", "at": now})
            self._changed()
            return True

    def changes(self) -> int:
        return self._changes
