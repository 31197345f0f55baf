"""The payload of a snapshot: a job's frames and namespace, pickled.

dill pickles what ``pickle`` cannot: script classes (by value), cells,
closures, code objects.  Some objects must *not* travel by value:

* **host bindings** — the objects the application passed in ``globals=``
  (tools, connections, temporal functions, deps).  They belong to the
  application; a snapshot stores their names and ``Job.loads`` takes them
  again from the application.  A missing one is an error naming it.
* **modules** — stored by name, imported again on load.
* **the script's builtins** — recreated for the loaded job (its
  ``__import__`` gives the loaded job's own module copies).
* **code units of the job's program** — stored as unit indexes; the program
  itself is stored once, in the envelope, and checked against its hash.
* **the VM's runtime** (statek_vm/vm/runtime.py) — its functions, helpers
  and ``MISSING`` by name, its globals and code units by reference: a runtime
  frame resumed from a snapshot runs in the live runtime, whose sentinel its
  ``is`` tests compare with.

A reference is a short tuple, ``(kind, name)``, resolved by the load in
progress: :class:`References` makes and resolves them for one job.

A job is snapshotted at every wait, so the common case is kept short: the
C pickler, kept from one dump to the next; the VM's frames as a tuple of
their fields; the awaited future made in one call from its fields; the VM's
own classes and functions as numbers rather than module and name (no import
on load).  ``benchmarks/latency.py --breakdown`` shows what each part costs.
"""

from __future__ import annotations

import contextvars
import copyreg
import importlib
import inspect
import io
import pickle
import socket
import threading
import types
from typing import Any

import dill  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError
from statek_vm.future import FutureResult, register_live
from statek_vm.module_state import is_job_copy, job_copy_function
from statek_vm.program.code_unit import CodeUnit
from statek_vm.program.program import Program
from statek_vm.snapshot import contexts
from statek_vm.snapshot.classes import (
    ALIASES,
    class_by_alias,
    make_class,
    new_instance,
    reduce_class,
    set_class_state,
    set_instance_state,
    travels_by_value,
)
from statek_vm.snapshot.iterators import REDUCERS as _ITERATOR_REDUCERS
from statek_vm.snapshot.reducers import REDUCERS as _VALUE_REDUCERS
from statek_vm.snapshot.reducers import (
    reduce_builtin_method,
    reduce_context_var,
    reducer_for,
    standard_stream,
    standard_stream_name,
)
from statek_vm.snapshot.tracebacks import make_traceback, new_exception, set_exception_state
from statek_vm.vm import library, runtime
from statek_vm.vm.frame import NULL, UNBOUND, Frame
from statek_vm.vm.objects import (
    CoroutineWrapper,
    VMAsyncGenerator,
    VMCoroutine,
    VMFunction,
    VMGenerator,
    reduce_function,
    reduce_generator,
)
from statek_vm.vm.replay import SNAPSHOTTING, STALE, rehash_stale

# The kinds of reference, first in a reference tuple: small numbers, because
# a snapshot spells out every reference it holds.
BUILTINS, BUILTIN, BINDING, MODULE, UNIT, PROGRAM, RUNTIME, INTERNAL = range(8)
# Not a reference: a future made from its fields (see _FastPickler.reducer_override).
FUTURE = 8
# The VM's version of a library function (statek_vm/vm/library.py), by its name.
LIBRARY = 9
# The runtime's globals; one of its code units, by its program's hash and its index.
RUNTIME_GLOBALS, RUNTIME_UNIT = 10, 11


