"""What a job store holds: statuses, job records and the runner's policies.

A store row is the truth about a job.  Every change of a row is one
transaction, and every change bumps the row's ``version``: a worker that
read version 7 may write only while the row is still at version 7, so two
workers can never both commit the same step of a job (optimistic
concurrency, the store's "fencing token").
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Callable
from typing import Any

from statek_vm.job_error import JobError

__all__ = ["LIVE", "RUNNABLE", "TERMINAL", "JobRecord", "RetryPolicy", "Status", "TimeoutDecision"]


class Status(enum.StrEnum):
    """A stored job's status.  The VM's four (:class:`statek_vm.JobStatus`)
    plus those a runner needs; a ``str`` enum, so ``status == "READY"`` holds.

    ``PENDING``: submitted, not started (also: queued beyond ``max_live``).
    ``STARTED``: a worker holds its lease and runs it.
    ``SUSPENDED``: waits for its future; polled by workers.
    ``READY``: its future's condition passed; a worker will resume it.
    ``COMPLETED``, ``FAILED``, ``TIMED_OUT``, ``CANCELLED``: final.
    """

    PENDING = "PENDING"
    STARTED = "STARTED"
    SUSPENDED = "SUSPENDED"
    READY = "READY"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    TIMED_OUT = "TIMED_OUT"
    CANCELLED = "CANCELLED"


# Jobs that hold a place in the bounded fleet: once started, a job counts
# until it reaches a final status.
LIVE = frozenset({Status.STARTED, Status.SUSPENDED, Status.READY})
RUNNABLE = frozenset({Status.PENDING, Status.READY})
TERMINAL = frozenset({Status.COMPLETED, Status.FAILED, Status.TIMED_OUT, Status.CANCELLED})


@dataclasses.dataclass
class JobRecord:
    """One job as a store holds it.

    ``snapshot`` is the signed snapshot of the last suspension (``None``
    before the first one, and cleared once the job is final); ``awaited`` is
    the awaited future alone, signed and pickled, so that polling can check
    its condition without loading the whole job.  ``keys`` are the
    dependency keys of the awaited future, for :meth:`Runner.notify`.

    ``error`` is the text of why the job ended without completing (a
    traceback, or a reason); :attr:`failure` gives it in the shape
    ``Job.failure`` has (:class:`~statek_vm.JobError`), with ``error_type``
    and ``error_message``.

    ``result`` is a ``COMPLETED`` job's result (``Job.result``: the value of
    its script's final expression statement, or ``None``), read back from
    the store's signed pickle (:mod:`statek_vm.jobs.results`).  When the value
    could not be pickled (the script's own objects), or not loaded here,
    ``result`` is its ``repr`` and ``result_is_repr`` is true.
    ``result_json`` is its JSON text where ``json.dumps`` took it,
    ``result_repr`` its ``repr``; ``result_data`` the signed pickle as stored.
    Listings (``store.jobs()``) carry ``result_json`` and ``result_repr``;
    ``store.get()`` reads the value.
    """

    id: str
    status: Status
    python: str
    program_hash: str
    filename: str
    path: str | None = None
    version: int = 0
    snapshot: bytes | None = None
    awaited: bytes | None = None
    awaited_summary: str = ""
    keys: tuple[str, ...] = ()
    next_instr_num: int | None = None
    line: int | None = None
    function: str | None = None
    wait_timeout: float | None = None
    deadline: float | None = None
    not_before: float | None = None
    attempts: int = 0
    max_attempts: int = 1
    recoveries: int = 0
    lease_owner: str | None = None
    lease_expires: float | None = None
    cancel_requested: bool = False
    output: str = ""
    error: str | None = None
    condition_error: str | None = None
    created: float = 0.0
    updated: float = 0.0
    # The job's own budgets (``statek_vm.Limits.as_dict()``); None: the worker's.
    limits: dict[str, Any] | None = None
    # The globals its script starts with, by name (JSON values); None: none.
    inputs: dict[str, Any] | None = None
    error_type: str | None = None
    error_message: str | None = None
    result: Any = None
    result_is_repr: bool = False
    result_json: str | None = None
    result_repr: str | None = None
    result_data: bytes | None = None

    @property
    def failure(self) -> JobError | None:
        """Why the job ended without completing, as :class:`~statek_vm.JobError` (``exception`` is None here).

        ``None`` while ``error`` is.  ``type`` is None for an end no
        exception made (a timeout, a cancellation, a lost worker), and for
        records written before the store kept error types.
        """
        if self.error is None:
            return None
        message = self.error_message if self.error_message is not None else self.error
        return JobError(self.error_type, message, self.error)

    def set_failure(self, failure: JobError | None) -> None:
        """Record ``failure`` (or clear it) in ``error``, ``error_type`` and ``error_message``."""
        if failure is None:
            self.error = self.error_type = self.error_message = None
        else:
            self.error, self.error_type, self.error_message = failure.traceback, failure.type, failure.message

    def summary(self) -> dict[str, Any]:
        """The machine-readable view of ``statek-vm ... --json`` (no bytes)."""
        return {
            "id": self.id,
            "status": self.status.value,
            "python": self.python,
            "file": self.filename,
            "line": self.line,
            "function": self.function,
            "next_instr_num": self.next_instr_num,
            "awaited": self.awaited_summary or None,
            "keys": list(self.keys),
            "deadline": self.deadline,
            "attempts": self.attempts,
            "recoveries": self.recoveries,
            "output": self.output,
            "error": self.error,
            "error_type": self.error_type,
            "error_message": self.error_message if self.error_message is not None else self.error,
            "condition_error": self.condition_error,
            # As JSON where json.dumps took it, else its repr ("result_format" says which).
            "result": json.loads(self.result_json) if self.result_json is not None else self.result_repr,
            "result_format": "json" if self.result_json is not None else ("repr" if self.result_repr else None),
            "created": self.created,
            "updated": self.updated,
            "inputs": self.inputs,
        }


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """What happens to a job whose script raised.  Off by default.

    A retry continues from the job's last committed snapshot (or from the
    start if it never suspended), so **the instructions that ran since that
    snapshot run again**, with whatever side effects they have: enable
    retries only for scripts whose steps are idempotent.  Each retry is
    recorded in the job's history.

    Attributes:
        max_attempts: runs in total, the first included (1 = no retry).
        delay: seconds before the first retry.
        backoff: factor applied to the delay for each further retry.
        retry_on: exception class names that are retried (empty: any).
    """

    max_attempts: int = 1
    delay: float = 1.0
    backoff: float = 2.0
    retry_on: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.max_attempts, int) or self.max_attempts < 1:
            raise ValueError(f"RetryPolicy.max_attempts must be an int >= 1, not {self.max_attempts!r}")
        if self.delay < 0 or self.backoff < 1:
            raise ValueError("RetryPolicy.delay must be >= 0 and backoff >= 1")

    def delay_before(self, attempt: int) -> float:
        """Seconds to wait before run number ``attempt + 1``."""
        return float(self.delay * self.backoff ** max(0, attempt - 1))

    def retries(self, error_type: str, attempts: int) -> bool:
        """Whether a job that failed with ``error_type`` after ``attempts`` runs runs again."""
        return attempts < self.max_attempts and (not self.retry_on or error_type in self.retry_on)


@dataclasses.dataclass(frozen=True)
class TimeoutDecision:
    """An escalation hook's answer for a job whose wait timed out.

    ``extend``: seconds more to wait (the job stays ``SUSPENDED``);
    otherwise the job becomes ``status`` (``TIMED_OUT`` by default, or
    ``CANCELLED``) with ``reason`` recorded.
    """

    extend: float | None = None
    status: Status = Status.TIMED_OUT
    reason: str = "the wait timed out"


EscalationHook = Callable[[JobRecord], "TimeoutDecision | float | None"]
"""``on_timeout(record)``: a :class:`TimeoutDecision`, seconds to extend, or ``None`` (``TIMED_OUT``)."""
