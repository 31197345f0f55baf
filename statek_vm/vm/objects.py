"""Script functions, generators and coroutines as objects host code can use.

A function defined by the script is a :class:`VMFunction`.  When the VM calls
it, the call is a new VM frame on the same run, so a suspension inside it is
resumable.  When *host* code calls it (``sorted(key=...)``, a callback, a
decorator from a library) it runs in a nested VM run: it behaves like a normal
Python function, but a suspension inside it cannot be resumed exactly, because
the host frame that called it is native and cannot be saved (DESIGN.md, point
5).

These objects look right to introspection: ``__name__``, ``__qualname__``,
``__doc__``, ``__module__``, ``__wrapped__`` (set by ``functools.wraps``),
``__code__``, ``__defaults__``, ``__kwdefaults__``, ``__annotations__``,
``__closure__``, ``__globals__`` and ``inspect.signature``.  Their internal
state lives in ``__slots__`` so that ``functools.wraps``, which copies
``__dict__``, never copies it onto a wrapper.
"""

from __future__ import annotations

import functools
import heapq
import sys
import threading
import types
import warnings
import weakref
from typing import Any

from statek_vm import future as _future
from statek_vm.exceptions import NotResumableError
from statek_vm.program.code_unit import CodeUnit
from statek_vm.vm.frame import Frame, builtins_from_state, builtins_of, builtins_state
from statek_vm.vm.not_resumable import closed_when_dropped, reached_host
from statek_vm.vm.replay import (
    NATIVE_WORK,
    NESTED,
    PAST_LOG,
    RECORDING,
    REPLAY,
    SNAPSHOTTING,
    AdoptOnVM,
    first_nested,
    remember_hash,
    snapshot_answer,
)
from statek_vm.vm.replay import answer as replay_answer
from statek_vm.vm.runtime import DATACLASS_ORDER
from statek_vm.vm.runtime import FILENAME as RUNTIME_FILENAME
from statek_vm.vm.runtime import TOTAL_ORDERING as RUNTIME_TOTAL_ORDERING
from statek_vm.vm.runtime import lookup as _lookup


class RedoOnVM(BaseException):
    """Raised to an instruction whose native operation called script code.

    Only raised where the caller is one of the instructions in
    :data:`REDO_ON_VM`, each of which has had no effect yet when script code
    is called and catches it to run the operation's re-statement on the VM
    (``statek_vm/vm/operations.py``).  A ``BaseException``: no native code
    between them catches it.
    """


# Every code object of the sets below that ask script code to run on the VM
# (REDO_ON_VM, REDO_VIA, REDO_THROUGH), by id, with which of them hold it: a
# script call from host code looks its caller's code up once, here, and is
# an ordinary nested run when it is not found.
CALLER_ROLES: dict[int, int] = {}
ON_VM, VIA, THROUGH = 1, 2, 4


class CodeSet:
    """A set of code objects, by identity.

    A code object's hash is computed from its whole content at each lookup
    (its constants, nested code objects included): the checks made on every
    script call from host code would cost microseconds.  ``role``: the bit
    its codes have in :data:`CALLER_ROLES`, if any.
    """

    __slots__ = ("_codes", "_role")

    def __init__(self, codes: Any = (), role: int = 0) -> None:
        self._codes: dict[int, types.CodeType] = {}
        self._role = role
        self.update(codes)

    def add(self, code: types.CodeType) -> None:
        key = id(code)
        self._codes[key] = code
        if self._role:
            CALLER_ROLES[key] = CALLER_ROLES.get(key, 0) | self._role

    def update(self, codes: Any) -> None:
        for code in codes:
            self.add(code)

    def __contains__(self, code: object) -> bool:
        return id(code) in self._codes

    def __iter__(self) -> Any:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)


# The code objects of the instruction handlers that catch RedoOnVM.
REDO_ON_VM = CodeSet(role=ON_VM)
# Library code that an instruction's native operation runs and that calls
# script code before it has done anything else (a cached_property's __get__):
# a request raised there reaches the instruction too.
REDO_VIA = CodeSet(
    [
        functools.cached_property.__get__.__code__,
        # The comparisons functools.total_ordering makes call the class's own.
        *(func.__code__ for func in RUNTIME_TOTAL_ORDERING),
        # heapq.py's own code, which compares (and calls keys) before it changes anything.
        heapq.nlargest.__code__,
        heapq.nsmallest.__code__,
        # A resolved future's delegation of an operation to its value (a
        # tool's list sliced by a script __index__, searched by a script __eq__).
        *(
            getattr(_future.BaseFuture, name).__code__
            for name in ("__getitem__", "__contains__", "__setitem__", "__delitem__")
        ),
    ],
    role=VIA,
)