class References:
    """Which objects of one job travel by name, and how they come back.

    One is made per job and kept by it: ``Job.loads`` makes it to load the
    payload, and the job's next ``dumps`` uses it again, so the bindings are
    looked through once per job rather than once per snapshot.
    """

    __slots__ = ("_by_id", "bindings", "builtins", "contexts", "job_context", "plain_container_bindings", "program")

    def __init__(self, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> None:
        self.program = program
        self.bindings = bindings
        self.builtins = builtins
        by_id = dict(_internal_ids)
        plain_containers = False
        for name, value in bindings.items():
            t = type(value)
            if value is None or t in _PLAIN_BINDINGS:
                continue
            by_id[id(value)] = (BINDING, name)
            if t in (list, dict, set):
                plain_containers = True
        by_id[id(builtins)] = (BUILTINS,)
        self._by_id = by_id
        # ``reducer_override`` never sees a plain list, dict or set: when a
        # binding is one, every object must go through ``persistent_id``.
        self.plain_container_bindings = plain_containers
        # The job's own contextvars.Context (set by the job), and what a load rebuilt of the contexts.
        self.job_context: contextvars.Context | None = None
        self.contexts = contexts.Loaded()

    def reference(self, obj: Any, t: type) -> tuple[Any, ...] | None:
        """``obj``'s reference if it travels by name, else ``None``."""
        ref = self._by_id.get(id(obj))
        if ref is not None:
            return ref
        if t is types.FunctionType:
            return self._function(obj)
        if t is types.ModuleType:
            # By name, but a job's own copy of a module (module_state.py), by value.
            return None if is_job_copy(obj) else (MODULE, obj.__name__)
        if t is CodeUnit:
            if obj.program is self.program:
                return (UNIT, obj.index) if obj.index < obj.program.compiled else None
            return (RUNTIME_UNIT, (obj.program.hash, obj.index)) if obj.filename == runtime.FILENAME else None
        if t is Program:
            return (PROGRAM,) if obj is self.program else None
        if t is runtime.Namespace:
            return (RUNTIME_GLOBALS,)
        if t is VMFunction or t is type or t is object:
            runtime_name = _runtime_names().get(id(obj))
            if runtime_name is None:
                library_name = library.name_of(obj)
                return None if library_name is None else (LIBRARY, library_name)
            return (RUNTIME, runtime_name)
        refused = _REFUSED.get(t)
        if refused is None:
            refused = issubclass(t, _REFUSED_BASES) and not issubclass(t, _IN_MEMORY)
            if not t.__flags__ & _HEAPTYPE:  # a class made at run time (the script's) is not kept alive here
                _REFUSED[t] = refused
        if refused and standard_stream_name(obj) is None:  # (a standard stream: see reducer_override)
            # dill would pickle an open file by its path and position, and
            # reopen it wherever the job resumes: refuse instead.
            raise pickle.PicklingError(f"cannot snapshot {t.__module__}.{t.__qualname__}: it is an open resource")
        return None

    def _function(self, function: types.FunctionType) -> tuple[Any, ...] | None:
        name = function.__name__
        if self.builtins.get(name) is function:
            # The job's own __import__ (its print, in older snapshots), on the
            # stack of a call that waits for an argument: rebuilt for the loaded job.
            return (BUILTIN, name)
        runtime_name = _runtime_names().get(id(function))
        return None if runtime_name is None else (RUNTIME, runtime_name)

    def persistent_id(self, obj: Any) -> Any:
        # Called for every object pickled: the common immutable values leave first.
        t = type(obj)
        if t in _BY_VALUE:
            return None
        return self.reference(obj, t)

    def resolve(self, kind: int, name: Any = None) -> Any:
        """The object a reference names, for the job being loaded."""
        if kind == BINDING:
            try:
                return self.bindings[name]
            except KeyError:
                raise SnapshotError(
                    f"the snapshot needs the host binding {name!r}, which was not passed to Job.loads(globals=...)"
                ) from None
        if kind == BUILTINS:
            return self.builtins
        if kind == BUILTIN:
            return self.builtins[name]
        if kind == UNIT:
            return self.program.units[name]
        if kind == MODULE:
            return importlib.import_module(name)
        if kind == PROGRAM:
            return self.program
        if kind == INTERNAL:
            return _INTERNALS[name]
        if kind == RUNTIME:
            return runtime.namespace()[name]
        if kind == RUNTIME_GLOBALS:
            return runtime.namespace()
        if kind == RUNTIME_UNIT:
            return _runtime_unit(*name)
        if kind == LIBRARY:
            func = library.function(name)
            if func is None:
                raise SnapshotError(f"the snapshot needs the library function {name}, whose source cannot be read here")
            return func
        raise SnapshotError(f"unknown reference {(kind, name)!r} in snapshot payload")

    def persistent_load(self, pid: Any) -> Any:
        return self.resolve(*pid)


# -- the C pickler's path -------------------------------------------------------------


class _FastPickler(pickle.Pickler):
    """The C pickler: most jobs need nothing more.

    References and the VM's own objects are handled in ``reducer_override``,
    which the C pickler does not call for ints, strings, tuples, lists and
    dicts: most of a job's objects never reach Python code.  The script's
    builtins dict is a dict subclass so that it does.  Only when a host
    binding is itself a plain list, dict or set (which ``reducer_override``
    never sees) is the slower ``persistent_id``, called for every object,
    used instead.

    One pickler per thread is kept and used again (see :func:`dump`):
    setting up a pickler costs about as much as pickling a small frame.
    """

    def __init__(self, file: io.BytesIO, refs: References | None) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.refs = refs
        # The futures this dump has made from their fields so far (by id).
        self.futures: set[int] = set()
        if refs is not None and refs.plain_container_bindings:
            self.persistent_id = refs.persistent_id  # type: ignore[method-assign]

    def reducer_override(self, obj: Any) -> Any:
        refs = self.refs
        assert refs is not None
        ref = refs._by_id.get(id(obj))
        if ref is not None:
            return (_resolve, ref)
        t = type(obj)
        if t in _BY_GLOBAL_NAME:
            if t is types.FunctionType:
                ref = refs._function(obj)
                if ref is not None:
                    return (_resolve, ref)
                copied = job_copy_function(obj)
                if copied is not None:  # logging.info of the job's logging
                    return copied
                name = library.ON_VM.get(obj) or library.LEAVES.get(obj)
                if name is not None:  # asyncio's Task.__wakeup, which pickle cannot find by its name
                    return (library.native_function, (name,))
                if _in_job_globals(obj, refs):
                    # (by value, code and all: dill's path; by name, pickle finds it in this process's modules only)
                    raise pickle.PicklingError(f"{obj.__qualname__} is host code the job made")
            elif t is types.BuiltinFunctionType and _bound_to_instance(obj):
                return reduce_builtin_method(obj)
            elif t is type:
                ref = refs.reference(obj, t)  # (a class of the runtime's)
                if ref is not None:
                    return (_resolve, ref)
                if obj in ALIASES:
                    return (class_by_alias, ALIASES[obj])
                if travels_by_value(obj):
                    return reduce_class(obj)
            return NotImplemented
        if t is FutureResult:
            return self._reduce_future(obj)
        if t is _ContextVar:
            return reduce_context_var(obj, refs.builtins)
        if t is _Context:
            return contexts.reduce_context(obj, refs.builtins, refs.job_context)
        if t is _Token:
            return contexts.reduce_token(obj, refs.builtins)
        if t is dict and library.is_own_globals(obj):
            # The globals of a library's VM versions (a generator's frame holds them).
            return (library.own_globals, (library.own_globals_name(obj),))
        if t is _CoroutineType:
            made = host_coroutine(obj, refs.builtins)
            if made is not None:
                return made
        by_state = _BY_STATE.get(t)
        if by_state is not None:
            return by_state(obj)
        ref = refs.reference(obj, t)
        if ref is not None:
            return (_resolve, ref)
        stream = standard_stream_name(obj)
        if stream is not None:
            # The process's stream, whatever its type (a test runner's
            # capture, a notebook's): a script's redirect_stderr keeps it to
            # put back.  The loading process's own.
            return (standard_stream, (stream,))
        reduce = reducer_for(t)
        return NotImplemented if reduce is None else reduce(obj)

    def _reduce_future(self, future: FutureResult) -> Any:
        # The awaited future is in every snapshot: it is made in one call
        # from its fields.  Pickle memoizes an object made that way only once
        # its fields are pickled, so a future met again while its fields are
        # (one that its own deps refer to) is pickled object first, fields
        # after; pickle then uses that object for the outer one too.
        fields = _future_fields(future)
        if id(future) in self.futures:
            return (_newobj, (FutureResult,), fields, None, None, _set_future_fields)
        self.futures.add(id(future))
        return (_resolve, (FUTURE, fields))


_CoroutineType = types.CoroutineType


def host_coroutine(coroutine: Any, builtins: Any) -> Any:
    """A host ``async def``'s coroutine the script made, not started or finished: made again by the same call.

    Calling an ``async def`` function runs none of its code, so the loaded
    job's coroutine is the one it had: not started, or closed (awaiting it
    again raises as natively).  None: not such a coroutine (one in flight is
    never in a snapshot: the job waits for its host work first).
    """
    made = getattr(builtins, "host_coroutines", None)
    call = made.get(coroutine) if made is not None else None
    if call is None:
        return None
    state = inspect.getcoroutinestate(coroutine)
    if state == inspect.CORO_CREATED:
        return (host_coroutine_again, (builtins, *call))
    if state == inspect.CORO_CLOSED:
        return (host_coroutine_again, (builtins, *call, True))
    return None


def host_coroutine_again(
    builtins: Any, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any], closed: bool = False
) -> Any:
    """A host coroutine made again on load (its function called: none of its code runs), closed if it was."""
    coroutine = func(*args, **kwargs)
    if closed:
        coroutine.close()
    if hasattr(builtins, "made_host_coroutine"):
        builtins.made_host_coroutine(coroutine, (func, args, kwargs))
    return coroutine


