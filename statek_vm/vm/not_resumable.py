"""What the VM cannot resume, said loudly and precisely (DESIGN.md, point 5).

Script code that host code calls runs in a nested run below a native host
frame; a wait there cannot be suspended exactly and raises
:class:`NotResumableError`.  Its message names what a reader needs to find
the place: the script function and line where the wait happened, the script
function host code called (when that is another one), and the host callable
(the function the script handed it to, a native operation such as a dict
display hashing a key, a thread, or a generator's close).

Two places cannot hand the error to the job by raising it:

- a script function that a *host thread* runs (``threading.Thread(target=...)``,
  an executor): the job's run is on another thread; the thread's error would
  be printed by ``threading.excepthook``, or kept in a concurrent future the
  script may never read;
- a script generator whose ``finally`` waits while it is closed because it was
  dropped (a ``break`` out of its ``for`` loop): CPython calls ``__del__`` and
  ignores what it raises.

Both record the error for the run of their job (:func:`record_for_job`).
That run raises it at its next host call, before the call starts (so no host
effect follows the failure) or when the call returns (the script joined the
thread), and the job fails with it when the run ends at the latest.  The
script never catches a ``NotResumableError`` (the interpreter gives up its
frames instead), so ``except Exception`` around ``future.result()`` does not
hide a wait in an executor either.
"""

from __future__ import annotations

import os
import sys
import threading
import types
from typing import Any

from statek_vm import future as future_module
from statek_vm.exceptions import NotResumableError
from statek_vm.vm.frame import native_locals

# Failures waiting for the run of their job, by that run's interpreter.  The
# interpreter checks it is empty around every host call: one dict truth test.
PENDING: dict[Any, BaseException] = {}
# A host thread records a failure while the job's run may be ending: either
# the run takes it, or the thread sees that no run is in progress.
_ENDING = threading.Lock()


def record_for_job(builtins: Any, error: BaseException) -> bool:
    """Fail the run in progress of the job of ``builtins`` with ``error``; whether one is in progress.

    The run raises it at its next host call, or fails with it when it ends.
    """
    with _ENDING:
        run = getattr(builtins, "interpreter", None)
        if run is None:
            return False
        PENDING.setdefault(run, error)  # the first failure is the one the job reports
        return True


def raise_pending(interpreter: Any) -> None:
    """Raise the failure recorded for ``interpreter``'s run, if there is one."""
    error = PENDING.pop(interpreter, None)
    if error is not None:
        raise error


def end_run(builtins: Any, interpreter: Any) -> BaseException | None:
    """The run of ``interpreter`` ends: nothing is recorded for it any more; what was, is returned."""
    with _ENDING:
        if getattr(builtins, "interpreter", None) is interpreter:
            builtins.interpreter = None
        return PENDING.pop(interpreter, None)


# -- the message -------------------------------------------------------------


def reason(frame: Any, base: Any, retry_host_calls: bool) -> str | None:
    """Why a wait at ``frame``, in a nested run that started at ``base``, cannot be suspended.

    None when the job re-runs the host call as a whole instead
    (``retry_host_calls``): the wait then reaches that call as it is.  A
    generator's close that CPython runs when the generator is dropped is no
    call that could run again.
    """
    if retry_host_calls and not _closing_dropped_generator():
        return None
    return message(frame, base)


def message(frame: Any, base: Any) -> str:
    """Why a wait at ``frame``, in a nested run that started at ``base``, cannot be suspended."""
    from statek_vm.vm.interpreter import current_interpreter
    from statek_vm.vm.runtime import FILENAME as RUNTIME_FILENAME

    # The wait is where script code needed the value: a re-statement of the
    # VM's own (a truth test, a comparison) is not where the reader looks.
    inner, line = frame, frame.line
    while inner.unit.filename == RUNTIME_FILENAME and inner is not base and inner.back is not None:
        inner = inner.back
        line = inner.unit.line_of(inner.pc - 1)  # a caller's pc is past its call
    where = f"{inner.unit.qualname}() at {inner.unit.filename}:{line}"
    called = getattr(base.func, "__qualname__", None) or base.unit.qualname
    text = f"cannot suspend in {where}"
    if called != inner.unit.qualname:
        text += f", inside {called}()"
    if _closing_dropped_generator():
        return (
            f"{text}: the generator was closed because it was dropped (a break out of a for loop over "
            f"it, or its last reference going), and the close that CPython runs then cannot suspend. "
            f"Use only ready values in its finally clause, or let the loop run the generator to its end."
        )
    job_run = getattr(base.builtins, "interpreter", None)
    if job_run is not None and job_run is not current_interpreter():
        return (
            f"{text}: {called}() ran in the host thread {threading.current_thread().name!r}, and a job "
            f"suspends only in its own run. Resolve the future before handing the function to a thread "
            f"or an executor, or call it from the script itself."
        )
    return (
        f"{text}: it was called by host code, and a suspension cannot cross a host frame. Resolve the "
        f"future before passing the function to host code, or run the job with retry_host_calls=True "
        f"to re-run that host call as a whole on resume."
    )


