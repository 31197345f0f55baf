"""The backstop: each run of a job in a child process with operating-system limits (``Runner(backstop=...)``).

In-process checks stop a job at an instruction boundary (statek_vm/limits.py,
statek_vm/sandbox.py), but not a host call that never returns, nor memory
that C code allocates.  With a :class:`Backstop`, a runner runs each claimed
job in a child process forked for that run:

- the child gets ``RLIMIT_AS`` (its address space may grow by ``memory``
  bytes) and ``RLIMIT_CPU`` (``seconds`` and the grace), and the job's own
  budgets at most ``memory`` and ``seconds``, so that the in-process checks
  stop it first, exactly and resumably, whenever they can;
- the parent keeps the job's lease, passes on a cancellation (``SIGUSR1``)
  and a stop (``SIGTERM``: the child pauses the job and commits it), and
  kills the child ``grace`` seconds after ``seconds`` of wall-clock time;
- the child commits nothing itself: it sends the outcome of its run to the
  parent, which commits it.  A child that dies (killed at its limits, out
  of memory, crashed) sends none: the parent fails the job with
  ``LimitExceeded`` (or the signal that killed it), keeping the job's last
  snapshot.  Resuming it (``statek-vm resume ID``) goes on from that
  snapshot: what ran after it, host calls included, runs again, and the
  error says so.

POSIX only (``fork``).  The worker process survives whatever the child does.
"""

from __future__ import annotations

import dataclasses
import math
import os
import pickle
import resource
import select
import signal
import sys
import time
import warnings
from typing import Any

from statek_vm.job_error import JobError
from statek_vm.jobs.model import JobRecord, Status
from statek_vm.limits import Limits


@dataclasses.dataclass(frozen=True)
class Backstop:
    """OS limits of the child process each run of a job gets (see the module's docstring).

    ``memory``: bytes the child's address space may grow by (``RLIMIT_AS``);
    ``seconds``: seconds of CPU (``RLIMIT_CPU``) and of wall-clock time a
    run may take; ``grace``: seconds after those before the child is killed.
    """

    memory: int | None = None
    seconds: float | None = None
    grace: float = 5.0

    def __post_init__(self) -> None:
        for name in ("memory", "seconds", "grace"):
            value = getattr(self, name)
            if value is None and name != "grace":
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"Backstop({name}=...) must be a positive number, not {value!r}")
        if not hasattr(os, "fork"):
            raise NotImplementedError("the backstop runs jobs in forked child processes: POSIX only")

    def job_limits(self, limits: Limits, used_seconds: float = 0.0) -> Limits:
        """The job's budgets in the child: its own, at most the backstop's (the VM stops it first, exactly).

        A job's seconds are counted over its whole life; the backstop's are
        this run's: ``used_seconds`` are the job's before it.
        """
        given = limits.as_dict()
        if self.seconds is not None:
            run_ends = used_seconds + self.seconds
            given["seconds"] = min(given.get("seconds") or run_ends, run_ends)
        if self.memory is not None:
            given["memory"] = min(given.get("memory") or self.memory, self.memory)
        return Limits(**given)


def run_in_child(runner: Any, record: JobRecord, flight: Any) -> Status | None:
    """Run claimed ``record`` in a forked child with ``runner.backstop``'s limits; commit its outcome here."""
    backstop: Backstop = runner.backstop
    runner._program(record.program_hash)  # fetched here: the child does not touch the store
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # (3.12+ warns that fork() in a process with threads may deadlock the
        # child: this child uses none of the locks those threads take.)
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            os.close(read_end)
            _child(runner, record, backstop, write_end)
        except BaseException:  # noqa: BLE001 - the parent reports a child that sent nothing
            code = 70
        finally:
            os._exit(code)
    os.close(write_end)
    flight.child = pid
    started = time.monotonic()
    deadline = None if backstop.seconds is None else started + backstop.seconds + backstop.grace
    chunks: list[bytes] = []
    killed = False
    try:
        while True:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([read_end], [], [], timeout if timeout is None else min(timeout, 0.5))
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
            elif deadline is not None and time.monotonic() >= deadline and not killed:
                os.kill(pid, signal.SIGKILL)
                killed = True
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        flight.child = None
    sent = b"".join(chunks)
    if sent and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        outcome, events = pickle.loads(sent)
        last = (outcome.error or "").rstrip().rsplit("\n", 1)[-1]
        if outcome.status == Status.FAILED and last.startswith("MemoryError"):
            why = f"it ran out of the {backstop.memory} bytes of memory its process may grow by ({last})"
            return _fail_from_snapshot(runner, record, "memory", why)
        committed: Status | None = runner._commit(outcome, record, events)
        return committed
    if killed or (os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL)):
        why = (
            f"its run took more than {backstop.seconds:g} s (and {backstop.grace:g} s of grace): its process was killed"
        )
        return _fail_from_snapshot(runner, record, "seconds", why)
    if os.WIFSIGNALED(status):
        return _fail_from_snapshot(runner, record, None, f"its process died of signal {os.WTERMSIG(status)}")
    return _fail_from_snapshot(runner, record, None, f"its process exited with status {os.WEXITSTATUS(status)}")