def _bound_to_instance(method: Any) -> bool:
    """Whether a built-in function is a method bound to an object (not a module's function, nor a class's)."""
    bound = method.__self__
    return bound is not None and not isinstance(bound, (types.ModuleType, type))


# Functions and classes that are not bindings (nor the job's __import__): pickle
# stores them by module and name, as it does by default.
_BY_GLOBAL_NAME = frozenset({types.FunctionType, type, types.BuiltinFunctionType})


# Frames and cells are pickled as their class and their fields, object
# first, fields after, so that cycles through them close (a generator's
# frame refers to the generator, a closure's cell to the function).
_newobj = copyreg.__newobj__  # type: ignore[attr-defined]


def _reduce_frame(frame: Frame) -> Any:
    return (_newobj, (Frame,), frame.__getstate__())


def _future_fields(future: FutureResult) -> tuple[Any, ...]:
    # A resolved future carries its value: the script must see the value it
    # fetched, and a resumed job must not fetch it again.
    fields: tuple[Any, ...] = (future._deps, future._state_num, future._complement, future._condition)
    if future._resolved:
        fields += (future._value,)
    return fields


def _new_future(fields: tuple[Any, ...]) -> FutureResult:
    future = object.__new__(FutureResult)
    _set_future_fields(future, fields)
    return future