# -- the host callable -------------------------------------------------------

# The VM's own host functions that stand for a native operation
# (statek_vm/vm/runtime.py), by name: what the script wrote.
_RUNTIME_OPERATIONS = {
    "getitem": "the native subscript obj[key]",
    "setitem": "the native subscript assignment obj[key] = value",
    "delitem": "the native subscript deletion del obj[key]",
    "setattr": "the native attribute assignment obj.name = value",
    "iter": "the native iter()",
    "native_contains": "the native `in` test",
    "native_len": "the native len()",
    "native_bool": "the native truth test",
    "native_str": "the native str()",
    "native_repr": "the native repr()",
    "native_format": "the native format()",
}
_RUNTIME_MODULE = "statek_vm.vm.runtime"

# Instructions whose native operation calls script code directly (a key's
# __hash__ or __eq__), by what the script wrote.
_INSTRUCTION_OPERATIONS = {
    "BUILD_MAP": "a dict display",
    "BUILD_CONST_KEY_MAP": "a dict display",
    "BUILD_SET": "a set display",
    "SET_UPDATE": "a set display",
    "DICT_UPDATE": "a dict display",
    "DICT_MERGE": "a call's **mapping",
    "MAP_ADD": "a dict comprehension",
    "SET_ADD": "a set comprehension",
    "LIST_EXTEND": "a *iterable unpacking",
    "UNPACK_SEQUENCE": "an unpacking assignment",
    "UNPACK_EX": "an unpacking assignment",
    "CALL_FUNCTION_EX": "a call's *args or **kwargs",
    "LOAD_ATTR": "an attribute load",
    "STORE_ATTR": "an attribute assignment",
    "DELETE_ATTR": "an attribute deletion",
    "BINARY_SUBSCR": "a subscript",
    "STORE_SUBSCR": "a subscript assignment",
    "DELETE_SUBSCR": "a subscript deletion",
    "BINARY_OP": "an operator",
    "COMPARE_OP": "a comparison",
    "CONTAINS_OP": "an in test",
    "FORMAT_VALUE": "an f-string",
    "GET_ITER": "a for loop",
    "FOR_ITER": "a for loop",
    "SEND": "a step of an await or an async for",
}


def describe(func: Any) -> str:
    """``func`` as the message names it: by its native name, with its module."""
    from statek_vm.vm.objects import GENERATOR_TYPES

    if isinstance(func, str):
        return func
    owner = getattr(func, "__self__", None)
    if isinstance(func, types.MethodType) and isinstance(owner, GENERATOR_TYPES):
        return f"{owner._kind}.{func.__name__}"  # a script generator's close(), throw()...: as natively
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or type(func).__name__
    module = getattr(func, "__module__", None)
    if module == _RUNTIME_MODULE:
        return _RUNTIME_OPERATIONS.get(getattr(func, "__name__", ""), f"the native operation {name}")
    if isinstance(module, str):
        module = _public_module(module, func)
    if isinstance(module, str) and module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    wrapped = getattr(func, "__wrapped__", None)
    if wrapped is not None and not isinstance(func, (types.FunctionType, type)):
        # A library wrapper (functools.lru_cache) carries the script
        # function's name: say what wraps it.
        name = f"{name} (a {type(func).__module__}.{type(func).__qualname__})"
    return name


