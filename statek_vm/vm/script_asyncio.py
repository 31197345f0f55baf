"""asyncio for scripts: their tasks scheduled by the VM, as data.

A script's ``asyncio.run(main())`` (and a script with top-level ``await``)
runs on a :class:`ScriptLoop`: an event loop whose run loop, handles,
timers, tasks and futures are ordinary objects of the job, stepped by VM
frames.  asyncio's own pure-Python code — ``Task``, ``Future``, ``gather``,
``sleep``, ``wait_for``, ``wait``, ``as_completed``, ``shield``, locks,
queues, ``TaskGroup``, ``timeout`` — runs on the VM from its own source
(:mod:`statek_vm.vm.library`), with globals of its own in which the running
loop is the script's loop and the registry of current tasks lives on the
loop.  So everything the script's tasks are
doing is frames and objects a snapshot takes.

Three things meet the world outside:

- **Host I/O.**  A host awaitable (an async client's coroutine) runs
  natively, stepped by the script's ``await`` (SEND); the real future it
  yields to wait on is *bridged* (:func:`bridge`): the task waits on a
  future of the script's loop, and the loop records the pair.  When the
  script's loop has nothing ready, its ``_run_once`` calls
  :func:`await_host`, which stops the job's run at that instruction and has
  the job's driver, a task of a real event loop (statek_vm/job.py), await
  the real futures (or the next timer); the instruction then runs again
  and finds them done.
- **Waits on pending futures.**  A task that needs a pending future's value
  at any instruction is *parked* (:func:`park`): its frames, from that
  instruction to its coroutine, are set aside as they are, and its step
  returns a future of the script's loop standing for the wait.  The other
  tasks go on.  When nothing is ready, no host I/O is in flight and no
  timer is set, ``await_host`` suspends the job on the combination of the
  parked waits (any of them ready wakes it); on resume it wakes the tasks
  whose futures are ready, and each continues at the very instruction that
  waited (:func:`unpark`).
- **The real loop** is the job's driver's: host coroutines see it as their
  running loop while they run.

**Contexts.**  Each task (and each callback) runs in its own
``contextvars`` context, a copy of its creator's, as natively: a handle
enters it (:func:`context_run`, which the script's own ``Context.run``
also is) by CPython's ``PyContext_Enter``, so that script and host code
alike see the task's variables.  The contexts entered so are
``Interpreter.entered``, which snapshots keep: a run that stops leaves
them (:func:`leave_all`), and the next one enters them again
(:func:`enter_all`).

What differs from native asyncio: task names count
per process, not per loop; a script task is asyncio's pure-Python ``Task``
(``asyncio.Future()`` and ``asyncio.Task()`` made by script code are of the
pure-Python classes, and ``isinstance`` with asyncio's C classes is true of
them: special_calls.py); timers count the
job's running time, which stops while the job is suspended.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import heapq
import sys
import time
import types
import weakref
from asyncio import futures as _futures
from asyncio import log as _log
from asyncio import tasks as _tasks
from typing import Any

try:  # Context.run without a native frame: CPython's C API, public since 3.7
    import ctypes

    _enter: Any = ctypes.pythonapi.PyContext_Enter
    _exit: Any = ctypes.pythonapi.PyContext_Exit
    for _f in (_enter, _exit):
        _f.argtypes, _f.restype = [ctypes.py_object], ctypes.c_int
except (ImportError, AttributeError):  # pragma: no cover - a CPython without ctypes: tasks share the job's context
    _enter = _exit = None

_PyFuture: Any = _futures._PyFuture  # type: ignore[attr-defined]
_PyTask: Any = _tasks._PyTask  # type: ignore[attr-defined]
# Pickled by these names (their own name is the C class's): snapshot/classes.py.
CLASS_ALIASES = {_PyFuture: ("asyncio.futures", "_PyFuture"), _PyTask: ("asyncio.tasks", "_PyTask")}

# The modules whose functions run on the VM when script code calls them
# (statek_vm/vm/library.py), this one included (the script loop's run).
MODULES = (
    "asyncio.futures",
    "asyncio.tasks",
    "asyncio.locks",
    "asyncio.queues",
    "asyncio.mixins",
    "asyncio.taskgroups",
    "asyncio.timeouts",
    __name__,
)

# What of this module runs on the VM (library.ON_VM): the loop's run and
# what it calls back; the rest are the VM's own helpers, run natively.
ON_VM_NAMES = frozenset(
    {
        "Handle",
        "TimerHandle",
        "ScriptLoop",
        "_GatheringFuture",
        "run_script",
        "_cancel_all_tasks",
        "_host_task",
        "_aclose",
        "YieldOnce",
        "context_run",
    }
)

# Functions of those modules that run natively even when script code calls
# them: leaves that read or set a future's or the loop's fields and call
# nothing but each other (no script code, no callback, no name the VM's
# versions see otherwise: library.OVERRIDES).  Each call of one on the VM
# would be a frame of its own; a task's step makes dozens.  They store
# what they are given without reading it, so they take pending futures as
# they are (a task's result may be one).  Snapshots still take them by name
# (library.LEAVES).
NATIVE_LEAVES = frozenset(
    {
        "Future.done",
        "Future.cancelled",
        "Future.result",
        "Future.exception",
        "Future.get_loop",
        "Future.set_result",
        "Future.__schedule_callbacks",
        "ScriptLoop.time",
        "ScriptLoop.call_soon",
        "ScriptLoop.call_soon_threadsafe",
        "ScriptLoop.call_later",
        "ScriptLoop.call_at",
        "ScriptLoop._timer_handle_cancelled",
        "ScriptLoop._check_closed",
        "ScriptLoop.get_debug",
        "ScriptLoop.is_running",
        "ScriptLoop.is_closed",
        "Handle.__init__",
        "Handle.cancel",
        "Handle.cancelled",
        "Handle.get_context",
        "TimerHandle.__init__",
        "TimerHandle.when",
        "TimerHandle.__lt__",
        "TimerHandle.cancel",
    }
)

# Real futures: what host awaitables yield to a real event loop.
REAL_FUTURES = frozenset({asyncio.Future, asyncio.Task})


class Handle:
    """A callback scheduled on a :class:`ScriptLoop`, run in its context (see the module docstring)."""

    __slots__ = ("_args", "_callback", "_cancelled", "_context", "_loop")

    def __init__(self, callback: Any, args: Any, loop: ScriptLoop, context: Any = None) -> None:
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._context = contextvars.copy_context() if context is None else context

    def cancel(self) -> None:
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self) -> bool:
        return self._cancelled

    def get_context(self) -> Any:
        return self._context

    def _run(self) -> None:
        # (context_run's steps inline: a frame less for each step of a task)
        context = self._context
        try:
            enter_context(context)
            try:
                self._callback(*self._args)
            finally:
                leave_context(context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:  # noqa: BLE001 - reported as the loop reports it
            self._loop.call_exception_handler(
                {"message": f"Exception in callback {self._callback!r}", "exception": exc, "handle": self}
            )

    def __repr__(self) -> str:
        return f"<Handle {self._callback!r}{' cancelled' if self._cancelled else ''}>"


class TimerHandle(Handle):
    """A callback scheduled for a time of the loop's clock."""

    __slots__ = ("_scheduled", "_when")

    def __init__(self, when: float, callback: Any, args: Any, loop: ScriptLoop, context: Any = None) -> None:
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def when(self) -> float:
        return self._when

    def __lt__(self, other: TimerHandle) -> bool:
        return self._when < other._when

    def cancel(self) -> None:
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()


