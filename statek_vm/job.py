"""Jobs: a script's execution, which may suspend and resume.

``statek_vm.run(source)`` compiles the script, runs it on the VM and returns a
:class:`Job`.  If the script needs the value of a pending future, the job is
``SUSPENDED`` with ``awaited_result`` (the future) and ``next_instr_num`` (the
program-wide number of the instruction that needs it).  ``job.resume()``
checks the future's condition and, when it passes, continues at exactly that
instruction; nothing that already ran runs again.
"""

from __future__ import annotations

import asyncio
import builtins
import collections
import contextvars
import enum
import gc
import importlib
import inspect
import io
import sys
import threading
import time
import types
import uuid
import weakref
from typing import Any

from statek_vm import module_state, output, sandbox
from statek_vm.exceptions import JobCancelled, LimitExceeded, SnapshotError, StatekError, VMInternalError
from statek_vm.job_error import JobError
from statek_vm.limits import Limits, Meter, StopSignal, checked
from statek_vm.program.code_unit import PY_MINOR, CodeUnit
from statek_vm.program.program import Program, compile_program
from statek_vm.sandbox import Sandbox
from statek_vm.sandbox import checked as sandbox_checked
from statek_vm.snapshot import envelope, pickling
from statek_vm.vm import library, runtime, script_asyncio
from statek_vm.vm.frame import RET_BASE, Frame
from statek_vm.vm.interpreter import Interpreter, Suspension
from statek_vm.vm.loop_edge import ENTER, ENTER_LOOP, WAIT, LoopSignal
from statek_vm.vm.not_resumable import end_run
from statek_vm.vm.objects import VMCoroutine
from statek_vm.vm.script_frames import clean_traceback

# The number of most recent events a job keeps in ``history``.
HISTORY_LIMIT = 20
# The number of those a snapshot carries: the story of the latest wait
# (loaded, resumed, suspended).  A job store keeps the whole history beside
# its snapshots; carrying more would make a small job's snapshot mostly
# history (each event is 30 to 70 bytes).
SNAPSHOT_HISTORY = 3

# The CPython versions whose bytecode the VM interprets (each has its
# dialect: statek_vm/vm/dialect.py).
SUPPORTED_VERSIONS = frozenset({(3, 11), (3, 12), (3, 13)})


class JobStatus(enum.StrEnum):
    """Where a job is in its life.  A ``str`` enum: ``job.status == "SUSPENDED"`` holds."""

    STARTED = "STARTED"
    SUSPENDED = "SUSPENDED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


# The status of every job that has a snapshot (``.value`` is a property: read once).
_SUSPENDED = JobStatus.SUSPENDED.value