def _set_future_fields(future: FutureResult, fields: tuple[Any, ...]) -> None:
    setattr_ = object.__setattr__
    setattr_(future, "_deps", fields[0])
    setattr_(future, "_state_num", fields[1])
    setattr_(future, "_complement", fields[2])
    setattr_(future, "_condition", fields[3])
    setattr_(future, "_resolved", len(fields) == 5)
    setattr_(future, "_value", fields[4] if len(fields) == 5 else None)
    setattr_(future, "_attribute_error", None)
    register_live(future)


def _reduce_cell(cell: Any) -> Any:
    try:
        contents = cell.cell_contents
    except ValueError:
        return (types.CellType, ())
    # Contents set after the cell is made (a closure's cell may hold the
    # function itself); in the state, as the C pickler takes a state setter.
    return (types.CellType, (), (contents,), None, None, _set_cell_contents)


def _set_cell_contents(cell: Any, state: tuple[Any]) -> None:
    cell.cell_contents = state[0]


def _reduce_coroutine_wrapper(wrapper: CoroutineWrapper) -> Any:
    return (_newobj, (CoroutineWrapper,), (None, {"_coro": wrapper._coro}))


def _reduce_vm_function(func: VMFunction) -> Any:
    runtime_name = _runtime_names().get(id(func))
    if runtime_name is not None:
        return (_resolve, (RUNTIME, runtime_name))
    library_name = library.name_of(func)
    if library_name is not None:
        return (_resolve, (LIBRARY, library_name))
    maker = library.closure_maker(func)
    if maker is not None:
        return (library.remake_closure, (maker, func.__closure__, func.__defaults__, func.__kwdefaults__))
    return reduce_function(func)