class ScriptLoop:
    """The event loop of a script's ``asyncio.run()``: its state is the job's data.

    Its methods run on the VM when script code (or asyncio's code on the
    VM) calls them, natively when host code does; none of them blocks.
    """

    def __init__(self) -> None:
        self._ready: collections.deque[Handle] = collections.deque()
        self._scheduled: list[TimerHandle] = []
        self._cancelled_timers = 0
        # (real future, the script loop's future a task waits on instead)
        self._host_waits: list[tuple[Any, Any]] = []
        # The futures parked tasks wait on (each has the pending future in ``_statek_wait``).
        self._parked: list[Any] = []
        self._current_task: Any = None
        self._tasks: list[Any] = []
        self._tasks_pruned_at = 8
        self._clock_offset = time.monotonic()
        # The loop's time when the job suspended (None while it runs).
        self._stopped_at: float | None = None
        self._closed = False
        self._running = False
        self._debug = False
        self._exception_handler: Any = None
        self._task_factory: Any = None
        # The async generators iterated on this loop, closed when asyncio.run() ends.
        self._asyncgens: weakref.WeakSet[Any] = weakref.WeakSet()

    # -- scheduling (asyncio's AbstractEventLoop) --

    def time(self) -> float:
        # The clock runs while the job runs: a suspended job's time does not
        # count (a timer set before a wait fires after as much running time
        # as natively, where the wait took none), in whatever process it resumes.
        return time.monotonic() - self._clock_offset

    def call_soon(self, callback: Any, *args: Any, context: Any = None) -> Handle:
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback: Any, *args: Any, context: Any = None) -> Handle:
        return self.call_soon(callback, *args, context=context)

    def call_later(self, delay: float, callback: Any, *args: Any, context: Any = None) -> TimerHandle:
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when: float, callback: Any, *args: Any, context: Any = None) -> TimerHandle:
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle: TimerHandle) -> None:
        if handle._scheduled:
            self._cancelled_timers += 1

    def create_future(self) -> Any:
        return _PyFuture(loop=self)

    def create_task(self, coro: Any, *, name: Any = None, context: Any = None) -> Any:
        self._check_closed()
        if self._task_factory is not None:
            factory = self._task_factory
            return factory(self, coro) if context is None else factory(self, coro, context=context)
        if type(coro) in _HOST_COROUTINES:
            # A host coroutine as a task: it is awaited by a VM frame, whose
            # await bridges the real futures it waits on.
            coro = _host_task(coro)
        return _PyTask(coro, loop=self, name=name, context=context)

    def run_in_executor(self, executor: Any, func: Any, *args: Any) -> Any:
        # ``func(*args)`` on a thread of ``executor`` (the real loop's default
        # one when None), as asyncio's: a task of this loop awaits the real
        # future, bridged as any host I/O is.
        self._check_closed()
        return self.create_task(_in_executor(executor, func, args))

    def set_task_factory(self, factory: Any) -> None:
        self._task_factory = factory

    def get_task_factory(self) -> Any:
        return self._task_factory

    def get_debug(self) -> bool:
        return self._debug

    def set_debug(self, enabled: bool) -> None:
        self._debug = enabled

    def is_running(self) -> bool:
        return self._running

    def is_closed(self) -> bool:
        return self._closed

    def _check_closed(self) -> None:
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def close(self) -> None:
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def set_exception_handler(self, handler: Any) -> None:
        self._exception_handler = handler

    def get_exception_handler(self) -> Any:
        return self._exception_handler

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        if self._exception_handler is not None:
            self._exception_handler(self, context)
        else:
            self.default_exception_handler(context)

    def default_exception_handler(self, context: dict[str, Any]) -> None:
        # As asyncio's: logged by its logger.  Not the tasks of a job that
        # is dropped while it waits: they resume with it elsewhere.
        message = context.get("message") or "Unhandled exception in event loop"
        if message == "Task was destroyed but it is pending!":
            return
        exception = context.get("exception")
        exc_info: Any = (type(exception), exception, exception.__traceback__) if exception is not None else False
        lines = [message] + [
            f"{key}: {context[key]!r}" for key in sorted(context) if key not in ("message", "exception")
        ]
        _log.logger.error("\n".join(lines), exc_info=exc_info)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_asyncgens"] = list(self._asyncgens)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._asyncgens = weakref.WeakSet(state["_asyncgens"])

    async def shutdown_asyncgens(self) -> None:
        # As asyncio's: the async generators not finished are closed.
        closing = [agen for agen in self._asyncgens if agen.ag_frame is not None]
        self._asyncgens.clear()
        if not closing:
            return
        results = await asyncio.gather(*(_aclose(agen) for agen in closing), return_exceptions=True)
        for result, agen in zip(results, closing, strict=True):
            if isinstance(result, Exception):
                self.call_exception_handler(
                    {
                        "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                        "exception": result,
                        "asyncgen": agen,
                    }
                )

    async def shutdown_default_executor(self, timeout: Any = None) -> None:
        # The script's loop runs nothing in threads: nothing to shut down.
        return None

    # -- running (on the VM) --

    def run_until_complete(self, future: Any) -> Any:
        future = asyncio.ensure_future(future, loop=self)  # type: ignore[call-overload]
        self._running = True
        try:
            while not future.done():
                self._run_once()
            # As asyncio's loop, which stops after the round that runs the
            # future's done callback: what was ready by then runs (the first
            # step of a task that the future's last step created, the close
            # of an async generator that its end dropped).
            self._run_once(stopping=True)
        finally:
            self._running = False
        return future.result()

    def _run_once(self, stopping: bool = False) -> None:
        scheduled = self._scheduled
        if self._cancelled_timers:
            self._scheduled = scheduled = [t for t in scheduled if not t._cancelled]
            heapq.heapify(scheduled)
            self._cancelled_timers = 0
        now = self.time()
        while scheduled and scheduled[0]._when <= now:
            timer = heapq.heappop(scheduled)
            timer._scheduled = False
            self._ready.append(timer)
        if not self._ready:
            if stopping:
                return
            # Nothing to do: wait for host I/O, the next timer or a parked
            # task's future (the job's driver, or a suspension of the job).
            for future in await_host(self):
                if not future.done():
                    future.set_result(None)
            return
        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle._cancelled:
                handle._run()