def _public_module(module: str, func: Any) -> str:
    """Where the script imports ``func`` from: ``heapq``, not ``_heapq``; ``asyncio``, not ``asyncio.runners``."""
    name = getattr(func, "__name__", None)
    if not isinstance(name, str) or getattr(func, "__qualname__", name) != name:
        return module
    parts = module.split(".")
    candidates = [".".join(parts[:i]) for i in range(1, len(parts))]
    if module.startswith("_"):
        candidates.insert(0, module[1:])
    for candidate in candidates:
        public = sys.modules.get(candidate)
        if public is not None and getattr(public, name, None) is func:
            return candidate
    return module


def started_again_safely(func: Any, args: Any, kwargs: Any, error: Any) -> bool:
    """Whether a host call that raised ``FutureError`` may run again when the job resumes.

    When the pending future is one it was handed as it is (``len(f)``, a
    future's own method) it did nothing before touching it; callables the
    application marked future-aware are its own choice.
    """
    from statek_vm.future import is_future_aware

    future = getattr(error, "future", None)
    return (
        getattr(func, "__self__", None) is future
        or any(a is future for a in args)
        or (kwargs is not None and any(v is future for v in kwargs.values()))
        or is_future_aware(func)
        # A class making a new object (set(answers), dict(pairs)) from the
        # elements it was handed: what it made so far is dropped.
        or (isinstance(func, type) and any(_holds(a, future) for a in args))
    )


def _holds(container: Any, future: Any) -> bool:
    if type(container) is dict:
        return any(k is future or v is future for k, v in container.items())
    if type(container) in (list, tuple, set, frozenset):
        return any(x is future for x in container)
    return False


_FUTURE_FILE = future_module.__file__


def met_after_start(func: Any, error: BaseException) -> str:
    """Why a host call that met a pending future once it had started cannot be resumed."""
    from statek_vm.vm.script_frames import PACKAGE_DIR

    host = describe(func)
    where = f"the host call of {host}"
    tb = error.__traceback__
    while tb is not None:
        # The innermost code outside the VM's own that used the future (not
        # the future's own code, nor the complement it asked for the value).
        code = tb.tb_frame.f_code
        if code.co_filename == _FUTURE_FILE:
            break
        if not code.co_filename.startswith(PACKAGE_DIR + os.sep):
            where = f"{getattr(code, 'co_qualname', code.co_name)}() at {code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    vm_frame = _calling_vm_frame()
    if vm_frame is not None:
        where += f", inside {host}() at {vm_frame.unit.filename}:{vm_frame.unit.line_of(vm_frame.pc - 1)}"
    return (
        f"cannot suspend in {where}: {host}() met a pending future after it had started (one that script code "
        f"it called returned or yielded, not one among its arguments, which are resolved before the call), and "
        f"a host call cannot start twice. Use the future's value in the script first (a generator can yield "
        f"llm(x).value, or the script can build the list itself), or run the job with retry_host_calls=True to "
        f"re-run that host call as a whole on resume. The host callable is {host}."
    )


def _calling_vm_frame() -> Any:
    """The VM frame whose instruction is making the host call now."""
    _, dispatch_codes = _codes()
    frame: types.FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code in dispatch_codes:
            return native_locals(frame, "frame")[0]
        frame = frame.f_back
    return None


def name_host_callable(error: NotResumableError, func: Any) -> None:
    """Name the host callable in ``error`` unless a host callable nearer the wait is named already."""
    if getattr(error, "host_callable", None) is not None:
        return
    error.host_callable = func  # type: ignore[attr-defined]
    through = getattr(error, "through", None)
    through = f", through {through}" if through and through != func else ""
    error.args = (f"{error.args[0]} The host callable is {describe(func)}{through}.",)