# What pickles natively as the VM's objects do not: script functions (by
# name, natively), generators and what a coroutine's __await__ returns (not
# at all, natively).  Snapshots take them by value.
_BY_VALUE_HERE: dict[type, Any] = {
    VMFunction: _reduce_vm_function,
    VMGenerator: reduce_generator,
    VMCoroutine: reduce_generator,
    VMAsyncGenerator: reduce_generator,
    CoroutineWrapper: _reduce_coroutine_wrapper,
}
_ContextVar = contextvars.ContextVar
_Context = contextvars.Context
_Token = contextvars.Token
_BY_STATE: dict[type, Any] = {
    Frame: _reduce_frame,
    types.CellType: _reduce_cell,
    **_BY_VALUE_HERE,
    **_VALUE_REDUCERS,
    **_ITERATOR_REDUCERS,
}

# The classes and functions those reductions name travel as numbers too: a
# few bytes instead of a module and a name, and no import on load.
# The VM's generator classes are among them because script code sees them
# under their native names (``builtins.generator``), which name no class pickle
# could find; and the frame's markers, which are plain objects.  Only ever
# appended to: snapshots refer to these by position.
_INTERNALS: tuple[Any, ...] = (
    Frame,
    FutureResult,
    _set_future_fields,
    types.CellType,
    _set_cell_contents,
    VMGenerator,
    VMCoroutine,
    VMAsyncGenerator,
    UNBOUND,
    NULL,
    make_class,
    set_class_state,
    new_instance,
    set_instance_state,
    new_exception,
    set_exception_state,
    make_traceback,
)
# dill takes frames and cells its own way; the rest as the C pickler does.
_BY_DILL: dict[type, Any] = {**_BY_VALUE_HERE, **_VALUE_REDUCERS, **_ITERATOR_REDUCERS}
_internal_ids: dict[int, tuple[Any, ...]] = {id(obj): (INTERNAL, i) for i, obj in enumerate(_INTERNALS)}


class _Loading(threading.local):
    refs: References | None = None


_loading = _Loading()


def loading_refs() -> References:
    """The references of the load in progress."""
    refs = _loading.refs
    if refs is None:
        raise SnapshotError("a statek_vm snapshot reference can only be loaded by Job.loads")
    return refs


def _resolve(kind: int, name: Any = None) -> Any:
    """A reference made by ``reducer_override``, resolved by the load in progress.

    Or a future made from its fields: the one function a payload names, so
    that it names it once.
    """
    if kind == FUTURE:
        return _new_future(name)
    refs = _loading.refs
    if refs is None:
        raise SnapshotError("a statek_vm snapshot reference can only be loaded by Job.loads")
    return refs.resolve(kind, name)


# -- dill's path ----------------------------------------------------------------------


class _DillPickler(dill.Pickler):  # type: ignore[misc]
    """dill, for what the C pickler cannot do: script classes by value, lambdas, code."""

    def __init__(self, file: io.BytesIO, refs: References) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL, recurse=False, byref=False)
        self._refs = refs

    def persistent_id(self, obj: Any) -> Any:
        return self._refs.persistent_id(obj)

    def reducer_override(self, obj: Any) -> Any:
        t = type(obj)
        if t is dict and library.is_own_globals(obj):
            return (library.own_globals, (library.own_globals_name(obj),))
        if t in _PLAIN_BY_DILL:
            return NotImplemented
        if t is types.FunctionType and (obj in library.ON_VM or obj in library.LEAVES):
            return (library.native_function, (library.ON_VM.get(obj) or library.LEAVES[obj],))
        if t is types.FunctionType:
            copied = job_copy_function(obj)
            if copied is not None:
                return copied
            if _in_job_globals(obj, self._refs):
                return _reduce_function_in_job_globals(obj)
        if t is types.BuiltinFunctionType and _bound_to_instance(obj):
            return reduce_builtin_method(obj)
        if t is _ContextVar:
            return reduce_context_var(obj, self._refs.builtins)
        if t is _Context:
            return contexts.reduce_context(obj, self._refs.builtins, self._refs.job_context)
        if t is _Token:
            return contexts.reduce_token(obj, self._refs.builtins)
        if t is _CoroutineType:
            made = host_coroutine(obj, self._refs.builtins)
            if made is not None:
                return made
        if t is type:
            if obj in ALIASES:
                return (class_by_alias, ALIASES[obj])
            return reduce_class(obj) if travels_by_value(obj) else NotImplemented
        reduce = _BY_DILL.get(t) or reducer_for(t)
        return NotImplemented if reduce is None else reduce(obj)


