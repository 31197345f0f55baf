"""The runner: a worker that runs jobs, polls suspended ones and applies policy.

One :class:`Runner` is one worker, and a :class:`~statek_vm.jobs.manager.Manager`
(it submits and steers jobs).  Run as many as you like, in threads or
processes, over one store: a job is run only by the worker holding its
lease, and every outcome is committed only if the job's row is still at the
version the worker claimed, so **each suspension is resumed once**.  One
worker keeps up to ``concurrency`` jobs in progress at once, on one event
loop: their awaits of host I/O overlap.  The life of a job is in
:mod:`statek_vm.jobs.manager`.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import json
import os
import secrets
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from statek_vm.exceptions import JobStoreError, LimitExceeded, StatekError
from statek_vm.future import is_future
from statek_vm.job import Job, JobStatus, _new_job
from statek_vm.job_error import JobError
from statek_vm.jobs.background import start_periodic
from statek_vm.jobs.backstop import Backstop, run_in_child
from statek_vm.jobs.doorbell import Doorbell
from statek_vm.jobs.manager import PYTHON, Manager
from statek_vm.jobs.model import (
    RUNNABLE,
    EscalationHook,
    JobRecord,
    RetryPolicy,
    Status,
    TimeoutDecision,
)
from statek_vm.jobs.polling import (
    BoundedCheck,
    ConditionTimeout,
    dependency_keys,
    dump_awaited,
    load_awaited,
    polling_namespace,
)
from statek_vm.jobs.results import keep_result
from statek_vm.jobs.store import JobStore
from statek_vm.limits import Limits, StopSignal, checked, stored
from statek_vm.program.program import RECENT_PROGRAMS
from statek_vm.sandbox import Sandbox
from statek_vm.sandbox import checked as sandbox_checked

__all__ = ["PYTHON", "Runner", "SweepStats", "WorkStats"]

# While idle with a doorbell, the change counter is read this often (seconds).
_BELL_SLICE = 0.05
# While jobs are in flight and places are free, the store is looked at this
# often for new work (seconds): the loop cannot block on the doorbell then.
_BUSY_SLICE = 0.005
# How often the runner's own thread looks for cancellations of the jobs it
# runs (and renews their leases when due): a cancelled job stops within it.
_BEAT = 0.25
# What a job may print, stored in its row, unless its limits say otherwise.
DEFAULT_OUTPUT_LIMIT = 10 * 2**20


@dataclasses.dataclass
class SweepStats:
    """What one sweep did: conditions checked, jobs found ready, errors."""

    checked: int = 0
    ready: int = 0
    errors: int = 0
    seconds: float = 0.0
    passed: list[tuple[str, int]] = dataclasses.field(default_factory=list, repr=False)


@dataclasses.dataclass
class WorkStats:
    """What :meth:`Runner.work` did."""

    runs: int = 0
    completed: int = 0
    suspended: int = 0
    failed: int = 0
    checked: int = 0
    ready: int = 0
    sweeps: int = 0
    lost: int = 0


class Runner(Manager):
    """A worker over a job store, and the manager's API to submit and steer jobs.

    Args:
        store: a :class:`JobStore`, or a spec for :func:`open_store` (a SQLite
            path, ``":memory:"``; ``None``: ``$STATEK_VM_STORE`` or
            ``statek_vm.db``).
        globals: the host bindings every job of this runner sees (tools,
            temporal functions, durable handles).  Workers that resume a job
            must be given the same names.
        lease: seconds a claim lasts; renewed every ``lease / 3`` while a job
            runs.  A worker that dies loses its jobs to others after this.
        poll_interval: seconds between sweeps of suspended jobs' conditions.
        check_timeout: seconds one condition check may take before it is
            interrupted and recorded as an error on its job.
        max_live: the bound on jobs that are started and not final (running,
            suspended or ready) — the bounded fleet of waiting jobs.  ``None``:
            unbounded.
        on_full: beyond ``max_live``, ``"queue"`` (the default: the job waits
            as ``PENDING`` until a place frees) or ``"refuse"`` (``submit``
            raises :class:`~statek_vm.exceptions.CapacityError`).  Never dropped.
        wait_timeout: default seconds a suspension may last (``None``: no limit).
        on_timeout: escalation hook called with the job's record when a wait
            times out; returns ``None`` (the job becomes ``TIMED_OUT``), seconds
            to extend the wait, or a :class:`TimeoutDecision`.
        retry: what happens to failed jobs (off by default; see :class:`RetryPolicy`).
        max_recoveries: how many times a job lost with its worker is given to
            another before it is failed.
        retry_host_calls: as for :func:`statek_vm.run`.
        worker_id: this worker's name in leases (default: host, pid, random).
        concurrency: how many jobs :meth:`work` keeps in progress at once, on
            one event loop in this thread: a job whose script awaits host I/O
            (an async tool, a model call) lets the others run meanwhile; CPU
            work of the VM interleaves at those awaits.  Each job has its own
            lease, commit and cancellation.  1 (the default) runs one job at
            a time.
        limits: the budgets of this runner's jobs where their own
            (``submit(limits=...)``) do not set one (:class:`~statek_vm.Limits`).
        sandbox: a :class:`~statek_vm.Sandbox` (or ``True`` for its defaults)
            for every job run here, and for the conditions of their futures
            checked here; a job's snapshot also keeps the sandbox it ran with.
        backstop: a :class:`~statek_vm.jobs.Backstop`: each run of a job in a
            child process with OS limits (memory, CPU), killed after a grace
            period; a job whose process dies fails with ``LimitExceeded``
            from its last snapshot, and this worker goes on (POSIX only).

    Example::

        runner = Runner("jobs.db", globals={"wait_for_approval": wait_for_approval, "request": request})
        job_id = runner.submit(source)
        runner.work(until_idle=True)
        runner.get(job_id).status     # 'SUSPENDED'
        runner.notify("approval:42")  # after the approval changed
    """

    def __init__(
        self,
        store: JobStore | str | os.PathLike[str] | None = None,
        *,
        globals: dict[str, Any] | None = None,
        lease: float = 30.0,
        poll_interval: float = 1.0,
        check_timeout: float = 1.0,
        max_live: int | None = None,
        on_full: str = "queue",
        wait_timeout: float | None = None,
        on_timeout: EscalationHook | None = None,
        retry: RetryPolicy | None = None,
        max_recoveries: int = 3,
        retry_host_calls: bool = False,
        worker_id: str | None = None,
        batch_size: int = 1000,
        concurrency: int = 1,
        limits: Limits | None = None,
        sandbox: Sandbox | bool | None = None,
        backstop: Backstop | None = None,
    ) -> None:
        if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
            raise ValueError(f"concurrency must be an int of at least 1, not {concurrency!r}")
        for name, value in (("lease", lease), ("poll_interval", poll_interval)):
            if value <= 0:
                raise ValueError(f"{name} must be positive, not {value!r}")
        limits = checked(limits, "Runner")
        # Every job run here is sandboxed by it (a job's snapshot keeps the one it ran with).
        self.sandbox = sandbox_checked(sandbox, "Runner")
        if backstop is not None and not isinstance(backstop, Backstop):
            raise TypeError(f"Runner backstop must be a statek_vm.jobs.Backstop, not {type(backstop).__name__}")
        # Each run in a child process with OS limits (jobs/backstop.py).
        self.backstop = backstop
        self._backstop_child = False
        if globals is not None and not isinstance(globals, dict):
            raise TypeError(f"Runner globals must be a dict of host bindings, not {type(globals).__name__}")
        super().__init__(store, max_live=max_live, on_full=on_full, wait_timeout=wait_timeout, retry=retry)
        self.globals = dict(globals or {})
        self.lease = lease
        self.poll_interval = poll_interval
        self.on_timeout = on_timeout
        self.max_recoveries = max_recoveries
        self.retry_host_calls = retry_host_calls
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.batch_size = batch_size
        self.concurrency = concurrency
        # The budgets of the jobs run here, where a job's own do not set one.
        self.limits = limits or Limits()
        # Set while work() runs with max_seconds: when the runs in progress stop (time.monotonic()).
        self._work_deadline: float | None = None
        self._check = BoundedCheck(check_timeout)
        self._key = self.store.signing_key()
        self._cache: dict[str, tuple[int, Any]] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        # The jobs this runner is running now, by id (their leases are renewed).
        self._in_flight: dict[str, _Flight] = {}
        self._heartbeat: threading.Thread | None = None
        self._closed = False
        # By program hash, the most recent RECENT_PROGRAMS of each: a worker
        # that sees a new script in every job keeps no more than these.
        self._programs: collections.OrderedDict[str, tuple[str, str]] = collections.OrderedDict()
        self._polling: collections.OrderedDict[str, tuple[Any, dict[str, Any]]] = collections.OrderedDict()

    # -- steering, as a worker ---------------------------------------------------------

    def cancel(self, job_id: str) -> Status:
        status = super().cancel(job_id)
        self._cache.pop(job_id, None)
        return status

    cancel.__doc__ = Manager.cancel.__doc__

    def _work_arrived(self) -> None:
        self._wake.set()

    def resume(self, job_id: str, *, limits: Limits | None = None) -> JobRecord:
        """Check a suspended job's condition now and, if it passes, resume it here.

        A ``READY`` or ``PENDING`` job is run at once.  A ``FAILED`` or
        ``TIMED_OUT`` job that has a snapshot is made ``READY`` again and
        continues from that snapshot once its condition passes (instructions
        that ran after the snapshot run again: the operator asked for it).
        A job that a budget stopped continues where it stopped, under
        ``limits`` if given.  Returns the job's record afterwards.
        """
        record = self.store.get(job_id)
        reopen_limits = stored(limits, "resume()")
        if record.status in (Status.FAILED, Status.TIMED_OUT) and self.store.reopen(
            record.id, now=time.time(), limits=reopen_limits
        ):
            record = self.store.get(record.id)
        if record.status == Status.SUSPENDED:
            self._check_batch([(record.id, record.version)])
            record = self.store.get(record.id)
        if record.status in RUNNABLE:
            self.run_job(record.id)
        return self.store.get(record.id)

    def stop(self) -> None:
        """Ask :meth:`work` to return: no job is claimed any more, and the runs in progress stop.

        A run in progress stops at its next checkpoint (within about a
        millisecond of script code, or when the host call it is in returns),
        and commits: its job is left where it stopped, ready for any worker
        to go on (or at the await it waits in, which ends first).
        Safe from a signal handler and from other threads.
        """
        self._stop.set()
        self._wake.set()
        self._pause_running()

    def _pause_running(self) -> None:
        for flight in tuple(self._in_flight.values()):
            if flight.job is not None:
                if flight.job.status != JobStatus.STARTED:
                    flight.job._pause_at_start = True  # (loaded, its run not started yet: it stops at once)
                flight.job.pause()
            elif flight.child is not None:
                _signal_child(flight.child, signal.SIGTERM)  # it pauses its job and sends it back

    def close(self) -> None:
        """Stop, and end the runner's threads (lease renewal, check watchdog)."""
        self.stop()
        self._closed = True
        self._check.close()

    # -- the worker -------------------------------------------------------------------

    def work(
        self,
        *,
        until_idle: bool = False,
        max_seconds: float | None = None,
        on_tick: Callable[[dict[Status, int]], None] | None = None,
        tick_seconds: float = 1.0,
        wake_poll: float = 0.001,
        doorbell: bool = True,
        on_run: Callable[[JobRecord], None] | None = None,
    ) -> WorkStats:
        """The worker loop: run runnable jobs, poll suspended ones, apply policy.

        Up to ``concurrency`` jobs are in progress at once, on an event loop
        of the worker's own (inside a running loop, use :meth:`awork`).
        After :meth:`stop` no job is claimed any more, and the runs in
        progress end and commit before this returns.

        Args:
            until_idle: return once nothing is runnable or ready (every
                suspended job's condition was checked and none passed), for
                cron jobs and tests.  Jobs waiting for a retry delay are
                waited for.
            max_seconds: return after this long at the latest (once the runs
                in progress have ended).
            on_tick: called every ``tick_seconds`` with the job count per
                status (the CLI's live count).
            wake_poll: where the store has no doorbell (or ``doorbell=False``),
                seconds between looks for other processes' commits while idle
                (``notify`` from another process arrives within it; at 1 ms
                an idle worker uses about 5 % of a core).
            doorbell: wait on the store's doorbell while idle (the default):
                rung by whatever makes work, it wakes the worker at once and
                costs nothing while nothing happens.  The change counter is
                still read every 50 ms as a fallback.
            on_run: called after each run of a job here ends (the CLI's log),
                with the job's record as it was claimed: ``store.get(id)``
                gives it as the run left it, and the output it printed in
                the run is what follows the claimed record's ``output``.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise StatekError("Runner.work() cannot run inside a running event loop: use `await runner.awork(...)`")
        return asyncio.run(
            self.awork(
                until_idle=until_idle,
                max_seconds=max_seconds,
                on_tick=on_tick,
                tick_seconds=tick_seconds,
                wake_poll=wake_poll,
                doorbell=doorbell,
                on_run=on_run,
            )
        )

    async def awork(
        self,
        *,
        until_idle: bool = False,
        max_seconds: float | None = None,
        on_tick: Callable[[dict[Status, int]], None] | None = None,
        tick_seconds: float = 1.0,
        wake_poll: float = 0.001,
        doorbell: bool = True,
        on_run: Callable[[JobRecord], None] | None = None,
    ) -> WorkStats:
        """:meth:`work` on the running event loop (the jobs' awaits run on it)."""
        self._stop.clear()
        loop = _WorkLoop(self, until_idle, max_seconds, on_tick, tick_seconds, wake_poll, on_run)
        bell = self.store.doorbell(self.worker_id) if doorbell else None
        self._work_deadline = None if max_seconds is None else time.monotonic() + max_seconds
        try:
            return await loop.run(bell)
        finally:
            self._work_deadline = None
            if bell is not None:
                bell.close()

    def run_job(self, job_id: str) -> JobRecord:
        """Claim one job (``PENDING`` or ``READY``) and run it here, now.

        Raises :class:`JobStoreError` if it is not runnable (for example it
        is running elsewhere, or final).
        """
        record = self.store.get(job_id)
        claimed = self.store.claim(
            self.worker_id, python=PYTHON, lease=self.lease, now=time.time(), max_live=self.max_live, job_id=record.id
        )
        if claimed is None:
            current = self.store.get(record.id)
            reason = f"it is {current.status.value}"
            if current.python != PYTHON:
                reason = f"it runs on CPython {current.python}, this is {PYTHON}"
            elif current.status == Status.PENDING and self.max_live is not None:
                reason = f"{self.max_live} jobs are live already (max_live)"
            raise JobStoreError(f"job {current.id[:12]} cannot run now: {reason}")
        self._run_claimed(claimed)
        return self.store.get(record.id)

    def maintain(self) -> int:
        """Expire lost leases and settle timed-out waits; returns the leases expired."""
        now = time.time()
        lost = self.store.expire_leases(now=now, max_recoveries=self.max_recoveries)
        for record in self.store.due_timeouts(python=PYTHON, now=now):
            self._time_out(record, now)
        return len(lost)

    def sweep(self) -> SweepStats:
        """Check every suspended job's condition once, in batches."""
        total = SweepStats()
        started = time.perf_counter()
        after = ""
        seen: set[str] = set()
        while True:
            batch = self.store.suspended(python=PYTHON, after=after, limit=self.batch_size)
            if not batch:
                break
            after = batch[-1][0]
            seen.update(job_id for job_id, _ in batch)
            part = self._check_batch(batch)
            total.checked += part.checked
            total.ready += part.ready
            total.errors += part.errors
        # Forget futures of jobs that are no longer suspended.
        for job_id in [i for i in self._cache if i not in seen]:
            del self._cache[job_id]
        total.seconds = time.perf_counter() - started
        return total

    # -- inside ----------------------------------------------------------------------

    def _claim(self) -> JobRecord | None:
        return self.store.claim(
            self.worker_id, python=PYTHON, lease=self.lease, now=time.time(), max_live=self.max_live
        )

    def _runnable_delay(self) -> float | None:
        """Seconds until something is runnable (0: now), or ``None`` if nothing will be."""
        now = time.time()
        soonest: float | None = None
        records = self.store.jobs(statuses=[Status.READY, Status.PENDING], python=PYTHON, limit=50, newest_first=False)
        counts = self.store.counts(python=PYTHON) if self.max_live is not None else None
        for record in records:
            if record.status == Status.PENDING and counts is not None and self.max_live is not None:
                live = counts[Status.STARTED] + counts[Status.SUSPENDED] + counts[Status.READY]
                if live >= self.max_live:
                    continue
            wait = max(0.0, (record.not_before or now) - now)
            soonest = wait if soonest is None else min(soonest, wait)
        return soonest

    @staticmethod
    def _tally(stats: WorkStats, status: Status | None) -> None:
        stats.runs += 1
        if status == Status.COMPLETED:
            stats.completed += 1
        elif status == Status.SUSPENDED:
            stats.suspended += 1
        elif status == Status.FAILED:
            stats.failed += 1

    def _program(self, digest: str) -> tuple[str, str]:
        program = self._programs.get(digest)
        if program is None:
            program = self.store.program(digest)
        _keep_recent(self._programs, digest, program)
        return program

    def _check_batch(self, items: Sequence[tuple[str, int]], *, mark: bool = True) -> SweepStats:
        """Check the conditions of these suspended jobs; mark the ready ones
        ``READY`` (or, with ``mark=False``, only list them in ``passed``)."""
        stats = SweepStats()
        cache = self._cache
        missing = [job_id for job_id, version in items if cache.get(job_id, (None,))[0] != version]
        if missing:
            self._load_futures(missing)
        ready: list[tuple[str, int]] = []
        check = self._check
        for job_id, version in items:
            entry = cache.get(job_id)
            if entry is None or entry[0] != version:
                continue  # no longer suspended at that version
            future = entry[1]
            if isinstance(future, _Unloadable):
                continue  # recorded once when it failed to load
            stats.checked += 1
            try:
                passed = check(future.check_condition)
            except ConditionTimeout as error:
                stats.errors += 1
                self.store.record_condition_error(job_id, version, str(error), now=time.time())
                continue
            except Exception as error:  # noqa: BLE001 - any error of a condition is the job's, not the worker's
                stats.errors += 1
                message = f"{type(error).__name__}: {error}"
                self.store.record_condition_error(job_id, version, message, now=time.time())
                continue
            if passed:
                ready.append((job_id, version))
        for job_id, _ in ready:
            cache.pop(job_id, None)
        stats.passed = ready
        if ready and mark:
            stats.ready = self.store.mark_ready(ready, now=time.time())
            self._wake.set()
        return stats

    def _load_futures(self, job_ids: list[str]) -> None:
        for job_id, (version, blob, program_hash, path) in self.store.awaited(job_ids).items():
            try:
                if blob is None:
                    raise StatekError("the job has no awaited future stored")
                namespace = self._polling.get(program_hash)
                if namespace is None:
                    namespace = polling_namespace(*self._program(program_hash), self.sandbox)
                _keep_recent(self._polling, program_hash, namespace)
                sys_path_add(path)
                program, script_builtins = namespace
                future = load_awaited(
                    blob, program=program, builtins_=script_builtins, bindings=self.globals, key=self._key
                )
            except Exception as error:  # noqa: BLE001 - recorded on the job, which stays suspended
                message = f"cannot load the awaited future: {type(error).__name__}: {error}"
                self.store.record_condition_error(job_id, version, message, now=time.time())
                self._cache[job_id] = (version, _Unloadable(message))
                continue
            self._cache[job_id] = (version, future)

    def _time_out(self, record: JobRecord, now: float) -> None:
        decision: TimeoutDecision
        if self.on_timeout is None:
            decision = TimeoutDecision()
        else:
            try:
                answer = self.on_timeout(record)
            except Exception as error:  # noqa: BLE001 - the hook's error is recorded; the job waits on
                message = f"the on_timeout hook raised {type(error).__name__}: {error}; checked again later"
                self.store.record_condition_error(record.id, record.version, message, now=now)
                return
            if answer is None:
                decision = TimeoutDecision()
            elif isinstance(answer, TimeoutDecision):
                decision = answer
            elif isinstance(answer, (int, float)) and not isinstance(answer, bool) and answer > 0:
                decision = TimeoutDecision(extend=float(answer), reason=f"extended by {answer:g} s by on_timeout")
            else:
                message = f"the on_timeout hook returned {answer!r}: expected None, seconds or a TimeoutDecision"
                self.store.record_condition_error(record.id, record.version, message, now=now)
                return
        if decision.extend is not None:
            self.store.end_wait(
                record.id, record.version, status=None, deadline=now + decision.extend, reason=decision.reason, now=now
            )
        else:
            reason = decision.reason
            if record.wait_timeout is not None and decision == TimeoutDecision():
                reason = f"the wait at {record.filename}:{record.line} lasted more than {record.wait_timeout:g} s"
            self.store.end_wait(
                record.id, record.version, status=decision.status, deadline=None, reason=reason, now=now
            )
            self._cache.pop(record.id, None)

    def _run_claimed(self, record: JobRecord) -> Status | None:
        """Run a claimed job here, to its next suspension or its end, and commit.

        The job's awaits run on an event loop of its own (:func:`run`).
        """
        if self.backstop is not None and not self._backstop_child:
            return self._run_backstopped(record, _Flight(record.version))
        flight = self._in_flight[record.id] = _Flight(record.version)
        self._ensure_heartbeat()
        events: list[dict[str, Any]] = []
        try:
            sys_path_add(record.path)
            source, filename = self._program(record.program_hash)
            try:
                job, started = self._prepare(record, source, filename, events, flight)
                if started:
                    job._start()
                else:
                    job.resume(limits=self._limits_of(record))
            except (StatekError, SyntaxError) as error:
                return self._commit_error(record, events, error)
            if flight.cancelled and job.status not in (JobStatus.COMPLETED, JobStatus.CANCELLED):
                return self._commit_cancelled(record, events, job.output)
            return self._conclude(job, record, filename, events)
        finally:
            self._in_flight.pop(record.id, None)

    def _run_backstopped(self, record: JobRecord, flight: _Flight) -> Status | None:
        """Run a claimed job in a child process with the backstop's OS limits (jobs/backstop.py)."""
        self._in_flight[record.id] = flight
        self._ensure_heartbeat()
        try:
            return run_in_child(self, record, flight)
        finally:
            self._in_flight.pop(record.id, None)

    async def _arun_claimed(self, record: JobRecord, flight: _Flight) -> Status | None:
        """:meth:`_run_claimed` on the worker's running event loop, beside other jobs.

        A job cancelled while it runs is interrupted at its next await
        (:class:`asyncio.CancelledError` is raised there, as natively) and
        ends ``CANCELLED``; a run the worker abandons commits nothing (its
        lease expires and the job is recovered).
        """
        if self.backstop is not None:
            # (its process waited for on a thread: the loop goes on with the others)
            return await asyncio.to_thread(self._run_backstopped, record, flight)
        events: list[dict[str, Any]] = []
        try:
            sys_path_add(record.path)
            source, filename = self._program(record.program_hash)
            try:
                job, started = self._prepare(record, source, filename, events, flight)
                if started:
                    await job._astart()
                else:
                    await job.aresume(limits=self._limits_of(record))
            except (StatekError, SyntaxError) as error:
                return None if flight.abandoned else self._commit_error(record, events, error)
            except asyncio.CancelledError:
                if not flight.cancelled or flight.abandoned:
                    raise
                return self._commit_cancelled(record, events, record.output)
            if flight.abandoned or (_cancelling() and not flight.cancelled):
                # Cancelled from outside (the loop shutting down): the
                # CancelledError the script saw is not its outcome.
                return None
            if flight.cancelled and job.status not in (JobStatus.COMPLETED, JobStatus.CANCELLED):
                return self._commit_cancelled(record, events, job.output)
            return self._conclude(job, record, filename, events)
        finally:
            self._in_flight.pop(record.id, None)

    def _prepare(
        self, record: JobRecord, source: str, filename: str, events: list[dict[str, Any]], flight: _Flight
    ) -> tuple[Job, bool]:
        """A claimed job, loaded from its snapshot, or made to start (then ``True``), held by ``flight``.

        A stop that came while it was prepared (``_pause_running`` did not
        see it) stops its run at its first checkpoint.
        """
        job, started = self._made_or_loaded(record, source, filename, events)
        flight.job = job
        if self._stop.is_set():
            job._pause_at_start = True
        return job, started

    def _made_or_loaded(
        self, record: JobRecord, source: str, filename: str, events: list[dict[str, Any]]
    ) -> tuple[Job, bool]:
        """A claimed job, loaded from its snapshot, or made to start (then ``True``)."""
        if record.snapshot is None:
            namespace = {"__name__": "__main__"}
            if record.path is not None:
                namespace["__file__"] = filename
            if record.inputs:
                # Fresh copies for each start (a retry from the start gets them as submitted).
                namespace.update(json.loads(json.dumps(record.inputs)))
            events.append({"event": "started", "at": time.time()})
            job = _new_job(
                source,
                self.globals,
                filename,
                namespace,
                "exec",
                self.retry_host_calls,
                None,
                self._limits_of(record),
                self.sandbox,
            )
            job.id = record.id
            return job, True
        job = Job.loads(
            record.snapshot,
            self.globals,
            key=self._key,
            programs={record.program_hash: (source, filename)},
            sandbox=self.sandbox,
        )
        events.append({"event": "resumed", "instr": job.next_instr_num, "line": record.line, "at": time.time()})
        return job, False

    def _limits_of(self, record: JobRecord) -> Limits:
        """A job's budgets here: its own, else this runner's; its output at most DEFAULT_OUTPUT_LIMIT unless set."""
        limits = self.limits | Limits.from_dict(record.limits)
        if limits.output is None:
            limits = limits | Limits(output=DEFAULT_OUTPUT_LIMIT)
        return limits

    def _commit_error(self, record: JobRecord, events: list[dict[str, Any]], error: BaseException) -> Status | None:
        """Fail a job that could not be started or loaded here (a binding this
        worker lacks, a snapshot that fails its check); its last snapshot is kept."""
        outcome = dataclasses.replace(record, status=Status.FAILED)
        outcome.set_failure(JobError.from_exception(error, with_traceback=False))
        events.append({"event": "failed", "error": outcome.error, "at": time.time()})
        return self._commit(outcome, record, events)

    def _commit_cancelled(
        self,
        record: JobRecord,
        events: list[dict[str, Any]],
        output: str,
        reason: str = "cancelled while it ran: the run was interrupted at an await",
    ) -> Status | None:
        """End a job whose run was interrupted by its cancellation; its last snapshot is kept."""
        outcome = dataclasses.replace(
            record,
            status=Status.CANCELLED,
            output=output,
            error=reason,
            error_type=None,
            error_message=None,
            awaited=None,
            keys=(),
            deadline=None,
        )
        events.append({"event": "cancelled", "reason": reason, "at": time.time()})
        return self._commit(outcome, record, events)

    def _conclude(self, job: Job, record: JobRecord, filename: str, events: list[dict[str, Any]]) -> Status | None:
        """Commit the outcome of a run that ended (suspended, completed or failed)."""
        outcome = dataclasses.replace(record, updated=time.time())
        outcome.output = job.output
        now = time.time()
        if job.status == JobStatus.CANCELLED:
            return self._commit_cancelled(
                record, events, job.output, "cancelled while it ran: it stopped between two instructions"
            )
        if job.status == JobStatus.FAILED and job.stopped:
            return self._commit_stopped(job, record, outcome, events)
        if job.status == JobStatus.SUSPENDED:
            try:
                snapshot = job.dumps(key=self._key, include_program=False)
                awaited = dump_awaited(
                    job.awaited_result,
                    program=job.program,
                    bindings=job._bindings,
                    builtins_=job.namespace["__builtins__"],
                    key=self._key,
                )
            except StatekError as error:
                outcome.status = Status.FAILED
                outcome.set_failure(JobError.from_exception(error, with_traceback=False))
                events.append({"event": "failed", "error": outcome.error, "at": now})
                return self._commit(outcome, record, events)
            location = job.location or (filename, None)
            frame = job.frames[0]
            outcome.status = Status.SUSPENDED
            outcome.snapshot = snapshot
            outcome.awaited = awaited
            outcome.awaited_summary = _summary(job.awaited_result)
            outcome.keys = tuple(sorted(dependency_keys(job.awaited_result)))
            outcome.next_instr_num = job.next_instr_num
            outcome.line = location[1]
            outcome.function = frame.unit.qualname
            if job.history and job.history[-1].get("event") == "checked":
                # Claimed as ready, but the condition no longer passed:
                # nothing ran, and the wait keeps its deadline.
                outcome.deadline = record.deadline
            elif record.wait_timeout is not None:
                outcome.deadline = now + record.wait_timeout
            else:
                outcome.deadline = None
            outcome.set_failure(None)
            if type(job.awaited_result) is StopSignal:
                # Stopped by this worker (it stops): any worker goes on from here.
                outcome.status = Status.READY
                outcome.awaited = None
                outcome.awaited_summary = "stopped by its worker; ready to go on"
                outcome.keys = ()
                outcome.deadline = None
                events.append({"event": "paused", "instr": job.next_instr_num, "line": outcome.line, "at": now})
                return self._commit(outcome, record, events)
            events.append(
                {
                    "event": "suspended",
                    "instr": job.next_instr_num,
                    "line": outcome.line,
                    "function": outcome.function,
                    "awaited": outcome.awaited_summary,
                    "at": now,
                }
            )
        elif job.status == JobStatus.COMPLETED:
            outcome.status = Status.COMPLETED
            outcome.awaited_summary = ""
            outcome.keys = ()
            outcome.deadline = None
            outcome.set_failure(None)
            self._keep_result(outcome, job.result)
            events.append({"event": "completed", "at": now})
        else:
            failure = job.failure
            assert failure is not None
            error_type = str(failure.type)
            outcome.set_failure(failure)
            outcome.attempts = record.attempts + 1
            outcome.deadline = None
            if self.retry.retries(error_type, outcome.attempts):
                outcome.status = Status.READY if record.snapshot is not None else Status.PENDING
                outcome.not_before = now + self.retry.delay_before(outcome.attempts)
                outcome.output = record.output
                events.append(
                    {
                        "event": "retry",
                        "error": f"{error_type}: {job.error}",
                        "attempt": outcome.attempts,
                        "from": "last snapshot" if record.snapshot is not None else "start",
                        "note": "the instructions after that point run again",
                        "at": now,
                    }
                )
            else:
                outcome.status = Status.FAILED
                events.append({"event": "failed", "error": f"{error_type}: {job.error}", "at": now})
        return self._commit(outcome, record, events)

    def _commit_stopped(
        self, job: Job, record: JobRecord, outcome: JobRecord, events: list[dict[str, Any]]
    ) -> Status | None:
        """A job that a budget stopped: FAILED, with its snapshot where it stopped (``resume`` goes on there)."""
        assert isinstance(job.error, LimitExceeded)
        try:
            outcome.snapshot = job.dumps(key=self._key, include_program=False)
        except StatekError as error:
            outcome.snapshot = record.snapshot
            message = f"{job.error}; its state there could not be kept: {error}"
            outcome.set_failure(JobError("LimitExceeded", message, message, job.error))
        else:
            outcome.set_failure(JobError.from_exception(job.error, with_traceback=False))
            location = job.location or (None, None)
            outcome.next_instr_num = job.next_instr_num
            outcome.line = location[1]
            outcome.function = job.frames[0].unit.qualname
        outcome.status = Status.FAILED
        outcome.awaited = None
        outcome.awaited_summary = ""
        outcome.keys = ()
        outcome.deadline = None
        events.append(
            {"event": "failed", "error": outcome.error, "limit": job.error.limit, "usage": job.usage, "at": time.time()}
        )
        return self._commit(outcome, record, events)

    def _keep_result(self, outcome: JobRecord, value: Any) -> None:
        """Put a completed job's result in its record: the value, and the forms the store keeps (jobs/results.py)."""
        kept = keep_result(value, self._key)
        outcome.result_data, outcome.result_json, outcome.result_repr = kept.data, kept.json, kept.repr
        if kept.data is None:
            # As a store reads it back: what it could not pickle is its repr.
            outcome.result, outcome.result_is_repr = kept.repr, True
        else:
            outcome.result, outcome.result_is_repr = value, False

    def _commit(self, outcome: JobRecord, claimed: JobRecord, events: list[dict[str, Any]]) -> Status | None:
        outcome.updated = time.time()
        status = self.store.commit(outcome, version=claimed.version, owner=self.worker_id, events=events)
        if status is None:
            # Our lease was lost (we stalled longer than it): another worker
            # owns the job now, and this run's outcome is dropped.
            print(
                f"statek-vm: worker {self.worker_id} lost the lease of job {claimed.id[:12]}; its outcome was dropped",
                file=sys.stderr,
            )
        elif status == Status.SUSPENDED:
            self._wake.set()
        return status

    def _ensure_heartbeat(self) -> None:
        if self._heartbeat is not None and self._heartbeat.is_alive():
            return
        # One thread per runner renews the leases of the jobs being run, so a
        # long run keeps its job while a dead worker's jobs expire; and stops
        # the runs whose jobs were cancelled, or that work() has no time
        # left for: from here, because a run that computes holds the event
        # loop's thread until it stops.
        self._heartbeat = start_periodic(
            self,
            lambda runner: min(_BEAT, runner.lease / 3),
            lambda runner: runner._beat(),
            name="statek-vm lease",
        )

    def _beat(self) -> None:
        # (a copy: the event loop's thread adds and removes jobs meanwhile)
        flights = tuple(self._in_flight.items())
        if not flights:
            return
        now = time.time()
        for job_id, flight in flights:
            if now - flight.renewed < self.lease / 3:
                continue
            try:
                self.store.renew(job_id, flight.version, self.worker_id, now + self.lease)
                flight.renewed = now
            except Exception as error:  # noqa: BLE001 - a failed renewal is retried at the next beat
                print(f"statek-vm: could not renew the lease of job {job_id[:12]}: {error}", file=sys.stderr)
        try:
            cancelled = self.store.cancel_requested([job_id for job_id, _ in flights])
        except Exception as error:  # noqa: BLE001 - looked for again at the next beat
            print(f"statek-vm: could not look for cancellations: {error}", file=sys.stderr)
            cancelled = []
        for job_id in cancelled:
            running = self._in_flight.get(job_id)
            if running is not None and running.job is not None:
                running.cancelled = True
                running.job.cancel()
            elif running is not None and running.child is not None:
                running.cancelled = True
                _signal_child(running.child, signal.SIGUSR1)  # it cancels its job
        deadline = self._work_deadline
        if deadline is not None and time.monotonic() >= deadline:
            self._pause_running()


def _signal_child(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # (it has just ended)
        os.kill(pid, signum)


@dataclasses.dataclass
class _Flight:
    """A job this runner is running: what its lease renewal and its cancellation need."""

    version: int
    task: asyncio.Task[Status | None] | None = None
    # The job, once made or loaded: its run can be asked to stop (cancel, pause).
    job: Job | None = None
    # The process running it, with a backstop (jobs/backstop.py).
    child: int | None = None
    # When its lease was last renewed (time.time()); claimed with a full lease.
    renewed: float = dataclasses.field(default_factory=time.time)
    # The job was cancelled while it ran: its run is interrupted, it ends CANCELLED.
    cancelled: bool = False
    # The worker stops at once (an error, a second Ctrl-C): nothing is committed.
    abandoned: bool = False


class _WorkLoop:
    """One call of :meth:`Runner.awork`: its timers, its jobs in flight, its counts.

    Store calls are made from the event loop's thread, not a thread pool:
    each is one short transaction with no user code inside (a fraction of a
    millisecond on SQLite, a round trip on PostgreSQL), and the VM's work
    holds the GIL anyway, so a pool would buy little overlap for a
    connection per thread and a second order of operations to reason about.
    Lease renewal stays on its own thread, so that a job blocking the loop
    in a synchronous host call keeps its lease (and the others theirs).
    """

    def __init__(
        self,
        runner: Runner,
        until_idle: bool,
        max_seconds: float | None,
        on_tick: Callable[[dict[Status, int]], None] | None,
        tick_seconds: float,
        wake_poll: float,
        on_run: Callable[[JobRecord], None] | None,
    ) -> None:
        self.runner = runner
        self.until_idle = until_idle
        self.max_seconds = max_seconds
        self.on_tick = on_tick
        self.tick_seconds = tick_seconds
        self.wake_poll = wake_poll
        self.on_run = on_run
        self.stats = WorkStats()
        self.started = time.monotonic()
        self.seen = runner.store.changes()
        self.next_sweep = self.next_maintenance = self.next_tick = 0.0
        self.swept_since_activity = False
        # The runs in progress, each with its job's record as claimed (for on_run).
        self.tasks: dict[asyncio.Task[Status | None], JobRecord] = {}
        self.bell_wait: asyncio.Future[bool] | None = None
        # Set whenever a run ends: one thing to wait on, however many are in flight.
        self.ended = asyncio.Event()

    async def run(self, bell: Doorbell | None) -> WorkStats:
        try:
            await self._loop(bell)
            await self._drain()
        except BaseException:
            for flight in self.runner._in_flight.values():
                if flight.task is not None:
                    flight.abandoned = True
                    flight.task.cancel()
            raise
        finally:
            if self.bell_wait is not None:
                await asyncio.wait([self.bell_wait])  # the doorbell is closed next
        return self.stats

    def _out_of_time(self) -> bool:
        return self.max_seconds is not None and time.monotonic() - self.started >= self.max_seconds

    def _room(self) -> bool:
        return len(self.tasks) < self.runner.concurrency

    async def _loop(self, bell: Doorbell | None) -> None:
        runner = self.runner
        stats = self.stats
        while not runner._stop.is_set():
            self._reap()
            now_m = time.monotonic()
            if self._out_of_time():
                break
            if self.on_tick is not None and now_m >= self.next_tick:
                self.on_tick(runner.store.counts(python=PYTHON))
                self.next_tick = now_m + self.tick_seconds
            if now_m >= self.next_maintenance:
                self._maintain()
            activity = self._run_woken()
            if now_m >= self.next_sweep:
                sweep = runner.sweep()
                stats.sweeps += 1
                stats.checked += sweep.checked
                stats.ready += sweep.ready
                self.next_sweep = time.monotonic() + runner.poll_interval
                activity = activity or sweep.ready > 0
                self.swept_since_activity = True
            while self._room() and not runner._stop.is_set() and not self._out_of_time():
                record = runner._claim()
                if record is None:
                    break
                activity = True
                self._launch(record)
                # The job runs to its first await before the next claim: its
                # host I/O is under way while the others are claimed.
                await asyncio.sleep(0)
            if activity:
                self._active()
                await asyncio.sleep(0)  # the jobs just launched start
                continue
            if not self.tasks and self.until_idle and self.swept_since_activity:
                delay = runner._runnable_delay()
                if delay is None:
                    break
                await asyncio.sleep(min(delay, runner.poll_interval))
                continue
            await self._wait(bell)

    async def _drain(self) -> None:
        """Let the runs in progress end and commit (their cancellations still apply)."""
        while self.tasks:
            await asyncio.wait(set(self.tasks), timeout=self._maintenance_interval())
            self._reap()
            if self.tasks:
                self._maintain()

    def _maintenance_interval(self) -> float:
        return min(self.runner.lease / 3, self.runner.poll_interval)

    def _maintain(self) -> None:
        runner = self.runner
        self.stats.lost += runner.maintain()
        self.next_maintenance = time.monotonic() + self._maintenance_interval()
        running = [job_id for job_id, flight in runner._in_flight.items() if flight.task is not None]
        if running:
            for job_id in runner.store.cancel_requested(running):
                flight = runner._in_flight.get(job_id)
                if flight is not None and flight.task is not None and not flight.cancelled:
                    flight.cancelled = True
                    flight.task.cancel()

    def _run_woken(self) -> bool:
        """Claim and launch the woken jobs whose condition passes (the notify
        path: one step from SUSPENDED to STARTED); beyond the free places, mark
        them READY for any worker."""
        runner = self.runner
        woken = runner.store.take_woken(python=PYTHON, limit=runner.batch_size)
        if not woken:
            return False
        sweep = runner._check_batch(woken, mark=False)
        self.stats.checked += sweep.checked
        activity = False
        later: list[tuple[str, int]] = []
        for job_id, version in sweep.passed:
            if not self._room() or runner._stop.is_set():
                later.append((job_id, version))
                continue
            record = runner.store.claim(
                runner.worker_id,
                python=PYTHON,
                lease=runner.lease,
                now=time.time(),
                job_id=job_id,
                ready_version=version,
            )
            if record is not None:
                self.stats.ready += 1
                activity = True
                self._launch(record)
        if later:
            self.stats.ready += runner.store.mark_ready(later, now=time.time())
            activity = True
        return activity

    def _launch(self, record: JobRecord) -> None:
        runner = self.runner
        flight = _Flight(record.version)
        runner._in_flight[record.id] = flight
        runner._ensure_heartbeat()
        flight.task = asyncio.create_task(runner._arun_claimed(record, flight), name=f"statek-vm job {record.id[:12]}")
        flight.task.add_done_callback(lambda _: self.ended.set())
        self.tasks[flight.task] = record

    def _reap(self) -> None:
        """Count the runs that ended; a worker's own error (a store failing) is raised here."""
        self.ended.clear()
        done = [task for task in self.tasks if task.done()]
        for task in done:
            claimed = self.tasks.pop(task)
            Runner._tally(self.stats, task.result())
            if self.on_run is not None:
                self.on_run(claimed)
        if done:
            self._active()

    def _active(self) -> None:
        self.swept_since_activity = False
        if self.until_idle:
            self.next_sweep = 0.0  # idle means a sweep after the last activity found nothing

    async def _wait(self, bell: Doorbell | None) -> None:
        """Wait for a run to end, the doorbell (rung by whatever makes work), a
        local wake-up, another process's commit, or the next timer."""
        runner = self.runner
        deadline = min(self.next_sweep, self.next_maintenance)
        if self.on_tick is not None:
            deadline = min(deadline, self.next_tick)
        if self.max_seconds is not None:
            deadline = min(deadline, self.started + self.max_seconds)
        while not runner._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            ended = asyncio.ensure_future(self.ended.wait())
            waiting: set[asyncio.Future[Any]] = {ended}
            if bell is not None:
                # The doorbell blocks: it is waited on in a thread, in slices,
                # and the change counter is still read between them (a missed
                # ring costs at most a slice, never a job).
                if self.bell_wait is None:
                    self.bell_wait = asyncio.ensure_future(asyncio.to_thread(bell.wait, _BELL_SLICE))
                waiting.add(self.bell_wait)
                timeout = remaining
            else:
                timeout = min(self.wake_poll, remaining)
            await asyncio.wait(waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            ended.cancel()
            if self.bell_wait is not None and self.bell_wait.done():
                rung = self.bell_wait.result()
                self.bell_wait = None
                if rung:
                    return
            if self.ended.is_set():
                return
            if runner._wake.is_set():
                runner._wake.clear()
                return
            changes = runner.store.changes()
            if changes != self.seen:
                self.seen = changes
                return


def _cancelling() -> bool:
    """Whether the current task was cancelled by someone (and not uncancelled)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


class _Unloadable:
    """Stands for an awaited future that failed to load (recorded on its job)."""

    def __init__(self, message: str) -> None:
        self.message = message


def _summary(future: Any) -> str:
    """A readable description of a future that never reads its value."""
    if not is_future(future):
        return repr(type(future).__name__)
    text = repr(future)
    return text if len(text) <= 200 else text[:197] + "..."


def _keep_recent(table: collections.OrderedDict[str, Any], key: str, value: Any) -> None:
    table[key] = value
    table.move_to_end(key)
    if len(table) > RECENT_PROGRAMS:
        table.popitem(last=False)


def sys_path_add(path: str | None) -> None:
    """Put a script's folder first on ``sys.path`` (once), as ``python script.py`` does."""
    if path and path not in sys.path:
        sys.path.insert(0, path)