# Library code that the VM calls natively first, and that calls script code
# only once it has done nothing that matters (statek_vm/vm/library.py fills
# both): a request raised there, through any number of such frames, reaches
# the VM's call if that call is one of ``LIBRARY_ATTEMPTS`` (and no other
# handler: an instruction's native operation that reaches library code may
# have had effects by then, an iterator's step).
REDO_THROUGH = CodeSet(role=THROUGH)
LIBRARY_ATTEMPTS = CodeSet()
# Or the handler of an instruction whose native operation is one call of an
# operator method (``a | b``), when the outermost library frame is such a
# method of ``LIBRARY_OPERATORS`` (a Flag's ``__or__``).
OPERATOR_HANDLERS = CodeSet()
LIBRARY_OPERATORS = CodeSet()


def _through_library(caller: Any) -> bool:
    """Whether only library frames of :data:`REDO_THROUGH` lead from ``caller`` to a library attempt."""
    outer = caller
    while caller is not None and caller.f_code in REDO_THROUGH:
        outer = caller
        caller = caller.f_back
    if caller is None:
        return False
    code = caller.f_code
    return code in LIBRARY_ATTEMPTS or (code in OPERATOR_HANDLERS and outer.f_code in LIBRARY_OPERATORS)


def _asks_redo(caller: Any, code: types.CodeType) -> bool:
    """Whether a script call from ``caller`` (running ``code``) is asked of an instruction that runs it on the VM.

    Called only for the codes of :data:`CALLER_ROLES` and the comparisons
    dataclasses makes (found by their code's name).
    """
    roles = CALLER_ROLES.get(id(code), 0)
    if not (
        roles & ON_VM
        # Library code the native operation ran first (and, by their
        # code's name, the comparisons dataclasses makes).
        or ((roles & VIA or code.co_qualname in DATACLASS_ORDER) and caller.f_back.f_code in REDO_ON_VM)
        or (roles & THROUGH and _through_library(caller))
    ):
        return False
    return not REDO.disabled and not _script_tracing()


_gettrace, _getprofile = sys.gettrace, sys.getprofile


def _script_tracing() -> bool:
    """Whether the trace or profile function is script code.

    CPython calls it as if from the traced frame, an instruction handler's
    too: then it is that call, and nothing is redone.  Host tracers (a
    coverage tool, a debugger) call script code from their own frames, so
    the operations layer works under them as without them.
    """
    trace, profile = _gettrace(), _getprofile()
    if trace is None and profile is None:
        return False
    for tracer in (trace, profile):
        if tracer is not None and (
            type(tracer) is VMFunction
            or type(getattr(tracer, "__func__", None)) is VMFunction
            or type(type(tracer).__dict__.get("__call__")) is VMFunction
        ):
            return True
    return False


class _Redo(threading.local):
    """``raised``: a RedoOnVM is on its way to its instruction (cleared there).

    Native code may swallow it (a type's attribute lookup clears errors from
    its dict's ``__eq__``): the instruction then fails with another error
    while ``raised`` is still set, and the VM runs it again with
    ``disabled`` set, the script code in a nested run as any host call's.
    """

    def __init__(self) -> None:
        self.raised = False
        self.disabled = 0


REDO = _Redo()


# _answer_of_native_work(): no answer of its own; the call goes on as any call from host code.
ORDINARY: Any = object()


class _Quiet(threading.local):
    depth = 0


# Above zero while a snapshot makes a script class again on this thread
# (statek_vm/snapshot/classes.py): script functions called then do nothing.
QUIET = _Quiet()


class _Deferred(threading.local):
    calls: list[tuple[Any, Any, Any]] | None = None


# The calls of script __init_subclass__ and __set_name__ that type.__new__
# makes while make_class runs on this thread: recorded, not run, so that the
# VM runs them as VM frames once the class exists (a wait inside them is then
# resumable).  ``None`` outside make_class.
DEFERRED = _Deferred()
_DEFERRABLE = frozenset({"__init_subclass__", "__set_name__"})


def make_class(meta: Any, name: str, bases: tuple[Any, ...], ns: Any, kwds: dict[str, Any]) -> Any:
    """``meta(name, bases, ns, **kwds)`` and the script calls type.__new__ deferred, in order."""
    outer = DEFERRED.calls
    calls: list[Any] = []
    DEFERRED.calls = calls
    NATIVE_WORK.depth += 1
    try:
        cls = meta(name, bases, ns, **kwds)
    finally:
        DEFERRED.calls = outer
        NATIVE_WORK.depth -= 1
    return cls, calls


class _FunctionType(type):
    """Metaclass of :class:`VMFunction`: keeps ``VMFunction.__module__`` a string
    while instances have their own ``__module__`` (see :func:`_install`)."""