class Job:
    """One execution of an agent script.

    Attributes:
        id: a unique id (a UUID4 hex string).
        status: a :class:`JobStatus`.
        namespace: the script's module globals.
        awaited_result: the future the job waits for while ``SUSPENDED``, else ``None``.
        next_instr_num: the program-wide number of the instruction where the job
            continues while ``SUSPENDED``, else ``None``.
        error: the exception that failed the job (``FAILED``), with a traceback
            naming the script's file, lines and functions; a
            :class:`~statek_vm.LimitExceeded` when it used up a budget
            (then, if ``error.resumable``, its state is kept where it
            stopped: :meth:`resume` with larger ``limits`` goes on).
            :attr:`failure` gives it in the shape a store's record has.
        result: the value of the script's final statement when that is an
            expression statement (as a notebook cell's), once the job is
            ``COMPLETED``; ``None`` otherwise (no final expression, or not
            completed: suspended, failed, cancelled).  Taken when that
            statement ends, so once, however often the job suspended inside
            it (``approve(request)`` as the last line).  A job run with
            ``mode="single"`` has none (the value goes to ``sys.displayhook``).
        history: a list of events (``started``, ``suspended``, ``resumed``, ...).
    """

    # What travels by name in this job's snapshots; made by its first
    # ``dumps`` or by ``loads``, then kept (the bindings do not change).
    _refs: pickling.References | None = None
    # A pause asked of the job before its next run starts (by a worker that
    # stops while it prepares the run): the run stops at its first checkpoint.
    _pause_at_start = False

    def __init__(
        self,
        program: Program,
        namespace: dict[str, Any],
        *,
        retry_host_calls: bool = False,
        instruction_counts: collections.Counter[Any] | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.id = uuid.uuid4().hex
        self.created = time.time()
        self.program = program
        self._bindings: dict[str, Any] = {}
        self.namespace = namespace
        self.status = JobStatus.STARTED
        self.awaited_result: Any = None
        self.next_instr_num: int | None = None
        self.error: BaseException | None = None
        self.result: Any = None
        self.history: list[dict[str, Any]] = []
        self._output = io.StringIO()
        self._interp = Interpreter(retry_host_calls=retry_host_calls, counts=instruction_counts)
        self._meter(limits, None)
        # The VM's own re-statements of builtins and operations are made once
        # per process, before any job runs rather than inside the first that
        # needs them.
        runtime.namespace()
        # The job's own copies of modules with hidden state, and its own
        # context variables (decimal's context among them): module_state.py.
        self._modules: dict[str, types.ModuleType] = {}
        self._context = _job_context(self)
        # What the script made its sys.stdout and sys.stderr (None: the
        # process's): set while it runs, kept between its runs (_slice).
        self._streams: tuple[Any, Any] = (None, None)
        self._script_module: Any = None  # (made on first use: _slice)
        self._root = Frame(program.main, namespace, namespace["__builtins__"], namespace)
        self._root.ret_mode = RET_BASE
        self._frame: Frame | None = self._root

    # -- public ---------------------------------------------------------------

    @property
    def output(self) -> str:
        """Everything the script printed, across all its runs."""
        return self._output.getvalue()

    @property
    def failure(self) -> JobError | None:
        """Why the job failed, as :class:`~statek_vm.JobError` (``error`` with its type, message and traceback text).

        The same shape as ``JobRecord.failure`` of a stored job; ``None``
        unless the job is ``FAILED``.
        """
        error = self.error
        return None if error is None else JobError.from_exception(error)

    @property
    def limits(self) -> Limits:
        """The job's budgets (``Limits()``: none)."""
        return self._interp.meter.limits  # type: ignore[union-attr]

    @property
    def usage(self) -> dict[str, Any]:
        """What the job has used of each budget over its life: ``instructions``, ``seconds``, ``memory``, ``output``.

        ``memory`` is the bytes its objects held at the last count (counted
        only under a memory limit).
        """
        return self._interp.meter.usage(self._interp.executed)  # type: ignore[union-attr]

    @property
    def stopped(self) -> bool:
        """Whether the job is kept where it stopped: ``SUSPENDED``, or ``FAILED`` by a budget and resumable."""
        return self._frame is not None and (
            self.status == JobStatus.SUSPENDED
            or (self.status == JobStatus.FAILED and type(self.awaited_result) is StopSignal)
        )

    def cancel(self) -> None:
        """Cancel the job.  A running job stops at its next checkpoint (thread-safe): ``CANCELLED``.

        A suspended (or stopped) job is ``CANCELLED`` at once and its state
        dropped; a finished one is left as it is.
        """
        if self.status == JobStatus.STARTED:
            self._interp.meter.request("cancel")  # type: ignore[union-attr]
            self._interp.checkpoint_next()
        elif self.stopped:
            self._frame = None
            self.awaited_result = None
            self.next_instr_num = None
            self.status = JobStatus.CANCELLED
            self._record({"event": "cancelled", "at": time.time()})

    def pause(self) -> None:
        """Stop a running job at its next checkpoint, ``SUSPENDED`` there and ready to resume (thread-safe).

        Where script code runs inside host code (a callback) the job stops
        at the first checkpoint after that host call returns.
        """
        if self.status == JobStatus.STARTED:
            self._interp.meter.request("pause")  # type: ignore[union-attr]
            self._interp.checkpoint_next()

    @property
    def frames(self) -> list[Frame]:
        """The frames of a suspended (or stopped) job, innermost first (empty otherwise)."""
        result: list[Frame] = []
        f = self._frame if self.stopped else None
        while f is not None:
            result.append(f)
            f = f.back
        return result

    @property
    def location(self) -> tuple[str, int] | None:
        """``(filename, line)`` of the instruction where a suspended job continues."""
        if not self.stopped:
            return None
        assert self._frame is not None
        where = script_asyncio.waiting_frame(self._frame)
        return where.unit.filename, where.line

    def resume(self, *, limits: Limits | None = None) -> Job:
        """Continue a suspended job if its awaited future is ready.

        When ``awaited_result.check_condition()`` is false the job stays
        ``SUSPENDED`` and nothing runs.  A job that a budget stopped
        (``FAILED`` with a resumable ``LimitExceeded``) goes on from where it
        stopped.  ``limits``: the job's budgets from now on, in place of
        those it had (its use so far still counts).  Returns the job.
        """
        if self._ready_to_resume(limits):
            assert self._frame is not None
            self._execute(self._frame)
        return self

    async def aresume(self, *, limits: Limits | None = None) -> Job:
        """:meth:`resume` inside a running event loop: the script's awaits run on that loop."""
        if self._ready_to_resume(limits):
            assert self._frame is not None
            await self._aexecute(self._frame)
        return self

    def _ready_to_resume(self, limits: Limits | None) -> bool:
        if not self.stopped:
            if self.status == JobStatus.FAILED and isinstance(self.error, LimitExceeded):
                raise StatekError(
                    f"job {self.id} is FAILED: its {self.error.limit} limit stopped it inside host code that "
                    "called script code, where its state could not be kept; it cannot resume"
                )
            raise StatekError(f"job {self.id} is {self.status.value}: only a SUSPENDED job can resume")
        limits = checked(limits, "resume()")
        if limits is not None:
            self._interp.meter.set_limits(limits)  # type: ignore[union-attr]
            self._check_large_values(limits)
        if not self.awaited_result.check_condition():
            self._record({"event": "checked", "ready": False, "at": time.time()})
            return False
        self._record({"event": "resumed", "instr": self.next_instr_num, "at": time.time()})
        return True

    def _record(self, event: dict[str, Any]) -> None:
        # History is bounded: a job that waits a million times must not
        # carry a million events in every snapshot.
        self.history.append(event)
        if len(self.history) > HISTORY_LIMIT:
            del self.history[: len(self.history) - HISTORY_LIMIT]

    # -- snapshots --------------------------------------------------------------

    def dumps(self, *, key: bytes | None = None, include_program: bool = True) -> bytes:
        """The suspended job as bytes (a snapshot), for :meth:`loads` in any process.

        Args:
            key: the HMAC-SHA256 key that signs the snapshot.  ``loads`` checks
                it before unpickling anything.  Without a key the snapshot is
                unsigned, and ``loads`` accepts it only with
                ``allow_unsigned=True``.
            include_program: store the program's source in the snapshot (the
                default).  ``False`` stores only its hash, for stores that keep
                each program once; ``loads`` then needs it in ``programs=``.

        Host bindings (the objects passed in ``globals=``) and modules are
        stored by name and supplied again on load.  A value that cannot be
        serialized raises :class:`SnapshotError` naming the frame, the
        variable and its type; the job is unchanged and still usable.
        """
        if not self.stopped:
            raise StatekError(f"job {self.id} is {self.status.value}: only a SUSPENDED job has a snapshot")
        if key is not None and not isinstance(key, bytes):
            raise TypeError(f"key must be bytes, not {type(key).__name__}")
        frame = self._frame
        assert frame is not None
        refs = self._refs
        builtins_ = self.namespace["__builtins__"]
        if refs is None or refs.builtins is not builtins_:  # (a script may rebind __builtins__)
            refs = self._refs = pickling.References(program=self.program, bindings=self._bindings, builtins=builtins_)
        refs.job_context = self._context
        state: tuple[Any, ...] = (
            self._root,
            frame,
            self.namespace,
            self._interp.exc_items,
            self.awaited_result,
            self._output.getvalue(),
            self._interp.retry_host_calls,
            self._modules,
            module_state.decimal_context(self._context),
            self._budget_state(),
            self._context_values(),
        )
        if self._streams != (None, None):
            state += (self._streams,)  # (only when the script made them its own: most snapshots are small)
        try:
            payload = pickling.dump(state, refs)
        except SnapshotError:
            raise
        except Exception as error:  # noqa: BLE001 - pickling fails in many ways; each gets a precise report
            raise SnapshotError(self._unpicklable_report(error)) from None
        program = self.program
        digest = _known_program(program)
        # In the order of envelope.FIELDS.
        body = (
            _statek_version(),
            PY_MINOR,
            digest,
            program.filename,
            None if program.mode == "exec" else program.mode,
            program.source if include_program else None,
            envelope.pack_id(self.id),
            _SUSPENDED,
            self.next_instr_num,
            script_asyncio.waiting_frame(frame).line,
            script_asyncio.waiting_frame(frame).unit.qualname,
            _describe(self.awaited_result),
            self.created,
            self.history[-SNAPSHOT_HISTORY:],
            payload,
        )
        return envelope.seal(body, key)

    @classmethod
    def loads(
        cls,
        data: bytes,
        globals: dict[str, Any] | None = None,
        *,
        key: bytes | None = None,
        allow_unsigned: bool = False,
        programs: dict[str, tuple[str, str]] | None = None,
        instruction_counts: collections.Counter[Any] | None = None,
        sandbox: Sandbox | None = None,
        tier: int | None = None,
    ) -> Job:
        """A suspended job from a snapshot made by :meth:`dumps`.

        Args:
            data: the snapshot.
            globals: the host bindings again, by the names the job was run with.
            key: the key the snapshot was signed with.
            allow_unsigned: accept a snapshot without a valid signature check
                (only for snapshots from a trusted place: unpickling runs code).
            programs: ``{hash: (source, filename)}`` for snapshots written
                with ``include_program=False``.
            instruction_counts: as for :func:`run`, for the instructions run
                after loading.
            sandbox: the job's sandbox from now on (:class:`~statek_vm.Sandbox`);
                by default the one it ran with, if any.
            tier: as for :func:`run` (a snapshot does not depend on the tier
                that ran the job).

        Raises:
            SnapshotError: the snapshot is corrupt, not signed with ``key``,
                from another CPython minor version or snapshot format, its
                program does not match its hash, or a binding is missing.
        """
        sandbox_ = sandbox
        body = envelope.open_envelope(data, key=key, allow_unsigned=allow_unsigned)
        python = body[envelope.PYTHON]
        if python != PY_MINOR:
            raise SnapshotError(
                f"the snapshot was made by CPython {python}; it can only be resumed by CPython {python} "
                f"(this is CPython {PY_MINOR})"
            )
        program = _program_of(body, programs)
        job = cls.__new__(cls)
        job.id = envelope.unpack_id(body[envelope.ID]) or uuid.uuid4().hex
        job.created = body[envelope.CREATED] or time.time()
        job.program = program
        job.history = envelope.unpack_events(body[envelope.HISTORY])
        job.error = None
        job.result = None
        job._output = io.StringIO()
        bindings = job._bindings = dict(globals or {})
        builtins_ = _script_builtins(job)
        refs = job._refs = pickling.References(program=program, bindings=bindings, builtins=builtins_)
        state = pickling.load(body[envelope.PAYLOAD], refs)
        root, frame, namespace, exc_items, awaited, output, retry = state[:7]
        # Snapshots of earlier versions carry no module state (7 fields), nor budgets (9).
        job._modules, decimal_context = state[7:9] or ({}, None)
        budgets = state[9] if len(state) > 9 else {}
        job.namespace = namespace
        # (the job's context travels by value when the script keeps it or a token of it: contexts.py)
        loaded = refs.contexts
        job._context = refs.job_context = _job_context(job, loaded.own)
        loaded.finish(job._context)
        if decimal_context is not None:
            module_state.set_decimal_context(job._context, decimal_context)
        if len(state) > 10:
            job._set_context_values(builtins_, *state[10])
        job._streams = state[11] if len(state) > 11 else (None, None)
        job._script_module = None
        job._root = root
        job._frame = frame
        job._interp = Interpreter(retry_host_calls=retry, counts=instruction_counts, tier=tier)
        job._interp.exc_items = exc_items
        if len(state) > 10 and len(state[10]) > 2:
            job._interp.entered = list(state[10][2])  # (the contexts its run was in: script_asyncio.py)
        job._meter(Limits.from_dict(budgets.get("limits")), budgets.get("usage"))
        job._interp.meter.roots = (namespace, [*bindings.values()])  # type: ignore[union-attr]
        kept = budgets.get("sandbox")
        job._set_sandbox(sandbox_checked(sandbox_, "loads()") or (Sandbox.from_dict(kept) if kept else None))
        if output:
            job._output.write(output)
        job.status = JobStatus.SUSPENDED
        job.awaited_result = awaited
        job.next_instr_num = script_asyncio.waiting_frame(frame).instr_num
        if type(awaited) is StopSignal and awaited.kind == "limit":
            job.status = JobStatus.FAILED
            job.error = job._exceeded(awaited)
        job._record({"event": "loaded", "at": time.time()})
        return job

    def _context_values(self) -> tuple[Any, ...]:
        """The script's context variables, the values they have in the job's context, and the contexts its run is in."""
        made = getattr(self.namespace.get("__builtins__"), "context_vars", [])
        values = [(var, value) for var, value in self._context.items() if any(var is m for m in made)] if made else []
        entered = self._interp.entered
        return (made, values, entered) if entered else (made, values)

    def _set_context_values(self, builtins_: Any, made: list[Any], values: list[tuple[Any, Any]], *_: Any) -> None:
        if isinstance(builtins_, ScriptBuiltins):
            builtins_.context_vars = made
        for var, value in values:
            self._context.run(var.set, value)

    def _meter(self, limits: Limits | None, usage: dict[str, Any] | None) -> None:
        meter = Meter(checked(limits, "run()"), usage)
        interp = self._interp
        interp.meter = meter
        interp.executed = int((usage or {}).get("instructions", 0))
        interp.next_check = interp.executed  # a checkpoint at the first instruction: the limits apply at once
        self._check_large_values(meter.limits)

    def _check_large_values(self, limits: Limits) -> None:
        """Under a memory budget, BINARY_OP checks the results that could be large before making them."""
        from statek_vm.vm import opcodes

        interp = self._interp
        if limits.memory is None:
            interp.binary_ops = opcodes.BINARY_OPS
        else:
            interp.binary_ops = opcodes.checked_binary_ops(interp.meter)

    def _budget_state(self) -> dict[str, Any]:
        meter = self._interp.meter
        assert meter is not None
        state = {"limits": meter.limits.as_dict(), "usage": meter.usage(self._interp.executed)}
        if self.sandbox is not None:
            state["sandbox"] = self.sandbox.as_dict()
        return state

    def _exceeded(self, stop: StopSignal) -> LimitExceeded:
        assert self._frame is not None
        assert stop.limit is not None
        where = script_asyncio.waiting_frame(self._frame)
        return self._interp.meter.exceeded(  # type: ignore[union-attr]
            stop.limit, self._interp.executed, f"{where.unit.qualname}() at {where.unit.filename}:{where.line}"
        )

    def _unpicklable_report(self, error: BaseException) -> str:
        # Find the first value that does not pickle on its own, innermost
        # frame first, so the message can name where it lives and what the
        # script can do about it.
        from statek_vm.snapshot import check_picklable
        from statek_vm.snapshot.iterators import advice
        from statek_vm.vm.special_calls import frame_locals

        # The job's namespace by reference: the script's functions and
        # classes hold it as their globals, and a value that fails there is
        # named as a global of its own, not as each of them.
        bindings = {**self._bindings, "<the job's namespace>": self.namespace}

        def fails(value: Any) -> BaseException | None:
            try:
                check_picklable(value, program=self.program, bindings=bindings, builtins=self.namespace["__builtins__"])
            except Exception as e:  # noqa: BLE001
                return e
            return None

        def report(place: str, value: Any, failure: BaseException) -> str:
            t = type(value)
            return (
                f"cannot snapshot job {self.id[:8]}: {place} holds a {t.__module__}.{t.__qualname__}, which "
                f"cannot be serialized ({failure}). {advice(value, failure)}"
            )

        visited: set[int] = set()

        def in_frame(frame: Frame) -> str | None:
            if id(frame) in visited:
                return None
            visited.add(id(frame))
            where = f"in {frame.unit.qualname}() at {frame.unit.filename}:{frame.line}"
            if frame.locals is None:
                for name, value in frame_locals(frame).items():
                    failure = fails(value)
                    if failure is not None:
                        return inner(value) or report(f"{where}, variable {name!r}", value, failure)
            for slot, value in enumerate(frame.stack):
                failure = fails(value)
                if failure is not None:
                    return inner(value) or report(f"{where}, value stack slot {slot}", value, failure)
            return None

        def inner(value: Any) -> str | None:
            # What fails in the VM's own code (the script's event loop, a
            # library function run on the VM) is named in the script frame
            # that holds it: a task's coroutine waiting in the loop.
            for frame in _script_frames_in(value, self.program, self.namespace):
                found = in_frame(frame)
                if found is not None:
                    return found
            return None

        for frame in self.frames:
            # (a frame of the VM's own code: the script frames it holds first)
            own = frame.unit.program is self.program
            found = in_frame(frame) if own else inner(frame) or in_frame(frame)
            if found is not None:
                return found
        for name, value in self.namespace.items():
            if name != "__builtins__":
                failure = fails(value)
                if failure is not None:
                    return report(f"global {name!r}", value, failure)
        return f"cannot snapshot job {self.id[:8]}: {type(error).__name__}: {error}. {advice(None, error)}"

    def __repr__(self) -> str:
        where = ""
        if self.status == JobStatus.SUSPENDED and self.location:
            where = f" at {self.location[0]}:{self.location[1]} (instruction {self.next_instr_num})"
        return f"<Job {self.id[:8]} {self.status.value}{where}>"

    # -- running ----------------------------------------------------------------

    def start(self) -> Job:
        """Run a job made by :func:`prepare`, as :func:`run` would have; returns it."""
        self._check_not_started()
        return self._start()

    async def astart(self) -> Job:
        """:meth:`start` inside a running event loop (as :func:`arun`)."""
        self._check_not_started()
        return await self._astart()

    def _check_not_started(self) -> None:
        if any(event.get("event") in ("started", "loaded") for event in self.history):
            raise StatekError(f"job {self.id} has started already: resume() it to go on")

    def _start(self) -> Job:
        self._record({"event": "started", "at": time.time()})
        self._execute(self._root)
        return self

    async def _astart(self) -> Job:
        self._record({"event": "started", "at": time.time()})
        await self._aexecute(self._root)
        return self

    # A run goes in slices: each runs the VM until the job suspends, ends, or
    # its coroutines need the event loop (vm/loop_edge.py).  Between slices
    # the loop runs: other tasks, other jobs.

    def _execute(self, frame: Frame) -> None:
        """Run from ``frame``, with an event loop of the job's own while its script's event loop runs."""
        step = self._first_step(frame)
        while step is not None:
            if _running_loop() is not None:
                self._park_for_loop(step)
                raise StatekError(
                    f"job {self.id[:8]} runs an event loop, and this thread runs one already: "
                    "inside a running loop, use `await statek_vm.arun(...)` and `await job.aresume()`; "
                    "the job is SUSPENDED where its event loop starts"
                )
            with asyncio.Runner() as runner:
                step = runner.run(self._drive(step))
            if step is not None:
                # The script's asyncio.run() returned (or raised): its loop is
                # closed; the script goes on without one, as natively.
                step = self._slice(step.frame, exc=step.future.value)

    async def _aexecute(self, frame: Frame) -> None:
        """Run from ``frame`` inside the running event loop."""
        step = self._first_step(frame)
        while step is not None:
            step = await self._drive(step)
            if step is not None:
                step = self._slice(step.frame, exc=step.future.value, in_loop=True)

    def _first_step(self, frame: Frame) -> Suspension | None:
        if _runs_script_loop(frame):
            return Suspension(frame, ENTER_LOOP)  # resumed inside the script's asyncio.run()
        return self._slice(frame)

    async def _drive(self, first: Suspension) -> Suspension | None:
        """The job's task on the real event loop: waits for what the script's loop waits on, until a LEAVE."""
        step: Suspension | None = first
        while step is not None:
            signal = step.future
            if signal.kind == WAIT:
                waits, timeout = signal.value
                try:
                    if waits:
                        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                    else:
                        await asyncio.sleep(timeout)
                except BaseException:
                    # The driver was cancelled (a worker's timeout, Ctrl-C):
                    # the job stays where its loop waits, to resume later.
                    self._park_for_loop(step)
                    raise
            elif signal.kind != ENTER:
                return step  # LEAVE
            step = self._slice(step.frame, in_loop=True)
        return None

    def _slice(self, frame: Frame, *, exc: BaseException | None = None, in_loop: bool = False) -> Suspension | None:
        """Run the VM from ``frame`` until the job suspends or ends (None), or stops for the real event loop."""
        previous, router = output.route_stdout()
        held = self._take_process_state(router)
        self._set_running(True)
        self._interp.loop_running = in_loop
        meter = self._interp.meter
        assert meter is not None
        meter.start()
        # When the time budget runs out inside a long host call, the job
        # stops at the instruction boundary right after it, not a
        # checkpoint's worth of instructions later.
        alarm = None
        if meter.limits.seconds is not None:
            alarm = threading.Timer(max(0.0, meter.limits.seconds - meter.seconds), self._interp.checkpoint_next)
            alarm.daemon = True
            alarm.start()
        try:
            step: Suspension | None = self._context.run(self._slice_here, frame, exc)
            return step
        finally:
            if alarm is not None:
                alarm.cancel()
            meter.stop()
            self._interp.loop_running = False
            self._set_running(False)
            self._give_back_process_state(held)
            output.unroute_stdout(previous, router)

    def _take_process_state(self, router: Any) -> tuple[Any, ...]:
        """Put the job's own process state in place for a run: what the script made its streams, itself as __main__.

        The streams the script made its own (``contextlib.redirect_stdout``,
        ``sys.stdout = ...``) are the job's: set while it runs, the
        process's again between its runs, and in its snapshot.  While it
        runs the script is ``sys.modules["__main__"]``, as natively
        (:class:`~statek_vm.module_state.ScriptModule`).  Returns what
        :meth:`_give_back_process_state` needs.
        """
        host_stderr = sys.stderr
        own_stdout, own_stderr = self._streams
        if own_stdout is not None:
            sys.stdout = own_stdout
        if own_stderr is not None:
            sys.stderr = own_stderr
        main = sys.modules.get("__main__", _NO_MODULE)
        script = None
        if self.namespace.get("__name__") == "__main__":
            thread = threading.get_ident()
            if type(main) is module_state.ScriptModule and main._thread != thread:
                # (another thread's job: the process's own is what it puts back)
                main = _NO_MODULE if main._host is None else main._host
            script = self._script_module
            if script is None or script.__dict__ is not self.namespace:
                script = self._script_module = module_state.ScriptModule(self.namespace)
            script._host = None if main is _NO_MODULE else main
            script._thread = thread
            sys.modules["__main__"] = script
        return (router, host_stderr, sys.stdout, sys.stderr, main, script)

    def _give_back_process_state(self, held: tuple[Any, ...]) -> None:
        """After a run: keep what the script made its streams, put the process's back (see ``_take_process_state``)."""
        router, host_stderr, set_stdout, set_stderr, main, script = held
        kept_stdout, kept_stderr = self._streams
        now_stdout, now_stderr = sys.stdout, sys.stderr
        # A stream is the job's when the script replaced it in this run, or kept the one it had.
        if now_stdout is not set_stdout or kept_stdout is not None:
            kept_stdout = None if now_stdout is router else now_stdout
            if now_stdout is not router:
                sys.stdout = router
        if now_stderr is not set_stderr or kept_stderr is not None:
            kept_stderr = None if now_stderr is host_stderr else now_stderr
            if now_stderr is not host_stderr:
                sys.stderr = host_stderr
        self._streams = (kept_stdout, kept_stderr)
        if script is not None and sys.modules.get("__main__") is script:
            if main is _NO_MODULE:
                sys.modules.pop("__main__", None)
            else:
                sys.modules["__main__"] = main

    def _park_for_loop(self, step: Suspension) -> None:
        """Leave the job SUSPENDED where it stopped for the real event loop, to resume there later."""
        self.status = JobStatus.SUSPENDED
        self._frame = step.frame
        self.awaited_result = ENTER_LOOP
        self.next_instr_num = step.frame.instr_num

    def _set_running(self, running: bool) -> None:
        builtins_ = self.namespace.get("__builtins__")
        if isinstance(builtins_, ScriptBuiltins):
            builtins_.running = running
            builtins_.interpreter = self._interp if running else None

    @property
    def sandbox(self) -> Sandbox | None:
        """The job's :class:`~statek_vm.Sandbox`, or None."""
        policy = self._interp.sandbox
        return None if policy is None else policy.sandbox

    def _set_sandbox(self, given: Sandbox | None) -> None:
        builtins_ = self.namespace.get("__builtins__")
        if given is None:
            return
        if not isinstance(builtins_, ScriptBuiltins):
            raise StatekError(
                "a sandboxed job needs builtins of its own: run(namespace=...) with its own '__builtins__' "
                "cannot be sandboxed"
            )
        if builtins_.sandbox is None:
            sandbox.sandbox_builtins(builtins_)
        builtins_.sandbox = given.policy
        self._interp.set_sandbox(given.policy)

    def _slice_here(self, frame: Frame, exc: BaseException | None) -> Any:
        self.status = JobStatus.STARTED
        if self._pause_at_start:
            # Its worker stopped while it was made ready to run (jobs/runner.py):
            # it stops at its first checkpoint, before its first instruction.
            self._pause_at_start = False
            self.pause()
        self.error = None  # (a budget's, when it resumes with a larger one)
        self.awaited_result = None
        self.next_instr_num = None
        interp = self._interp
        # (the contexts the run was in when it stopped, as Context.run leaves them: script_asyncio.py)
        script_asyncio.enter_all(interp.entered)
        try:
            result = interp.run(frame, self._root, resumable=True, exc=exc)
            while type(result) is Suspension:
                # A wait inside a task of the script's event loop: that task
                # waits, the others go on (vm/script_asyncio.py).
                step = script_asyncio.park(interp, result.frame, result.future)
                if step is None:
                    break
                result = interp.run(step, self._root, resumable=True)
            if type(result) is tuple:
                result = self._at_root(result)
        except BaseException as e:
            script_asyncio.leave_all(interp.entered)
            end_run(self.namespace.get("__builtins__"), interp)  # the run failed first
            if isinstance(e, JobCancelled):
                self._cancelled()
                return None
            self._fail(e)
            if isinstance(e, KeyboardInterrupt):
                raise
            return None
        script_asyncio.leave_all(interp.entered)
        # What could not fail the run where it happened (a host thread's
        # wait, a dropped generator's finally that waits) fails the job now,
        # rather than letting it suspend or complete with that work lost.
        failure = end_run(self.namespace.get("__builtins__"), interp)
        if failure is not None:
            self._fail(failure)
            return None
        if isinstance(result, Suspension):
            if type(result.future) is LoopSignal:
                return result
            if type(result.future) is StopSignal and result.future.kind != "pause":
                self._stop(result)
                return None
            self.status = JobStatus.SUSPENDED
            self._frame = result.frame
            self.awaited_result = result.future
            # (A task of the script's event loop waits there: that is where the job waits.)
            where = script_asyncio.waiting_frame(result.frame)
            self.next_instr_num = where.instr_num
            self._record(
                {
                    "event": "suspended",
                    "instr": self.next_instr_num,
                    "line": where.line,
                    "function": where.unit.qualname,
                    "at": time.time(),
                }
            )
            return None
        self.status = JobStatus.COMPLETED
        self._frame = None
        # What the module body returned: its final expression statement's
        # value (program.py), or None.
        self.result = result[1] if type(result) is tuple and result[0] == "return" else None
        self._record({"event": "completed", "at": time.time()})
        return None

    def _at_root(self, result: tuple[str, Any]) -> Any:
        """What the job's root frame ended with: the end, or the coroutine of top-level ``await``.

        A script with top-level ``await`` compiles to a coroutine: natively
        an event loop runs it; here the script's event loop does, as
        ``asyncio.run()`` would, in a frame that becomes the job's root.
        """
        kind, value = result
        if (
            kind == "return"
            and self.program.main.is_coroutine
            and type(value) is VMCoroutine
            and not _runs_script_loop(self._root)
        ):
            run = library.function("statek_vm.vm.script_asyncio:run_script")
            assert run is not None
            self._root = self._interp.frame_for(run, [value], None)
            self._root.ret_mode = RET_BASE
            return Suspension(self._root, ENTER_LOOP)
        return result

    def _stop(self, result: Suspension) -> None:
        """A checkpoint stopped the job: cancelled, or over a budget (kept there, to resume with a larger one)."""
        stop = result.future
        if stop.kind == "cancel":
            self._cancelled()
            return
        self._frame = result.frame
        self.awaited_result = stop
        self.next_instr_num = script_asyncio.waiting_frame(result.frame).instr_num
        error = self._exceeded(stop)
        self.status = JobStatus.FAILED
        self.error = error
        self._record(
            {
                "event": "failed",
                "error": f"LimitExceeded: {error}",
                "limit": stop.limit,
                "instr": self.next_instr_num,
                "at": time.time(),
            }
        )

    def _cancelled(self) -> None:
        self.status = JobStatus.CANCELLED
        self._frame = None
        self.awaited_result = None
        self.next_instr_num = None
        self._record({"event": "cancelled", "at": time.time()})

    def _fail(self, error: BaseException) -> None:
        error.__traceback__ = clean_traceback(error.__traceback__)
        self.status = JobStatus.FAILED
        self.error = error
        self._frame = None
        self._record(
            {
                "event": "failed",
                "error": f"{type(error).__name__}: {error}",
                "internal": isinstance(error, VMInternalError),
                "at": time.time(),
            }
        )


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _runs_script_loop(frame: Frame | None) -> bool:
    """Whether ``frame`` runs inside the script's ``asyncio.run()``: its loop's frame is on the chain."""
    while frame is not None:
        if script_asyncio.is_loop_frame(frame):
            return True
        frame = frame.back
    return False


def _describe(future: Any) -> str:
    """A readable summary of a future that never reads its value."""
    if future is None:
        return ""
    deps = getattr(future, "deps", None)
    return f"{type(future).__name__}(state_num={getattr(future, 'state_num', None)!r}, deps={type(deps).__name__})"


# Programs this process has compiled for snapshots, by raw hash: a snapshot
# of a known program is checked by comparing its source with the known
# program's, not by hashing it again.  Known while in use or recently
# compiled (statek_vm.program keeps those): a worker keeps no program of
# jobs long gone.
_programs: weakref.WeakValueDictionary[bytes, Program] = weakref.WeakValueDictionary()


def _known_program(program: Program) -> bytes:
    """``program``'s raw hash, remembering the program for loading snapshots of it."""
    digest = bytes.fromhex(program.hash)
    _programs.setdefault(digest, program)
    return digest


def _program_of(body: list[Any], programs: dict[str, tuple[str, str]] | None) -> Program:
    digest = body[envelope.PROGRAM_HASH]
    source, filename = body[envelope.SOURCE], body[envelope.FILENAME] or "<agent>"
    mode = body[envelope.MODE] or "exec"
    if type(digest) is not bytes:
        raise SnapshotError("corrupt snapshot: the program hash is not bytes")
    if source is None:
        if programs is None or digest.hex() not in programs:
            raise SnapshotError(
                f"the snapshot does not include its program {digest.hex()[:12]}: "
                "pass it in programs={hash: (source, filename)}"
            )
        source, filename = programs[digest.hex()]
    known = _programs.get(digest)
    if (
        known is not None
        and known.source == source
        and known.filename == filename
        and known.mode == mode
        and known.result == (mode == "exec")
    ):
        return known
    program = compile_program(source, filename, mode, result=mode == "exec")
    if program.hash != digest.hex():
        raise SnapshotError(
            f"the snapshot's program {filename!r} does not match its hash {digest.hex()[:12]} "
            f"(the source was changed, or it was compiled by another CPython version)"
        )
    _programs.setdefault(digest, program)
    return program


_version: str | None = None


_NO_MODULE: Any = object()


def _statek_version() -> str:
    global _version
    if _version is None:
        from statek_vm import __version__

        _version = __version__
    return _version


# -- the script's builtins -------------------------------------------------------

_statek_alias: types.ModuleType | None = None


def _statek_package() -> types.ModuleType:
    """The ``statek`` package as scripts written against the seeds import it."""
    global _statek_alias
    if _statek_alias is None:
        module = types.ModuleType("statek", "Alias of statek_vm for scripts written against the seeds.")
        module.future = importlib.import_module("statek_vm.future")  # type: ignore[attr-defined]
        module.exceptions = importlib.import_module("statek_vm.exceptions")  # type: ignore[attr-defined]
        _statek_alias = module
    return _statek_alias


def _script_import(
    name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
) -> types.ModuleType:
    # Scripts written against the seeds say ``from statek.future import ...``;
    # inside the VM those names are statek_vm's.  No top-level ``statek``
    # package is installed: the mapping exists only for scripts.
    if level == 0 and (name == "statek" or name.startswith("statek.")):
        package = _statek_package()
        target = "statek_vm" + name[len("statek") :]
        module = importlib.import_module(target)
        if fromlist:
            return module if name != "statek" else package
        return package
    return builtins.__import__(name, globals, locals, fromlist, level)


def _script_frames_in(value: Any, program: Program, namespace: dict[str, Any], limit: int = 20_000) -> list[Frame]:
    """The VM frames of ``program`` that ``value`` holds (a script loop's tasks' coroutines), nearest first."""
    seen = {id(value), id(namespace), id(program)}
    queue = [value]
    found = []
    for obj in queue:
        if type(obj) is Frame and obj.unit.program is program and obj is not value:
            found.append(obj)
        if isinstance(obj, (type, types.ModuleType, Program, CodeUnit)) or len(queue) > limit:
            continue
        for ref in gc.get_referents(obj):
            if id(ref) not in seen:
                seen.add(id(ref))
                queue.append(ref)
    return found


def _job_context(job: Job, context: contextvars.Context | None = None) -> contextvars.Context:
    """The job's context (``context`` if loaded, else a new one), in which ``sys.stdout`` is the job's output.

    Unless the job runs with the process's builtins (``run(namespace=...)``
    with a namespace that has them, as a module run on the VM): then it
    writes where the process writes.
    """
    if context is None:
        context = contextvars.Context()
    if not isinstance(job.namespace.get("__builtins__"), ScriptBuiltins):
        return context
    job_ref = weakref.ref(job)  # weak, as the import hook's

    def write(text: str) -> None:
        job = job_ref()
        if job is not None:  # else no one can read the output any more
            meter = job._interp.meter
            assert meter is not None
            size = len(text) if text.isascii() else len(text.encode("utf-8", "replace"))
            fits = meter.wrote(size)
            if meter.output_over:
                job._interp.checkpoint_next()
            if fits == size:
                job._output.write(text)
            elif fits:
                job._output.write(text.encode("utf-8", "replace")[:fits].decode("utf-8", "ignore"))

    context.run(output.JOB_OUTPUT.set, write)
    return context


def _make_import(job: Job) -> Any:
    # Weak: the job holds its namespace, which holds this function; a strong
    # reference back would make every job a cycle, left for the cycle
    # collector when the job is dropped (as a runner drops one per snapshot).
    job_ref = weakref.ref(job)

    def __import__(
        name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
    ) -> types.ModuleType:
        job = job_ref()
        if level == 0 and job is not None:
            top, dot, _ = name.partition(".")
            module = module_state.job_module(top, job._modules)
            if module is not None:
                # The job's copy of the module (``import logging.handlers``
                # binds it too), its submodules the process's, imported natively.
                if dot or fromlist:
                    native = _script_import(name, globals, locals, fromlist, level)
                    if dot and fromlist:
                        return native  # (from logging.handlers import X)
                for sub in name.split(".")[1:2] if dot else fromlist or ():
                    found = getattr(sys.modules.get(top), sub, None)
                    if isinstance(found, types.ModuleType) and sub not in module.__dict__:
                        setattr(module, sub, found)
                return module
        return _script_import(name, globals, locals, fromlist, level)

    return __import__


class ScriptBuiltins(dict):  # type: ignore[type-arg]
    """A job's builtins namespace.  A dict subclass so that snapshots can tell
    it apart (it travels by reference and is rebuilt for the loaded job).

    ``running`` is true while a run of the job is in progress.  Only then
    does the VM run the finalizers of the job's objects (a script
    ``__del__``, a generator's ``finally``): what a suspended or finished job
    still holds when it is dropped is freed without running its code.  A
    suspended job was saved to resume elsewhere; and the collector finds a
    dropped job whenever it runs, often in the middle of another job's run,
    which must not run (and count) the first job's code.
    """

    __slots__ = ("context_vars", "host_coroutines", "interpreter", "running", "sandbox", "unstarted")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running = False
        # The contextvars.ContextVar objects the script made: snapshots make
        # them again, with their values in the job's context.
        self.context_vars: list[Any] = []
        # The coroutines of host ``async def`` functions the script called and
        # has not started yet -> (function, args, kwargs): a snapshot makes
        # them again by that call, which runs none of their code
        # (snapshot/pickling.py).  Weak: a coroutine goes when the script drops it.
        self.host_coroutines: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        # Those coroutines, held until they start (or the job goes: then they
        # are closed, so that a job dropped while it waits, to resume
        # elsewhere, does not warn that they were never awaited).
        self.unstarted: list[Any] = []
        # The policy of a sandboxed job (statek_vm/sandbox.py): its script
        # code runs checked by it wherever it runs (vm.interpreter.current_interpreter).
        self.sandbox: Any = None
        # The interpreter of the run in progress: where a host thread that
        # runs the job's script code reports what fails there
        # (statek_vm/vm/not_resumable.py).
        self.interpreter: Any = None

    def made_host_coroutine(self, coroutine: Any, call: tuple[Any, Any, Any]) -> None:
        """Keep ``coroutine``, made by ``call`` (function, args, kwargs) and not started (snapshots make it so)."""
        self.host_coroutines[coroutine] = call
        unstarted = self.unstarted
        if len(unstarted) >= 64 and len(unstarted) & (len(unstarted) - 1) == 0:
            unstarted[:] = [c for c in unstarted if inspect.getcoroutinestate(c) == inspect.CORO_CREATED]
        unstarted.append(coroutine)


def _close_unstarted(coroutines: list[Any]) -> None:
    # A job went: the host coroutines it made and never started are closed
    # (which runs none of their code), not left to warn as they are freed.
    for coroutine in coroutines:
        if inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
            coroutine.close()
    coroutines.clear()


def _script_builtins(job: Job) -> dict[str, Any]:
    b = ScriptBuiltins(builtins.__dict__)
    weakref.finalize(job, _close_unstarted, b.unstarted)
    b["__import__"] = _make_import(job)
    return b


def run(
    source: str,
    globals: dict[str, Any] | None = None,
    *,
    filename: str = "<agent>",
    namespace: dict[str, Any] | None = None,
    mode: str = "exec",
    retry_host_calls: bool = False,
    instruction_counts: collections.Counter[Any] | None = None,
    limits: Limits | None = None,
    sandbox: Sandbox | bool | None = None,
    tier: int | None = None,
) -> Job:
    """Run an agent script as a job, until it completes, fails or suspends.

    Args:
        source: the script's Python source.
        globals: host bindings the script sees as globals: tools, deps,
            temporal functions, application objects.
        filename: the name tracebacks and errors use for the script.
        namespace: the dict to use as the script's module globals, as it is
            (not copied): for running a module's code into that module's own
            ``__dict__``.  ``globals`` are added to it; it gets the job's
            builtins unless it has ``__builtins__`` already.  By default a new
            namespace named ``__main__``.
        mode: ``"exec"`` (a script) or ``"single"`` (one interactive
            statement: expression values go to ``sys.displayhook``, as in
            doctest examples).
        retry_host_calls: when script code called *by host code* needs a
            pending future, re-run that host call as a whole on resume instead
            of failing with :class:`NotResumableError`.
        instruction_counts: a ``collections.Counter`` that receives, for every
            executed instruction of the script's code, ``(program hash,
            instruction number)`` (for tests that check no instruction runs
            twice; the VM's own re-statements of builtins are not counted).
        limits: the job's budgets (:class:`~statek_vm.Limits`).  A job over
            one stops between two instructions, ``FAILED`` with
            :class:`~statek_vm.LimitExceeded`, and resumes from there with
            ``job.resume(limits=...)``.
        sandbox: a :class:`~statek_vm.Sandbox` (or ``True`` for its
            defaults) for an untrusted script: what it refuses raises
            :class:`~statek_vm.SandboxViolation` in the script.  The job keeps
            it in its snapshots.
        tier: ``0`` runs every instruction in the reference interpreter
            (tier 0); ``1`` lets hot loops run compiled (tier 1, the
            default unless ``$STATEK_VM_TIER`` is ``0``).  The result, the
            snapshots and every count are the same in both.

    Raises:
        SyntaxError: the source does not compile (with filename, line, column).

    Example::

        >>> job = run("x = 6 * 7\\nprint(x)")
        >>> job.status, job.output
        (<JobStatus.COMPLETED: 'COMPLETED'>, '42\\n')
    """
    job = _new_job(
        source, globals, filename, namespace, mode, retry_host_calls, instruction_counts, limits, sandbox, tier
    )
    return job._start()


async def arun(
    source: str,
    globals: dict[str, Any] | None = None,
    *,
    filename: str = "<agent>",
    namespace: dict[str, Any] | None = None,
    mode: str = "exec",
    retry_host_calls: bool = False,
    instruction_counts: collections.Counter[Any] | None = None,
    limits: Limits | None = None,
    sandbox: Sandbox | bool | None = None,
    tier: int | None = None,
) -> Job:
    """:func:`run` inside a running event loop: the script's awaits run on that loop.

    Between them the loop runs its other tasks (other jobs among them);
    the job's own run stays one sequence of instructions.  Same arguments
    as :func:`run`.
    """
    job = _new_job(
        source, globals, filename, namespace, mode, retry_host_calls, instruction_counts, limits, sandbox, tier
    )
    return await job._astart()


def prepare(
    source: str,
    globals: dict[str, Any] | None = None,
    *,
    filename: str = "<agent>",
    namespace: dict[str, Any] | None = None,
    mode: str = "exec",
    retry_host_calls: bool = False,
    instruction_counts: collections.Counter[Any] | None = None,
    limits: Limits | None = None,
    sandbox: Sandbox | bool | None = None,
    tier: int | None = None,
) -> Job:
    """A job for ``source`` that has not run yet: :func:`run`'s arguments and checks; ``job.start()`` runs it.

    For a host that needs the job before its run ends: to ``cancel()`` or
    ``pause()`` it from another thread, or to keep it somewhere first::

        job = statek_vm.prepare(source, tools, limits=Limits(seconds=60))
        threading.Timer(5, job.cancel).start()
        job.start()
    """
    return _new_job(
        source, globals, filename, namespace, mode, retry_host_calls, instruction_counts, limits, sandbox, tier
    )


def _new_job(
    source: str,
    globals: dict[str, Any] | None,
    filename: str,
    namespace: dict[str, Any] | None,
    mode: str,
    retry_host_calls: bool,
    instruction_counts: collections.Counter[Any] | None,
    limits: Limits | None = None,
    sandbox: Sandbox | bool | None = None,
    tier: int | None = None,
) -> Job:
    """A job for ``source``, not started (``run``'s checks and set-up)."""
    given_sandbox = sandbox_checked(sandbox, "run()")
    if not isinstance(source, str):
        raise TypeError(f"run() source must be a str, not {type(source).__name__}")
    if sys.version_info[:2] not in SUPPORTED_VERSIONS:
        raise StatekError(
            f"the statek_vm VM runs CPython {', '.join(f'{a}.{b}' for a, b in sorted(SUPPORTED_VERSIONS))} bytecode; "
            f"this is CPython {sys.version_info[0]}.{sys.version_info[1]}. Run jobs on one of those versions "
            "(the temporal API in statek_vm.future works on every version)."
        )
    if mode not in ("exec", "single"):
        raise ValueError(f"run() mode must be 'exec' or 'single', not {mode!r}")
    program = compile_program(source, filename, mode, result=mode == "exec")
    if namespace is None:
        namespace = {"__name__": "__main__"}
    elif not isinstance(namespace, dict):
        raise TypeError(f"run() namespace must be a dict, not {type(namespace).__name__}")
    job = Job.__new__(Job)
    if "__builtins__" not in namespace:
        namespace["__builtins__"] = _script_builtins(job)
    if globals:
        namespace.update(globals)
    Job.__init__(
        job, program, namespace, retry_host_calls=retry_host_calls, instruction_counts=instruction_counts, limits=limits
    )
    job._bindings = dict(globals or {})
    job._interp.meter.roots = (namespace, [*job._bindings.values()])  # type: ignore[union-attr]
    job._set_sandbox(given_sandbox)
    if tier is not None:
        job._interp.set_tier(tier)
    return job


__all__ = ["Job", "JobStatus", "arun", "prepare", "run"]