def _fail_from_snapshot(runner: Any, record: JobRecord, limit: str | None, why: str) -> Status | None:
    if record.snapshot is None:
        again = "resuming it starts it again from the beginning"
    else:
        where = f"line {record.line}" if record.line is not None else "its last wait"
        again = f"resuming it goes on from its last snapshot (at {where})"
    kind = f"LimitExceeded: the job exceeded its backstop's {limit} limit" if limit else "the job's process failed"
    error = f"{kind}: {why}; {again}, and what ran after that, host calls included, runs again"
    outcome = dataclasses.replace(record, updated=time.time())
    outcome.status = Status.FAILED
    outcome.set_failure(JobError("LimitExceeded" if limit else None, error.removeprefix("LimitExceeded: "), error))
    outcome.awaited = None
    outcome.awaited_summary = ""
    outcome.keys = ()
    outcome.deadline = None
    events = [{"event": "failed", "error": error, "limit": limit, "backstop": True, "at": time.time()}]
    committed: Status | None = runner._commit(outcome, record, events)
    return committed


def _child(runner: Any, record: JobRecord, backstop: Backstop, write_end: int) -> None:
    """In the forked child: limits, signals, the run; its outcome written to ``write_end``."""
    if backstop.memory is not None:
        grown = _address_space() + backstop.memory
        resource.setrlimit(resource.RLIMIT_AS, (grown, grown))
    if backstop.seconds is not None:
        soft = math.ceil(backstop.seconds + backstop.grace)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))
    captured: list[tuple[JobRecord, list[dict[str, Any]]]] = []

    def commit(outcome: JobRecord, claimed: JobRecord, events: list[dict[str, Any]]) -> Status:
        captured.append((outcome, events))
        return outcome.status

    # The child uses neither the store nor the parent's threads: the parent
    # renews the lease and commits.
    used = [0.0]
    made_or_loaded, limits_of = runner._made_or_loaded, runner._limits_of

    def prepared(record: JobRecord, source: str, filename: str, events: list[dict[str, Any]]) -> Any:
        job, started = made_or_loaded(record, source, filename, events)
        used[0] = job._interp.meter.seconds
        return job, started

    runner._made_or_loaded = prepared
    runner._limits_of = lambda record: backstop.job_limits(limits_of(record), used[0])
    runner._commit = commit
    runner._ensure_heartbeat = lambda: None
    runner._in_flight = {}
    runner._backstop_child = True
    signal.signal(signal.SIGTERM, lambda signum, frame: runner._pause_running())
    signal.signal(signal.SIGUSR1, lambda signum, frame: _cancel_running(runner))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (the parent's to handle)
    runner._run_claimed(record)
    data = pickle.dumps(captured[-1] if captured else None)
    view = memoryview(data)
    while view:
        written = os.write(write_end, view)
        view = view[written:]
    os.close(write_end)
    sys.stdout.flush()


def _cancel_running(runner: Any) -> None:
    for flight in tuple(runner._in_flight.values()):
        if flight.job is not None:
            flight.cancelled = True
            flight.job.cancel()


def _address_space() -> int:
    """The bytes of address space this process has mapped now."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 * 4