def _in_job_globals(function: types.FunctionType, refs: References) -> bool:
    """Whether ``function`` is host code whose globals are the job's namespace (or another dict of the job's).

    Host code compiles such functions for the script: ``dataclasses`` its
    generated ``__init__``, ``__eq__`` and ``__hash__`` in the globals of
    ``sys.modules[cls.__module__]``, which is the script while its job runs
    (``module_state.ScriptModule``).  The job has their globals by identity.
    """
    return function.__globals__.get("__builtins__") is refs.builtins


def _reduce_function_in_job_globals(function: types.FunctionType) -> Any:
    """``function`` by value, its globals the job's own dict (by identity), not the copy dill would make.

    dill pickles a function whose globals are no module's with a new dict
    holding their items: what it found there on load would be the objects
    as they were when it was met, and its globals no longer the script's.
    Met while one of those objects is half made (a frozen dataclass's class,
    met through an instance of it being pickled), that copy holds the
    instance in a set or as a dict key before it has its fields, whose hash
    is then wrong in the loaded job.
    """
    state = {
        "__qualname__": function.__qualname__,
        "__module__": function.__module__,
        "__doc__": function.__doc__,
        "__kwdefaults__": function.__kwdefaults__,
        "__annotations__": function.__annotations__,
        "__dict__": function.__dict__,
    }
    args = (function.__code__, function.__globals__, function.__name__, function.__defaults__, function.__closure__)
    return (types.FunctionType, args, state, None, None, _set_function_state)


def _set_function_state(function: types.FunctionType, state: dict[str, Any]) -> None:
    for name, value in state.items():
        if name == "__dict__":
            function.__dict__.update(value)
        else:
            setattr(function, name, value)


# What dill's pickler passes on at once: the common containers and values.
_PLAIN_BY_DILL = frozenset({dict, list, tuple, set, frozenset, int, float, str, bytes, bool, type(None)})


class _DillUnpickler(dill.Unpickler):  # type: ignore[misc]
    def __init__(self, file: io.BytesIO, refs: References) -> None:
        super().__init__(file)
        self._refs = refs

    def persistent_load(self, pid: Any) -> Any:
        return self._refs.persistent_load(pid)


# Values pickled by value whatever they are bound to.
_BY_VALUE: frozenset[type] = frozenset({int, float, str, bytes, bool, type(None), complex})
# Small immutable values are stored by value even when they came in as
# bindings: their identity is not meaningful (ints and strings are shared).
_PLAIN_BINDINGS: frozenset[type] = frozenset({bool, int, float, str, bytes, complex, tuple, frozenset})

_runtime_ids: dict[int, str] = {}


def _runtime_names() -> dict[int, str]:
    if not _runtime_ids:
        _runtime_ids.update(
            {
                id(value): name
                for name, value in runtime.namespace().items()
                # Its functions, its classes (cmp_to_key's KeyWrapper), the host
                # functions it calls (some made at run time, which pickle could
                # not find by name) and MISSING.
                if (t := type(value)) is VMFunction
                or t is types.FunctionType
                or t is object
                or (t is type and value.__module__ == runtime.NAMESPACE_NAME)
            }
        )
    return _runtime_ids


def _runtime_unit(program_hash: str, index: int) -> CodeUnit:
    program = runtime.program()
    if program.hash != program_hash:
        raise SnapshotError(
            "the snapshot was taken while the VM's runtime of another statek_vm version ran: "
            "resume it with the statek_vm version that took it"
        )
    return program.units[index]