def reached_host(error: BaseException, builtins: Any, caller: types.FrameType | None) -> None:
    """A ``NotResumableError`` leaves script code for the host code that called it (``caller``).

    Host code the script called names itself (``call_host``, ``__del__``,
    further out).  What this names: the native operation of an instruction
    that called script code without a host call in between, or the host
    thread that runs the script function; a thread's failure is recorded for
    the job, whose run is elsewhere.
    """
    if not isinstance(error, NotResumableError):
        return
    from statek_vm.vm.objects import _RUNS

    if not _RUNS.stack:
        # No run on this thread: a host thread runs the script function (or
        # the application calls it when no run of its job is in progress,
        # and the error is the application's alone).
        host = _innermost_host_frame(caller)
        name_host_callable(error, _frame_name(host) if host is not None else "the host thread's start")
        record_for_job(builtins, error)
        return
    if getattr(error, "host_callable", None) is not None:
        return
    # An instruction whose native operation called the script code (or
    # called host code that called it: functools.total_ordering's __ge__)
    # is named along with the host callable further out that ran that
    # instruction's run, or with that host code, or alone.
    from statek_vm.vm.script_frames import PACKAGE_DIR, is_trampoline_code

    named_further_out, dispatch_codes = _codes()
    operation = None
    host = None
    frame = caller
    while frame is not None:
        code = frame.f_code
        if code in named_further_out:
            break
        if operation is None:
            if code in dispatch_codes:
                (vm_frame,) = native_locals(frame, "frame")
                if vm_frame is not None:
                    operation = _instruction_operation(vm_frame)
            elif host is None and not code.co_filename.startswith(PACKAGE_DIR + os.sep):
                host = None if is_trampoline_code(code) else frame
        frame = frame.f_back
    if operation is None:
        return
    error.through = operation  # type: ignore[attr-defined]
    if frame is None:
        name_host_callable(error, _frame_name(host) if host is not None else operation)


def closed_when_dropped(gen: Any, error: BaseException) -> bool:
    """A script generator's close, which ran because it was dropped, raised ``error``.

    A ``NotResumableError`` (its ``finally`` waited) fails the job instead
    of being ignored as CPython ignores what a finalizer raises: named, and
    recorded for the job's run.  Returns whether it was.
    """
    builtins = gen._frame.builtins
    if not isinstance(error, NotResumableError) or getattr(builtins, "interpreter", None) is None:
        return False
    _, dispatch_codes = _codes()
    where = ""
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code in dispatch_codes:
            (vm_frame,) = native_locals(frame, "frame")
            if vm_frame is not None:
                where = f" at {vm_frame.unit.filename}:{vm_frame.unit.line_of(vm_frame.pc - 1)}"
            break
        frame = frame.f_back
    name_host_callable(error, f"{gen._kind}.close(), run when the {gen._kind} was dropped{where}")
    return record_for_job(builtins, error)


def _closing_dropped_generator() -> bool:
    """Whether this nested run closes a script generator that was dropped (its ``__del__``)."""
    from statek_vm.vm.objects import _GeneratorBase

    finalizer = _GeneratorBase.__del__.__code__
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code is finalizer:
            return True
        frame = frame.f_back
    return False


def _codes() -> tuple[frozenset[types.CodeType], frozenset[types.CodeType]]:
    from statek_vm.vm.interpreter import Interpreter
    from statek_vm.vm.objects import _GeneratorBase

    named_further_out = frozenset({Interpreter.call_host.__code__, _GeneratorBase.__del__.__code__})
    dispatch = frozenset({Interpreter._dispatch.__code__, Interpreter._without_redo.__code__})
    return named_further_out, dispatch


def _instruction_operation(vm_frame: Any) -> str:
    # The instruction runs: its pc has moved past it.
    pc = vm_frame.pc - 1
    opname = vm_frame.unit.ops[pc].name
    what = _INSTRUCTION_OPERATIONS.get(opname, "a native operation")
    return f"{what} (the {opname} instruction at {vm_frame.unit.filename}:{vm_frame.unit.line_of(pc)})"


def _innermost_host_frame(frame: types.FrameType | None) -> types.FrameType | None:
    """The first frame from ``frame`` outwards that is host code, not the VM's own."""
    from statek_vm.vm.script_frames import PACKAGE_DIR, is_trampoline_code

    prefix = PACKAGE_DIR + os.sep
    while frame is not None:
        code = frame.f_code
        if not code.co_filename.startswith(prefix) and not is_trampoline_code(code):
            return frame
        frame = frame.f_back
    return None


def _frame_name(frame: types.FrameType) -> str:
    code = frame.f_code
    name = getattr(code, "co_qualname", code.co_name)
    module = frame.f_globals.get("__name__")
    if isinstance(module, str) and module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    return name
