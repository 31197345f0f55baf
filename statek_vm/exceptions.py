"""The errors statek_vm raises, in one hierarchy.

Every error raised by statek_vm itself derives from :class:`StatekError`, so an
application can tell "statek_vm refused or failed" apart from errors raised by
the script it runs::

    try:
        job = statek_vm.run(source)
    except statek_vm.StatekError as error:
        log.error("statek_vm could not run the script: %s", error)

This module is a leaf: it imports nothing from statek_vm, so every other
module (``future.py`` included) can import it.
"""

from __future__ import annotations

__all__ = [
    "CapacityError",
    "FutureError",
    "JobCancelled",
    "JobNotFoundError",
    "JobStoreError",
    "LimitExceeded",
    "NotResumableError",
    "SnapshotError",
    "StatekError",
    "VMInternalError",
]


class StatekError(Exception):
    """Base of the errors raised by statek_vm itself."""


class FutureError(StatekError):
    """A future's value was needed while the future was still pending.

    A complement raises it when its result is not available yet; reading
    ``.value`` (or using the future in any way that needs its value) raises it
    while the future is pending. Inside a job the VM catches it, suspends the
    job at the instruction that needed the value and records ``future`` as the
    awaited result::

        def fetch_report(future: FutureResult) -> str:
            report = future.deps
            if report.status != "ready":
                raise FutureError(future)
            return report.url

    Ordinary tools should not raise it to invent their own suspension: it is
    reserved for temporal result retrieval.
    """

    future: object
    """The future whose value was not ready."""

    # Future-aware: ``FutureError(future)`` receives the future itself; the VM
    # must not resolve a future passed to it (that would call the complement).
    __statek_future_aware__ = True

    def __init__(self, future: object) -> None:
        # ``future`` goes to ``Exception.args`` so that pickling re-creates the
        # error as ``FutureError(future)``: a suspended job stores it.
        super().__init__(future)
        self.future = future

    def __str__(self) -> str:
        # ``str(self.args[0])`` would read the future's value (futures stand in
        # for their value), which is exactly what is not available here.
        try:
            return _describe_pending(self.future)
        except Exception:  # noqa: BLE001 - a message must never hide the error it belongs to
            return f"{type(self.future).__name__} is not ready"


class NotResumableError(StatekError):
    """A suspension would have to cross a host frame.

    A script function called *by host code* (a ``sorted(key=...)``, a tool that
    calls back) runs in a nested VM run. If a pending future is needed there,
    the job cannot be suspended exactly: the host frame in between lives on the
    Python call stack and cannot be saved. Rather than silently re-running
    script instructions on resume, the VM raises this error naming the host
    callable. Resolve the future before handing the callback to host code, or
    let the application opt into retrying that host call as a whole.
    """


class SnapshotError(StatekError):
    """A job's state could not be serialized, or a snapshot was refused.

    Raised when a value in a frame cannot be serialized (the message names the
    frame, the variable and its type), and when a snapshot is refused: another
    CPython minor version, another program, or a failed integrity check.
    """


class JobStoreError(StatekError):
    """A job store refused an operation or holds something it cannot read.

    Raised, for example, when a job is in a state that does not allow the
    operation (resuming a COMPLETED job) or the store's schema is newer than
    this statek_vm understands.
    """


class JobNotFoundError(JobStoreError, KeyError):
    """No job with that id exists in the store."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "job not found"


class CapacityError(JobStoreError):
    """A submission was refused because the store holds its maximum of live jobs.

    Raised only when the runner's policy is ``on_full="refuse"``; with the
    default ``"queue"`` policy the job waits as ``PENDING`` instead.
    """


class VMInternalError(StatekError):
    """A bug inside the VM, never an error of the script being run.

    Please report it with the script and the traceback.
    """


class JobCancelled(StatekError):
    """A running job was cancelled (``Job.cancel()``, ``Runner.cancel()``): it stopped between two instructions."""


class SandboxViolation(StatekError):
    """A sandboxed script did something its ``statek_vm.Sandbox`` refuses.

    Raised in the script where the refused operation was asked for, before
    it has any effect: the message names what was refused and where (the
    script's file, function and line).  The script may catch it; nothing
    refused happened either way.

    Attributes:
        what: what was refused, as the message says it (``"attribute
            '__globals__' of a function"``, ``"import of 'os'"``).
        where: the script's file, function and line, once known.
    """

    def __init__(self, what: str, where: str = "") -> None:
        self.what = what
        self.where = where
        super().__init__(self._message())

    def _message(self) -> str:
        where = f" (at {self.where})" if self.where else ""
        return f"the sandbox refuses {self.what}{where}"

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.what, self.where))

    def located(self, where: str) -> None:
        """Name where the refusal happened, once (the innermost script frame wins)."""
        if not self.where:
            self.where = where
            self.args = (self._message(),)


class LimitExceeded(StatekError):
    """A job used up one of its budgets (``statek_vm.Limits``) and stopped.

    The job stops at an instruction boundary, ``FAILED`` with this error.
    When ``resumable`` is true its state there is kept (in memory and in its
    store's snapshot): ``job.resume(limits=...)`` with a larger budget goes on
    from that instruction, with nothing run again.

    Attributes:
        limit: which budget: ``"instructions"``, ``"seconds"``, ``"memory"`` or ``"output"``.
        used: how much of it the job had used when it stopped.
        allowed: the budget.
        resumable: whether the job's state at the stop was kept.
    """

    def __init__(self, limit: str, used: float, allowed: float, *, where: str = "", resumable: bool = True) -> None:
        super().__init__(limit, used, allowed, where, resumable)
        self.limit = limit
        self.used = used
        self.allowed = allowed
        self.where = where
        self.resumable = resumable

    def __str__(self) -> str:
        units = {"seconds": " s", "memory": " bytes", "output": " bytes", "instructions": ""}.get(self.limit, "")
        used = f"{self.used:.3f}" if isinstance(self.used, float) else f"{self.used:,}"
        allowed = f"{self.allowed:g}" if isinstance(self.allowed, float) else f"{self.allowed:,}"
        text = f"the job exceeded its {self.limit} limit ({used}{units} used, {allowed}{units} allowed)"
        if self.where:
            text += f" at {self.where}"
        if self.resumable:
            text += "; it stopped there, and can resume there with a larger limit"
        else:
            text += "; it stopped inside host code that called script code, and cannot resume"
        return text


def _describe_pending(future: object) -> str:
    """Say which future was pending, without reading its value."""
    kind = type(future).__name__
    # Futures define ``check_condition``; anything else passed to FutureError
    # is described by its type only, and never touched.
    if not callable(getattr(type(future), "check_condition", None)):
        return f"{kind} is not ready"
    state_num = getattr(future, "state_num", None)
    deps = getattr(future, "deps", None)
    return (
        f"{kind} is not ready (state_num={state_num!r}, deps: {type(deps).__name__}). "
        "Inside a statek_vm job the job suspends here and resumes when the "
        "future's condition passes; outside a job, wait until "
        "future.check_condition() is true before using its value."
    )