class VMFunction(metaclass=_FunctionType):
    """A function whose code runs on the VM."""

    # ``_trampoline`` and ``_fake_frame``: the native stand-ins of this
    # function's frames, made when host code first needs them
    # (vm/script_frames.py); they go with the function, and are never pickled.
    __slots__ = (
        "__dict__",
        "__weakref__",
        "_annotations",
        "_builtins",
        "_closure",
        "_defaults",
        "_doc",
        "_fake_frame",
        "_globals",
        "_kwdefaults",
        "_module",
        "_name",
        "_qualname",
        "_trampoline",
        "_unit",
    )

    def __init__(
        self,
        unit: CodeUnit,
        globals: dict[str, Any],
        defaults: tuple[Any, ...] | None = None,
        kwdefaults: dict[str, Any] | None = None,
        annotations: dict[str, Any] | None = None,
        closure: tuple[Any, ...] | None = None,
    ) -> None:
        if type(unit) is not CodeUnit or (type(globals) is not dict and not isinstance(globals, dict)):
            # (A script holds this class as type(f): it cannot make a function of anything else.)
            raise TypeError("function() needs a code unit of the VM and a globals dict")
        self._unit = unit
        self._globals = globals
        self._defaults = defaults
        self._kwdefaults = kwdefaults
        self._annotations = annotations
        self._closure = closure
        # Like CPython 3.11 functions, builtins are captured at creation.
        self._builtins = builtins_of(globals)
        self._name = unit.name
        self._qualname = unit.qualname
        self._doc = _docstring(unit)
        self._module = globals.get("__name__")

    # -- calling ------------------------------------------------------------

    def __call__(self, /, *args: Any, **kwargs: Any) -> Any:
        try:
            caller = sys._getframe(1)
        except ValueError:
            # The first frame of a thread (``_thread.start_new_thread``):
            # host code called it from C, in no run of this thread.
            return self._nested(None, args, kwargs)
        if NATIVE_WORK.depth:
            answered = self._answer_of_native_work(caller, args, kwargs)
            if answered is not ORDINARY:
                return answered
        elif not getattr(self._builtins, "running", True) and _is_finalizer(self, args, kwargs):
            # The ``__del__`` of an object of a job that is not running (it
            # is suspended, or finished), dropped with the job: that job runs
            # none of its code here (see ScriptBuiltins in statek_vm/job.py).
            return None
        code = caller.f_code
        if id(code) in RECORDING:
            # A native operation that may be replayable (a dict lookup,
            # list.index, one that has no effect before its script calls
            # return; whether it is, is asked when it matters): this call
            # runs nested, its answer kept; if it waits, the VM adopts its
            # frames and runs the operation again with the answers
            # (statek_vm/vm/replay.py).
            if not REDO.disabled and not _collector_call(self, args) and not _script_tracing():
                return self._first_nested(caller, args, kwargs, None)
        elif (
            (id(code) in CALLER_ROLES or code.co_qualname in DATACLASS_ORDER)
            # (a __del__ or weakref callback run as the operation drops an
            # object is not the operation's call: it runs nested, as natively)
            and not _collector_call(self, args)
            and _asks_redo(caller, code)
        ):
            REDO.raised = True
            # An instruction's native operation (an attribute load, a
            # conversion to str) is calling script code: the instruction
            # stops here, before the script code starts, and runs that
            # operation on the VM instead (statek_vm/vm/operations.py).
            raise RedoOnVM
        return self._nested(caller, args, kwargs)

    def _answer_of_native_work(self, caller: Any, args: Any, kwargs: Any) -> Any:
        """The answer to this call that the VM's native work on this thread gives, or :data:`ORDINARY`."""
        if QUIET.depth:
            # A snapshot is making a script class again: type.__new__ calls
            # its bases' __init_subclass__, which ran when the script made it.
            return None
        if SNAPSHOTTING.depth:
            # A snapshot is taken or loaded: a dict or set rebuilt, an
            # OrderedDict walked, hash their script keys as they were hashed
            # before (vm/replay.py).
            answered = snapshot_answer(self, args, kwargs)
            if answered is not NESTED:
                return answered
        deferred = DEFERRED.calls
        if deferred is not None and self._name in _DEFERRABLE and caller.f_code is _MAKE_CLASS:
            # type.__new__, called by make_class, runs a base's
            # __init_subclass__ or a descriptor's __set_name__: the VM runs
            # it once the class is made (both return None to type.__new__).
            deferred.append((self, args, kwargs))
            return None
        if not getattr(self._builtins, "running", True) and _is_finalizer(self, args, kwargs):
            return None  # (as in __call__)
        if REPLAY.log is not None and REPLAY.runs == len(_RUNS.stack) and not _collector_call(self, args):
            # The instruction is running its native operation again: this
            # call's result is in its log, or the VM runs the call first
            # (statek_vm/vm/replay.py).
            result = replay_answer(self, args, kwargs, not REDO.disabled and not _script_tracing())
            if result is PAST_LOG:
                # Past the log: as the operation's first script call was (in __call__).
                return self._first_nested(caller, args, kwargs, REPLAY.log)
            if result is NESTED:
                return self._nested(caller, args, kwargs)
            return result
        return ORDINARY

    def _nested(self, caller: Any, args: Any, kwargs: Any) -> Any:
        """This call, from host code, in a nested run."""
        try:
            result = _current_interpreter(self._builtins).call_from_host(self, args, kwargs)
        except BaseException as error:
            _leave_for_host(error)
            reached_host(error, self._builtins, caller)
            raise
        if self._name == "__hash__":
            remember_hash(self, args, result)
        return result

    def _first_nested(self, caller: Any, args: Any, kwargs: Any, prefix: Any) -> Any:
        """This call, the script call of a native operation that may be replayed (``replay.first_nested``)."""
        try:
            result = first_nested(_current_interpreter(self._builtins), self, caller, args, kwargs, prefix)
        except AdoptOnVM:
            REDO.raised = True
            raise
        except BaseException as error:
            _leave_for_host(error)
            reached_host(error, self._builtins, caller)
            raise
        if self._name == "__hash__":
            remember_hash(self, args, result)
        return result

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return types.MethodType(self, obj)

    # -- introspection ------------------------------------------------------

    @property
    def __code__(self) -> types.CodeType:
        return self._unit.code

    @__code__.setter
    def __code__(self, code: types.CodeType) -> None:
        if not isinstance(code, types.CodeType):
            raise TypeError("__code__ must be set to a code object")
        nfree = len(code.co_freevars)
        if nfree != len(self._closure or ()):
            raise ValueError(
                f"{self._name}() requires a code object with {len(self._closure or ())} free vars, not {nfree}"
            )
        from statek_vm.vm.script_frames import forget_stand_ins

        self._unit = self._unit.program.unit_for_new_code(code)
        forget_stand_ins(self)

    @property
    def __globals__(self) -> dict[str, Any]:
        return self._globals

    @property
    def __builtins__(self) -> Any:
        return self._globals.get("__builtins__")

    @property
    def __closure__(self) -> tuple[Any, ...] | None:
        return self._closure

    @property
    def __defaults__(self) -> tuple[Any, ...] | None:
        return self._defaults

    @__defaults__.setter
    def __defaults__(self, value: tuple[Any, ...] | None) -> None:
        if value is not None and not isinstance(value, tuple):
            raise TypeError("__defaults__ must be set to a tuple object")
        self._defaults = value or None

    @property
    def __kwdefaults__(self) -> dict[str, Any] | None:
        return self._kwdefaults

    @__kwdefaults__.setter
    def __kwdefaults__(self, value: dict[str, Any] | None) -> None:
        if value is not None and not isinstance(value, dict):
            raise TypeError("__kwdefaults__ must be set to a dict object")
        self._kwdefaults = value or None

    @property
    def __annotations__(self) -> dict[str, Any]:
        if self._annotations is None:
            self._annotations = {}
        return self._annotations

    @__annotations__.setter
    def __annotations__(self, value: dict[str, Any]) -> None:
        self._annotations = value

    def __repr__(self) -> str:
        return f"<function {self._qualname} at {id(self):#x}>"

    def __copy__(self) -> VMFunction:
        return self  # as copy.copy() and copy.deepcopy() do with a native function

    def __deepcopy__(self, memo: Any) -> VMFunction:
        return self

    def __reduce__(self) -> Any:
        # As a native function, by its module and qualified name when its
        # module has it there (a module imported and run on the VM); else
        # (a job's own functions, in no module of sys.modules) by value,
        # where natively pickle would refuse it.  Snapshots always take it
        # by value, with their own pickler (reduce_function).
        if _module_attribute(self._module, self._qualname) is self:
            return self._qualname
        return reduce_function(self)

    def __getstate__(self) -> dict[str, Any]:
        state = {name: getattr(self, name) for name in _FUNCTION_STATE}
        state["_builtins"] = builtins_state(self._builtins)
        state["__dict__"] = self.__dict__
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _FUNCTION_STATE:
            object.__setattr__(self, name, state[name])
        object.__setattr__(self, "_builtins", builtins_from_state(self._builtins))
        self.__dict__.update(state["__dict__"])