async def _host_task(coro: Any) -> Any:
    return await coro


async def _in_executor(executor: Any, func: Any, args: tuple[Any, ...]) -> Any:
    """The host work of ``ScriptLoop.run_in_executor``, on the job's real event loop."""
    return await asyncio.get_running_loop().run_in_executor(executor, func, *args)


# What host code runs natively in a task, between two of its steps: a job
# cannot be carried in a snapshot while one is part-way (its frame is native).
_NATIVE_STEPPED = frozenset({types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType})


def host_work_pending(loop: ScriptLoop, frame: Any) -> bool:
    """Whether host code of the script's loop is part-way: I/O in flight, or a host coroutine between steps.

    A job does not stop there to go on later (a budget, a worker that
    stops): what is in flight would be lost, or could not be kept.
    """
    if loop._host_waits:
        return True
    frames: list[Any] = []
    f = frame
    while f is not None:
        frames.append(f)
        f = f.back
    for task in loop._tasks:
        if not task.done():
            coro = getattr(task, "_coro", None)
            if type(coro) in _NATIVE_STEPPED:  # (by type: the VM's coroutines pass isinstance as native ones)
                return True
            if coro is not None and getattr(coro, "_frame", None) is not None:
                frames.append(coro._frame)
    seen: set[int] = set()
    while frames:
        f = frames.pop()
        if id(f) in seen:
            continue
        seen.add(id(f))
        for value in f.stack:
            if type(value) in _NATIVE_STEPPED:
                return True
            inner = getattr(value, "_frame", None)
            if inner is not None and type(inner) is type(f):
                frames.append(inner)
    return False