# Open files and sockets are state outside the process: never pickled.
_REFUSED_BASES: tuple[type, ...] = (io.IOBase, socket.socket)
_REFUSED: dict[type, bool] = {}  # built-in types only
_HEAPTYPE = 1 << 9
# Files in memory only: their contents and position are their whole state.
_IN_MEMORY: tuple[type, ...] = (io.StringIO, io.BytesIO)


# The first byte of a payload says which unpickler reads it.
_FAST, _DILL = b"P", b"D"


def dump(state: Any, refs: References) -> bytes:
    """``state`` pickled: by the C pickler when it can, else by dill.

    Measured on a small frame (``benchmarks/latency.py``), the C pickler is
    several times faster; dill is needed only for script classes (stored by
    value), lambdas of host code and other objects pickle stores by reference.
    """
    with SNAPSHOTTING:
        try:
            return _dump_fast(state, refs)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            if "open resource" in str(error):
                raise
        buffer = io.BytesIO()
        buffer.write(_DILL)
        _DillPickler(buffer, refs).dump(state)
        return buffer.getvalue()


class _Reused(threading.local):
    """This thread's pickler and its buffer, while no dump is using them."""

    kept: tuple[_FastPickler, io.BytesIO] | None = None


_reused = _Reused()


def _dump_fast(state: Any, refs: References) -> bytes:
    if refs.plain_container_bindings:
        buffer = io.BytesIO()
        buffer.write(_FAST)
        _FastPickler(buffer, refs).dump(state)
        return buffer.getvalue()
    kept = _reused.kept
    if kept is None:  # first use on this thread, or a dump within a dump
        buffer = io.BytesIO()
        kept = (_FastPickler(buffer, None), buffer)
    else:
        _reused.kept = None  # taken
    pickler, buffer = kept
    try:
        pickler.refs = refs
        buffer.write(_FAST)
        pickler.dump(state)
        return buffer.getvalue()
    finally:
        # Nothing of this job stays reachable from the thread's pickler.
        pickler.clear_memo()
        pickler.futures.clear()
        pickler.refs = None
        buffer.seek(0)
        buffer.truncate()
        _reused.kept = kept


def load(data: bytes, refs: References) -> Any:
    """What :func:`dump` pickled, with its references resolved by ``refs``.

    Script ``__hash__`` and ``__eq__`` that rebuilding a dict or set calls
    meanwhile are answered without running (``statek_vm/vm/replay.py``).
    """
    outer = STALE.objects
    stale: list[Any] = []
    STALE.objects = stale
    try:
        with SNAPSHOTTING:
            loaded = _load(data, refs)
    finally:
        STALE.objects = outer
    if stale:
        # Taken where str hashes differ (another PYTHONHASHSEED): the dicts
        # and sets keyed by script objects are hashed again, by their __hash__.
        rehash_stale(stale)
    return loaded


def _load(data: bytes, refs: References) -> Any:
    kind, body = data[:1], memoryview(data)[1:]
    if kind == _FAST:
        outer = _loading.refs  # a load within a load (a host object's __setstate__ loading a job)
        _loading.refs = refs
        try:
            return pickle.loads(body)
        finally:
            _loading.refs = outer
    if kind == _DILL:
        outer = _loading.refs
        _loading.refs = refs
        try:
            return _DillUnpickler(io.BytesIO(body), refs).load()
        finally:
            _loading.refs = outer
    raise SnapshotError(f"unknown payload kind {kind!r}")


def dump_payload(state: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> bytes:
    """``state`` pickled, with ``bindings``, ``builtins``, modules and ``program``'s units by name."""
    return dump(state, References(program=program, bindings=bindings, builtins=builtins))


def load_payload(data: bytes, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> Any:
    """What :func:`dump_payload` pickled, its references taken from the arguments."""
    return load(data, References(program=program, bindings=bindings, builtins=builtins))


def check_picklable(value: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> None:
    """Raise the pickling error of ``value`` alone, if any."""
    dump_payload(value, program=program, bindings=bindings, builtins=builtins)