def _is_finalizer(func: VMFunction, args: Any, kwargs: Any) -> bool:
    """Whether host code calls ``func`` as the ``__del__`` of ``args[0]``."""
    return not kwargs and len(args) == 1 and getattr(type(args[0]), "__del__", None) is func


def _collector_call(func: VMFunction, args: Any) -> bool:
    """Whether the garbage collector may be calling ``func`` (a ``__del__``, a weakref callback).

    It calls them in the middle of whatever runs, a native operation that
    is being replayed too: they are not that operation's calls.
    """
    if len(args) != 1:
        return False
    cls = type(args[0])  # no hook of the script's runs here: not even a __getattribute__ for __class__
    return issubclass(cls, weakref.ReferenceType) or _lookup(cls, "__del__") is func


def _docstring(unit: CodeUnit) -> Any:
    # CPython 3.11 makes a function's docstring its first constant, and makes
    # None the first constant of functions and lambdas without one.
    consts = unit.code.co_consts
    if consts and isinstance(consts[0], str) and not unit.name.startswith("<"):
        return consts[0]
    return None


_FUNCTION_STATE = (
    "_unit",
    "_globals",
    "_defaults",
    "_kwdefaults",
    "_annotations",
    "_closure",
    "_builtins",
    "_name",
    "_qualname",
    "_doc",
    "_module",
)


def _module_attribute(module_name: Any, qualname: str) -> Any:
    """``module_name``'s attribute at the dotted ``qualname`` if the module is imported, else None."""
    obj = sys.modules.get(module_name) if isinstance(module_name, str) else None
    for part in qualname.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part, None)
    return obj