async def _aclose(agen: Any, thrown: BaseException | None = None) -> None:
    # The coroutine of a task that closes an async generator.  Natively it is
    # the generator's aclose() awaitable itself: an exception thrown into the
    # task before its first step (a cancellation) is raised in the generator
    # (``thrown``: see close_thrown_before_start).
    if thrown is None:
        await agen.aclose()
    else:
        await agen.athrow(thrown)


def close_thrown_before_start(coro: Any, exc: BaseException) -> bool:
    """Whether ``exc``, thrown into the not yet started close coroutine ``coro``, is handed to its generator.

    Then ``coro`` starts by throwing it into the generator (:func:`_aclose`).
    """
    frame = coro._frame
    code = frame.unit.code
    if code.co_name != "_aclose" or code.co_filename != _FILE or frame.pc > frame.unit.first_resume:
        return False
    if len(frame.fast) < 2:
        return False  # (a close coroutine of an older snapshot)
    frame.fast[1] = exc
    return True


def first_iteration(frame: Any, agen: Any) -> None:
    """An async generator's first step: the script loop running there closes it if it is left unfinished."""
    loop = loop_of(frame)
    if loop is not None:
        loop._asyncgens.add(agen)
        agen._finalizer = loop


def finalize(agen: Any) -> None:
    """An unfinished async generator dropped while its job runs: closed by a task, as asyncio's hook does."""
    from statek_vm.vm import library

    loop = agen._finalizer
    close = library.function(f"{__name__}:_aclose")
    if loop is not None:
        # As asyncio's hook: closed by this task, not again by shutdown_asyncgens().
        loop._asyncgens.discard(agen)
    if loop is not None and not loop.is_closed() and close is not None:
        loop.call_soon(loop.create_task, close(agen))