def _leave_for_host(error: BaseException) -> None:
    """An exception that leaves the VM for host code: without the VM's frames.

    Their locals refer back to the exception (the one being unwound, the one
    thrown in): a cycle that would keep it, and all it refers to, alive until
    the cycle collector runs, where natively it goes when its handler ends.
    """
    from statek_vm.vm.script_frames import clean_traceback

    error.__traceback__ = clean_traceback(error.__traceback__)


def reduce_function(func: VMFunction) -> Any:
    """A VM function as snapshots pickle it: by value.

    The object first, its state after: a recursive closure refers to the
    function itself, and pickle can only close that cycle once the function
    is memoized.
    """
    return (_new_function, (func._unit,), func.__getstate__())


def _new_function(unit: CodeUnit) -> VMFunction:
    func = object.__new__(VMFunction)
    object.__setattr__(func, "_unit", unit)
    return func


class _GeneratorBase:
    """State shared by generators, coroutines and async generators of the VM.

    The generator's frame is an ordinary VM frame.  When script code iterates
    a VM generator (``for``, ``yield from``, ``await``) the VM runs that frame
    inline on the same run, so a suspension inside the generator is
    resumable.  When host code drives it (``next(g)``, ``g.send(v)``, an
    event loop) each step is a nested run.
    """

    __slots__ = ("__weakref__", "_exc_state", "_finished", "_frame", "_name", "_qualname", "_running")

    def __init__(self, frame: Any) -> None:
        if type(frame) is not Frame:  # (a script holds this class as type(g): it makes nothing else)
            raise TypeError(f"cannot create '{type(self).__name__}' instances")
        self._frame = frame
        self._running = False
        self._finished = False
        self._exc_state: BaseException | None = None
        # Named after the function that made it, as it is named then.
        func = frame.func
        self._name = frame.unit.name if func is None else func._name
        self._qualname = frame.unit.qualname if func is None else func._qualname
        # Weak, as in CPython: a generator dropped while suspended must be
        # collected (and closed) at once, not when a cycle collection runs.
        frame.generator = weakref.ref(self)

    def _send(self, value: Any) -> Any:
        from statek_vm.vm.interpreter import current_interpreter

        try:
            return current_interpreter(self._frame.builtins).resume_generator_from_host(self, value, None)
        except BaseException as error:
            _leave_for_host(error)
            reached_host(error, self._frame.builtins, sys._getframe(1))
            raise

    def _throw(self, exc: BaseException) -> Any:
        from statek_vm.vm.interpreter import current_interpreter

        try:
            return current_interpreter(self._frame.builtins).resume_generator_from_host(self, None, exc)
        except BaseException as error:
            _leave_for_host(error)
            reached_host(error, self._frame.builtins, sys._getframe(1))
            raise

    def _close(self) -> Any:
        if self._finished:
            return None
        if self._frame.pc <= _first_resume(self._frame):
            # Never started: nothing to clean up.
            self._finished = True
            return None
        try:
            self._throw(GeneratorExit())
        except StopIteration as stop:
            # From CPython 3.13 close() returns what the generator returned.
            return stop.value if _CLOSE_RETURNS_VALUE else None
        except (GeneratorExit, StopAsyncIteration):
            return None
        raise RuntimeError(f"{self._kind} ignored GeneratorExit")

    _kind = "generator"

    def __reduce_ex__(self, protocol: Any) -> Any:
        # As natively, copy.copy(), copy.deepcopy() and pickle refuse a
        # generator.  Snapshots pickle it by its state, with their own
        # pickler (reduce_generator).
        raise TypeError(f"cannot pickle '{self._kind}' object")

    def __reduce__(self) -> Any:
        raise TypeError(f"cannot pickle '{self._kind}' object")

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"<{self._kind} object {self._qualname} at {id(self):#x}>"

    def __del__(self) -> None:
        # Like CPython, a generator dropped while suspended is closed, so its
        # ``finally`` clauses run.  Only while its job runs: a job that is
        # suspended (saved, to resume elsewhere) or finished runs none of its
        # code when it is dropped, even when the collector finds it during
        # another job's run (see ScriptBuiltins in statek_vm/job.py).  The
        # VM's own generators (map, zip...) are not closed: they have no
        # ``finally``, and natively dropping a map object runs nothing.
        if self._finished or self._running or not getattr(self._frame.builtins, "running", True):
            return
        if globals().get("_first_resume") is None:
            return  # the interpreter is exiting: this module's globals are gone
        if self._frame.unit.filename == RUNTIME_FILENAME:
            return
        not_started = self._frame.pc <= _first_resume(self._frame)
        if isinstance(self, VMAsyncGenerator) and not not_started and getattr(self, "_finalizer", None) is not None:
            from statek_vm.vm import script_asyncio

            script_asyncio.finalize(self)
            return
        if isinstance(self, VMCoroutine) and not_started:
            warnings.warn(f"coroutine '{self._qualname}' was never awaited", RuntimeWarning, stacklevel=1)
            return
        if not isinstance(self, VMGenerator) or not_started or _RUNS is None or not _RUNS.stack:
            return
        try:
            self._close()
        except BaseException as error:
            # A finally that waits cannot run here: the job fails, rather
            # than the finally being skipped silently.  Anything else is
            # raised on, and CPython reports it as it reports what a native
            # generator's finally raises when it is collected.
            if not closed_when_dropped(self, error):
                raise