_HOST_COROUTINES = frozenset({types.CoroutineType, types.GeneratorType})


def run_script(main: Any, debug: Any = None) -> Any:
    """``asyncio.run(main)`` of a script, on the VM: a :class:`ScriptLoop` runs ``main`` to its end."""
    loop = ScriptLoop()
    if debug is not None:
        loop.set_debug(debug)
    task = loop.create_task(main)
    try:
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def _cancel_all_tasks(loop: ScriptLoop) -> None:
    # As asyncio.runners: the tasks still pending are cancelled and run to their end.
    to_cancel = [task for task in loop._tasks if not task.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )


def is_loop_frame(frame: Any) -> bool:
    """Whether ``frame`` is the frame of a script's ``asyncio.run()`` (:func:`run_script`)."""
    code = frame.unit.code
    return bool(code.co_name == "run_script" and code.co_filename == _FILE)


_FILE = run_script.__code__.co_filename


def waiting_frame(frame: Any) -> Any:
    """Where a job that suspended at ``frame`` waits: the first parked task's wait, if ``frame`` waits for those."""
    code = frame.unit.code
    if code.co_name != "_run_once" or code.co_filename != _FILE:
        return frame
    for stand_in in frame.fast[0]._parked:
        where = getattr(stand_in, "_statek_where", None)
        if where is not None:
            return where
    return frame


def loop_of(frame: Any) -> ScriptLoop | None:
    """The script loop running where ``frame`` runs: found down its chain of callers."""
    while frame is not None:
        code = frame.unit.code
        if code.co_filename == _FILE and code.co_name in ("_run_once", "run_until_complete"):
            loop = frame.fast[0]
            if type(loop) is ScriptLoop:
                return loop
        frame = frame.back
    return None


# -- what asyncio's code on the VM sees instead (library.OVERRIDES) --


def _register_task(task: Any) -> None:
    # Natively a weak set: finished tasks are let go (now and then, here).
    loop = task._loop
    tasks = loop._tasks
    if len(tasks) >= loop._tasks_pruned_at * 2:
        tasks[:] = [t for t in tasks if not t.done()]
        loop._tasks_pruned_at = max(8, len(tasks))
    tasks.append(task)


def _unregister_task(task: Any) -> None:
    tasks = task._loop._tasks
    if task in tasks:
        tasks.remove(task)


def _enter_task(loop: Any, task: Any) -> None:
    if loop._current_task is not None:
        raise RuntimeError(
            f"Cannot enter into task {task!r} while another task {loop._current_task!r} is being executed."
        )
    loop._current_task = task


def _leave_task(loop: Any, task: Any) -> None:
    if loop._current_task is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match the current task {loop._current_task!r}.")
    loop._current_task = None


def _swap_current_task(loop: Any, task: Any) -> Any:
    previous, loop._current_task = loop._current_task, task
    return previous


class _GatheringFuture(_PyFuture):  # type: ignore[misc]
    """``gather()``'s future, as asyncio's, on the script loop's pure-Python futures."""

    def __init__(self, children: Any, *, loop: Any) -> None:
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg: Any = None) -> bool:
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def running_loop() -> Any:
    """``asyncio.get_running_loop()`` in script code: answered by the VM (special_calls.py)."""
    return asyncio.get_running_loop()


def running_loop_or_none() -> Any:
    """``asyncio.events._get_running_loop()`` in script code: answered by the VM (special_calls.py)."""
    return asyncio.events._get_running_loop()


def event_loop(stacklevel: int = 3) -> Any:
    """``asyncio.get_event_loop()`` in script code: answered by the VM (special_calls.py)."""
    return asyncio.get_running_loop()


def current_task(loop: Any = None) -> Any:
    """``asyncio.current_task()`` in script code: answered by the VM (special_calls.py)."""
    return asyncio.current_task(loop)


def all_tasks(loop: Any = None) -> Any:
    """``asyncio.all_tasks()`` in script code: answered by the VM (special_calls.py)."""
    return asyncio.all_tasks(loop)


class YieldOnce:
    """``asyncio.sleep(0)``'s awaitable in the script's loop: it yields once (a task lets the others run).

    asyncio's own (``tasks.__sleep0``) is a generator made by a decorated
    function that runs natively: a job stopped while a task awaits it (a
    budget's checkpoint, a worker that stops) could not be carried in a
    snapshot.  This one's ``__await__`` runs on the VM.
    """

    __slots__ = ()

    def __await__(self) -> Any:
        yield


def context_run(context: Any, callback: Any, *args: Any, **kwargs: Any) -> Any:
    """``context.run(callback, *args)`` on the VM: a handle's run, and the script's own ``Context.run``."""
    enter_context(context)
    try:
        return callback(*args, **kwargs)
    finally:
        leave_context(context)


def enter_context(context: Any) -> None:
    """Make ``context`` the thread's current one, as ``Context.run`` does on entry (the VM records it)."""
    if _enter is not None:
        _enter(context)


def leave_context(context: Any) -> None:
    """Make the context ``context`` was entered from current again (the VM records it)."""
    if _exit is not None:
        _exit(context)


def enter_all(contexts: list[Any]) -> None:
    """Enter ``contexts`` in order (a run goes on inside them); see :func:`leave_all`."""
    if _enter is not None:
        for context in contexts:
            _enter(context)


def leave_all(contexts: list[Any]) -> None:
    """Leave ``contexts``, innermost first: the job's run stops inside them, and they stay in its frames."""
    if _exit is not None:
        for context in reversed(contexts):
            _exit(context)


def _sleep0() -> YieldOnce:
    return YieldOnce()


def _shim(module: types.ModuleType, **names: Any) -> types.SimpleNamespace:
    shim = types.SimpleNamespace(**{k: v for k, v in vars(module).items() if not k.startswith("__")})
    for key, value in names.items():
        setattr(shim, key, value)
    return shim


def overrides() -> dict[str, dict[str, Any]]:
    """Per module of :data:`MODULES`, the globals its VM versions see instead of the module's own."""
    events = _shim(
        asyncio.events,
        get_running_loop=running_loop,
        _get_running_loop=running_loop_or_none,
        get_event_loop=event_loop,
        _get_event_loop=event_loop,
    )
    futures = _shim(_futures, Future=_PyFuture)
    tasks = _shim(_tasks, current_task=current_task, all_tasks=all_tasks, Task=_PyTask)
    common = {"events": events, "futures": futures, "tasks": tasks}
    task_registry = {
        "_register_task": _register_task,
        "_unregister_task": _unregister_task,
        "_enter_task": _enter_task,
        "_leave_task": _leave_task,
        "_swap_current_task": _swap_current_task,
        "current_task": current_task,
        "all_tasks": all_tasks,
        "Task": _PyTask,
        "_GatheringFuture": _GatheringFuture,
        "__sleep0": _sleep0,
    }
    result = {name: dict(common) for name in MODULES}
    result["asyncio.tasks"].update(task_registry)
    return result


# -- the edges: host I/O, parked tasks (special_calls.py and job.py call these) --


def bridge(frame: Any, result: Any) -> Any:
    """What a task's ``await`` of host code yields instead of the real future ``result``."""
    loop = loop_of(frame)
    if loop is None:
        return result
    stand_in = _PyFuture(loop=loop)
    stand_in._asyncio_future_blocking = True
    result._asyncio_future_blocking = False
    loop._host_waits.append((result, stand_in))
    return stand_in


def await_host(loop: ScriptLoop) -> list[Any]:
    """Called by the script loop when nothing is ready; the VM answers it (special_calls.py)."""
    raise RuntimeError("await_host runs only on the VM")


def park(vm: Any, frame: Any, future: Any) -> Any:
    """A wait on ``future`` at ``frame``, in a task of the script's loop: the task waits, the others go on.

    Returns the frame of the task's step, to run on; None when ``frame``
    runs in no task (the whole job suspends).
    """
    from statek_vm.limits import StopSignal
    from statek_vm.vm.loop_edge import LoopSignal

    if type(future) is LoopSignal or type(future) is StopSignal:
        return None
    loop = loop_of(frame)
    if loop is None:
        return None
    stand_in = _PyFuture(loop=loop)
    stand_in._asyncio_future_blocking = True
    stand_in._statek_wait = future
    stand_in._statek_where = frame
    step = vm.park(frame, stand_in)
    if step is not None:
        loop._parked.append(stand_in)
    return step


if sys.version_info >= (3, 12):
    _STEP_NAMES = frozenset({"__step_run_and_handle_result"})
else:
    _STEP_NAMES = frozenset({"__step"})
_TASKS_FILE = _tasks.__file__