# The interpreter's per-thread stack of active runs, and its
# current_interpreter (set by the interpreter module, which imports this one).
_RUNS: Any = None
_current_interpreter: Any = None


_GENERATOR_STATE = (
    "_frame",
    "_running",
    "_finished",
    "_exc_state",
    "_name",
    "_qualname",
    "_awaited",
    "_hooks_done",
    "_parked",
    "_finalizer",
)


def reduce_generator(gen: _GeneratorBase) -> Any:
    """A VM generator, coroutine or async generator as snapshots pickle it.

    Made from its class, its state after the object, because the
    generator's frame refers back to it.
    """
    state = {name: getattr(gen, name) for name in _GENERATOR_STATE if hasattr(gen, name)}
    return (_new_generator, (type(gen),), state)


def _new_generator(cls: type) -> Any:
    return object.__new__(cls)


def _first_resume(frame: Any) -> int:
    return frame.unit.first_resume  # type: ignore[no-any-return]


_NO_ARG: Any = type("_NoArg", (), {"__repr__": lambda self: "<no argument>"})()

# CPython 3.12 deprecates throw(type, value, traceback) (gh-96348).
_THREE_ARG_THROW_WARNS = sys.version_info >= (3, 12)
# CPython 3.13's generator.close() returns the generator's return value.
_CLOSE_RETURNS_VALUE = sys.version_info >= (3, 13)


def _arg_of_throw(typ: Any, val: Any, tb: Any) -> BaseException:
    """The exception that ``throw(typ[, val[, tb]])`` raises in the generator."""
    if val is not _NO_ARG or tb is not _NO_ARG:
        if _THREE_ARG_THROW_WARNS:
            warnings.warn(
                "the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead.",
                DeprecationWarning,
                stacklevel=3,
            )
        val = None if val is _NO_ARG else val
        tb = None if tb is _NO_ARG else tb
    else:
        val = tb = None
    if tb is not None and not isinstance(tb, types.TracebackType):
        raise TypeError("throw() third argument must be a traceback object")
    if isinstance(typ, BaseException):
        if val is not None:
            raise TypeError("instance exception may not have a separate value")
        exc = typ
    elif isinstance(typ, type) and issubclass(typ, BaseException):
        made: Any  # a class's __new__ may return anything
        if val is None:
            made = typ()
        elif isinstance(val, typ):
            made = val
        else:
            made = typ(*val) if isinstance(val, tuple) else typ(val)
        if isinstance(made, BaseException):
            exc = made
        else:
            # Natively the class is instantiated inside the generator, so
            # this error is raised there, at the yield.
            exc = TypeError(
                f"calling {typ!r} should have returned an instance of BaseException, not {type(made).__name__}"
            )
    else:
        raise TypeError(
            f"exceptions must be classes or instances deriving from BaseException, not {type(typ).__name__}"
        )
    if tb is not None:
        exc = exc.with_traceback(tb)
    return exc


class VMGenerator(_GeneratorBase):
    """A generator whose frame runs on the VM."""

    __slots__ = ()

    def __iter__(self) -> VMGenerator:
        return self

    def __next__(self) -> Any:
        return self._send(None)

    def send(self, value: Any) -> Any:
        return self._send(value)

    def throw(self, typ: Any, val: Any = _NO_ARG, tb: Any = _NO_ARG) -> Any:
        return self._throw(_arg_of_throw(typ, val, tb))

    def close(self) -> Any:
        return self._close()

    @property
    def gi_running(self) -> bool:
        return self._running

    @property
    def gi_code(self) -> types.CodeType:
        return self._frame.unit.code

    @property
    def gi_frame(self) -> Any:
        return None if self._finished else self._frame

    @property
    def gi_suspended(self) -> bool:
        return not self._running and not self._finished and self._frame.pc > _first_resume(self._frame)

    @property
    def gi_yieldfrom(self) -> Any:
        return _yieldfrom(self)


class VMCoroutine(_GeneratorBase):
    """A coroutine (``async def``) whose frame runs on the VM."""

    __slots__ = ("_awaited", "_parked")
    _kind = "coroutine"

    def __init__(self, frame: Any) -> None:
        super().__init__(frame)
        self._awaited = False
        # The innermost frame of a task's coroutine parked at a wait (vm/script_asyncio.py).
        self._parked: Any = None

    def __await__(self) -> CoroutineWrapper:
        return CoroutineWrapper(self)

    def send(self, value: Any) -> Any:
        return self._send(value)

    def throw(self, typ: Any, val: Any = _NO_ARG, tb: Any = _NO_ARG) -> Any:
        return self._throw(_arg_of_throw(typ, val, tb))

    def close(self) -> Any:
        return self._close()

    @property
    def cr_running(self) -> bool:
        return self._running

    @property
    def cr_code(self) -> types.CodeType:
        return self._frame.unit.code

    @property
    def cr_frame(self) -> Any:
        return None if self._finished else self._frame

    @property
    def cr_await(self) -> Any:
        return _yieldfrom(self)

    @property
    def cr_suspended(self) -> bool:
        return not self._running and not self._finished and self._frame.pc > _first_resume(self._frame)

    @property
    def cr_origin(self) -> None:
        return None


class CoroutineWrapper:
    """What ``VMCoroutine.__await__()`` returns: an iterator over the coroutine."""

    __slots__ = ("_coro",)

    def __repr__(self) -> str:
        return f"<coroutine_wrapper object at {id(self):#x}>"

    def __init__(self, coro: VMCoroutine) -> None:
        self._coro = coro

    def __iter__(self) -> CoroutineWrapper:
        return self

    def __next__(self) -> Any:
        return self._coro.send(None)

    def send(self, value: Any) -> Any:
        return self._coro.send(value)

    def throw(self, typ: Any, val: Any = _NO_ARG, tb: Any = _NO_ARG) -> Any:
        return self._coro.throw(typ, val, tb)

    def close(self) -> Any:
        return self._coro.close()

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("cannot pickle 'coroutine_wrapper' object")

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle 'coroutine_wrapper' object")


# Snapshots written before it had this name refer to it by the old one.
_CoroutineWrapper = CoroutineWrapper


class AsyncGenWrapped:
    """A value yielded by an async generator (``ASYNC_GEN_WRAP``), as opposed to
    a value its awaits yield to the event loop."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class VMAsyncGenerator(_GeneratorBase):
    """An async generator whose frame runs on the VM (driven from the host side)."""

    __slots__ = ("_finalizer", "_hooks_done")
    _kind = "async_generator"

    def __init__(self, frame: Any) -> None:
        super().__init__(frame)
        self._hooks_done = False
        # The script event loop that closes it if it is dropped unfinished (vm/script_asyncio.py).
        self._finalizer: Any = None

    def __aiter__(self) -> VMAsyncGenerator:
        return self

    def __anext__(self) -> _ASend:
        return _ASend(self, None, None)

    def asend(self, value: Any) -> _ASend:
        return _ASend(self, value, None)

    def athrow(self, typ: Any, val: Any = _NO_ARG, tb: Any = _NO_ARG) -> _ASend:
        return _ASend(self, None, _arg_of_throw(typ, val, tb))

    def aclose(self) -> _ASend:
        return _ASend(self, None, GeneratorExit(), closing=True)

    @property
    def ag_running(self) -> bool:
        return self._running

    @property
    def ag_code(self) -> types.CodeType:
        return self._frame.unit.code

    @property
    def ag_frame(self) -> Any:
        return None if self._finished else self._frame


class _ASend:
    """The awaitable returned by ``__anext__``/``asend``/``athrow``/``aclose``.

    Each ``send`` runs the async generator until it either yields a value to
    the consumer (an :class:`AsyncGenWrapped`: this awaitable finishes with
    ``StopIteration(value)``) or awaits something that yields to the event
    loop (that value is passed through).
    """

    # ``_driver``: the coroutine a task steps in its place (Interpreter.call), made when one first does.
    __slots__ = ("_closing", "_done", "_driver", "_exc", "_gen", "_started", "_value")

    def __init__(self, gen: VMAsyncGenerator, value: Any, exc: BaseException | None, closing: bool = False) -> None:
        self._gen = gen
        self._value = value
        self._exc = exc
        self._started = False
        self._closing = closing
        self._done = False
        self._driver: Any = None

    def __await__(self) -> _ASend:
        return self

    def __iter__(self) -> _ASend:
        return self

    def __next__(self) -> Any:
        return self.send(None)

    def send(self, value: Any) -> Any:
        if self._done:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        gen = self._gen
        if gen._finished:
            self._done = True
            if self._closing:
                raise StopIteration(None)
            raise StopAsyncIteration()
        exc = None
        if not self._started:
            self._started = True
            value, exc = self._value, self._exc
            if exc is not None and gen._frame.pc <= _first_resume(gen._frame):
                gen._finished = True
                self._done = True
                if self._closing:
                    raise StopIteration(None)
                raise exc
        return self._step(value, exc)

    def throw(self, typ: Any, val: Any = _NO_ARG, tb: Any = _NO_ARG) -> Any:
        if self._done:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        self._started = True
        return self._step(None, _arg_of_throw(typ, val, tb))

    def close(self) -> None:
        self._done = True

    def _step(self, value: Any, exc: BaseException | None) -> Any:
        from statek_vm.vm.interpreter import current_interpreter

        gen = self._gen
        try:
            result = current_interpreter(gen._frame.builtins).resume_generator_from_host(gen, value, exc)
        except NotResumableError as error:
            reached_host(error, gen._frame.builtins, sys._getframe(1))
            raise
        except StopIteration:
            self._done = True
            if self._closing:
                raise StopIteration(None) from None
            raise StopAsyncIteration() from None
        except GeneratorExit:
            self._done = True
            if self._closing:
                raise StopIteration(None) from None
            raise
        except StopAsyncIteration:
            self._done = True
            if self._closing:
                raise StopIteration(None) from None
            raise
        if isinstance(result, AsyncGenWrapped):
            self._done = True
            if self._closing:
                raise RuntimeError("async generator ignored GeneratorExit")
            raise StopIteration(result.value)
        return result


def _yieldfrom(gen: _GeneratorBase) -> Any:
    frame = gen._frame
    if gen._finished or gen._running or not frame.stack:
        return None
    ops = frame.unit.ops
    pc = frame.pc
    # Suspended at the YIELD_VALUE of a `yield from`/`await` loop: the
    # delegate is the SEND receiver, just below the yielded value.  RESUME's
    # low two bits say where it resumes (2, 3: after yield from, await);
    # CPython 3.13 uses the bit above them for the exception depth.
    if 0 < pc < len(ops) and ops[pc].name == "RESUME" and ops[pc].arg & 3 >= 2:
        return frame.stack[-1]
    return None


ASend = _ASend  # (the instruction handlers recognise it)
GENERATOR_TYPES = (VMGenerator, VMCoroutine, VMAsyncGenerator)


def _name_attribute(slot: str, what: str) -> property:
    def get(self: Any) -> str:
        return getattr(self, slot)  # type: ignore[no-any-return]

    def set_(self: Any, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be set to a string object")
        setattr(self, slot, value)

    def delete(self: Any) -> None:
        raise TypeError(f"{what} must be set to a string object")

    return property(get, set_, delete)


def _plain_attribute(slot: str) -> property:
    def get(self: Any) -> Any:
        return getattr(self, slot)

    def set_(self: Any, value: Any) -> None:
        setattr(self, slot, value)

    return property(get, set_)


def _install(cls: type, name: str, descriptor: Any) -> None:
    """Put ``descriptor`` in ``cls.__dict__`` under a name ``class`` statements reserve.

    ``__qualname__`` and ``__module__`` in a class body configure the class
    itself, so a per-instance ``__qualname__``, as functions and generators
    have, cannot be declared there.  The class dict is reached through the
    garbage collector and the type's attribute cache is invalidated.
    """
    import ctypes
    import gc

    (namespace,) = (r for r in gc.get_referents(cls.__dict__) if isinstance(r, dict))
    namespace[name] = descriptor
    ctypes.pythonapi.PyType_Modified(ctypes.py_object(cls))


_vm_class: type
# Their methods carry the native methods' docstrings (``help(g.send)``).
for _vm_class, _native_class in (
    (VMGenerator, types.GeneratorType),
    (VMCoroutine, types.CoroutineType),
    (VMAsyncGenerator, types.AsyncGeneratorType),
):
    for _method_name, _method in vars(_vm_class).items():
        _native_method = getattr(_native_class, _method_name, None)
        if callable(_method) and _native_method is not None:
            _method.__doc__ = _native_method.__doc__

# Script code sees these under their native names ("'generator' object is
# not reversible", ``type(f).__name__ == "function"``, ``type(g)`` shown as
# ``<class 'generator'>``).  Snapshots name them by number, not by module
# and name (see ``snapshot.pickling``).
VMFunction.__name__ = "function"
for _vm_class, _native_name in (
    (VMGenerator, "generator"),
    (VMCoroutine, "coroutine"),
    (VMAsyncGenerator, "async_generator"),
):
    _vm_class.__name__ = _vm_class.__qualname__ = _native_name
    _vm_class.__module__ = "builtins"


# ``obj.__class__`` reports the native type, so ``isinstance(f,
# types.FunctionType)``, ``inspect.isfunction``/``iscoroutinefunction``,
# ``asyncio.iscoroutine`` and ``g.__class__ is types.GeneratorType`` hold as
# they do natively; ``type(obj)`` is still the VM's class (pickling and the VM
# dispatch on it).
def _reports_class(native: type) -> property:
    def get(self: Any) -> type:
        return native

    return property(get)


for _vm_class, _native in (
    (VMFunction, types.FunctionType),
    (VMGenerator, types.GeneratorType),
    (VMCoroutine, types.CoroutineType),
    (VMAsyncGenerator, types.AsyncGeneratorType),
):
    _install(_vm_class, "__class__", _reports_class(_native))

for _cls in (VMFunction, _GeneratorBase):
    _install(_cls, "__name__", _name_attribute("_name", "__name__"))
    _install(_cls, "__qualname__", _name_attribute("_qualname", "__qualname__"))
_install(VMFunction, "__doc__", _plain_attribute("_doc"))
_install(VMFunction, "__module__", _plain_attribute("_module"))
_install(_FunctionType, "__module__", property(lambda cls: __name__))


_MAKE_CLASS = make_class.__code__
