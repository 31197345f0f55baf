"""How a snapshot takes the objects that pickle alone would take wrongly.

``reducer_for(type)`` picks, once per type, the reduction of an object that
no reference and no VM reduction claimed: script classes and their instances
by value (:mod:`.classes`), exceptions with their chains and tracebacks
(:mod:`.tracebacks`), the host's module-level constants by name.  ``None``
leaves the object to pickle's own way (``__reduce_ex__``), right for host
objects.

``REDUCERS`` holds the descriptors and method objects a script class's dict
is made of, which pickle cannot take (``property``) or would take wrongly
(a ``classmethod`` made empty, a bound method looked up again with
``getattr`` at load, running a script ``__getattribute__``).
"""

from __future__ import annotations

import contextvars
import copyreg
import datetime
import functools
import io
import itertools
import logging
import marshal
import pickle
import re
import sys
import threading
import types
import typing
import warnings
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from statek_vm.module_state import reduce_job_logger, reduce_job_manager, reduce_module
from statek_vm.output import RoutedStdout, routed_stdout
from statek_vm.snapshot.classes import reduce_class, reduce_instance, travels_by_value
from statek_vm.snapshot.tracebacks import reduce_exception, reduce_traceback


def _reduce_property(prop: property) -> Any:
    return (property, (prop.fget, prop.fset, prop.fdel, prop.__doc__))


def _reduce_wrapper(method: Any) -> Any:
    # classmethod and staticmethod keep what functools.wraps copied in their __dict__.
    return (type(method), (method.__func__,), method.__dict__ or None)


def _reduce_method(method: types.MethodType) -> Any:
    # By a function of ours: the C pickler cannot find the class ``method``
    # by its name (older snapshots, pickled by dill, name it dill's way).
    return (bound_method, (method.__func__, method.__self__))


def bound_method(func: Any, obj: Any) -> types.MethodType:
    """``func`` bound to ``obj`` (a bound method, on load)."""
    return types.MethodType(func, obj)


def reduce_context_var(var: contextvars.ContextVar[Any], builtins: Any) -> Any:
    """A ``ContextVar`` the job's script made (its value travels with the job's context), else pickle's own error."""
    if not any(made is var for made in getattr(builtins, "context_vars", ())):
        return NotImplemented  # (a host library's variable: it cannot be made again by name)
    default: tuple[Any, ...]
    try:
        default = (contextvars.Context().run(var.get),)
    except LookupError:
        default = ()
    return (context_var, (var.name, *default))


def context_var(name: str, *default: Any) -> contextvars.ContextVar[Any]:
    """A script's ``ContextVar``, made again on load."""
    return contextvars.ContextVar(name, default=default[0]) if default else contextvars.ContextVar(name)


def _reduce_text_stream(stream: io.TextIOWrapper) -> Any:
    # The process's standard streams (``sys.stderr.write`` on the stack while
    # its argument waits): the loading process's own.  Any other file is an
    # open resource, refused.
    name = standard_stream_name(stream)
    return NotImplemented if name is None else (standard_stream, (name,))


def standard_stream_name(obj: Any) -> str | None:
    """The name in ``sys`` of the process's standard stream ``obj`` is (``"stderr"``...), if it is one."""
    for name in _STANDARD_STREAMS:
        if getattr(sys, name, None) is obj:
            return name
    return None


_STANDARD_STREAMS = ("stdout", "stderr", "__stdout__", "__stderr__")


def standard_stream(name: str) -> Any:
    """``sys.stdout``, ``sys.stderr``... of the loading process."""
    return getattr(sys, name)


def _reduce_routed_stdout(stream: RoutedStdout) -> Any:
    # The job's sys.stdout (``out = sys.stdout``): it writes to the job's
    # output wherever the job runs.
    return (routed_stdout, ())


def _reduce_type_parameter(obj: Any) -> Any:
    # A TypeVar, ParamSpec, TypeVarTuple or NewType the script made: pickle
    # would look it up by name in its module, and the script's namespace is
    # no module of the process.  Made again from its fields (one object per
    # snapshot, as pickle keeps it).  A host module's own goes by name.
    module, name = obj.__module__, obj.__name__
    if getattr(sys.modules.get(module), name, None) is obj:
        return NotImplemented
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = {}
    if isinstance(obj, typing.NewType):
        args = (obj.__supertype__,)
    else:
        if isinstance(obj, typing.TypeVar):
            args = obj.__constraints__
        if not isinstance(obj, _TypeVarTuple):
            kwargs = {"bound": obj.__bound__, "covariant": obj.__covariant__, "contravariant": obj.__contravariant__}
            if hasattr(obj, "__infer_variance__"):
                kwargs["infer_variance"] = obj.__infer_variance__
        if getattr(obj, "has_default", lambda: False)():
            kwargs["default"] = obj.__default__
    return (type_parameter_again, (type(obj), name, args, kwargs, module))


_TypeVarTuple: Any = getattr(typing, "TypeVarTuple", ())


def type_parameter_again(cls: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], module: str) -> Any:
    """A script's TypeVar (ParamSpec, TypeVarTuple, NewType), made again on load."""
    made = cls(name, *args, **kwargs)
    made.__module__ = module
    return made


def _reduce_method_wrapper(method: Any) -> Any:
    # A slot bound to an object (``super().__init__`` of an exception class):
    # pickle would look the name up on the object again, and find the
    # script's override instead of the slot.
    return (bound_slot, (method.__objclass__, method.__name__, method.__self__))


def bound_slot(owner: type, name: str, obj: Any) -> Any:
    return owner.__dict__[name].__get__(obj, type(obj))


def reduce_builtin_method(method: Any) -> Any:
    """A built-in method bound to an object, as the C class it comes from binds it (not the object's override)."""
    obj, name = method.__self__, method.__name__
    for klass in type(obj).__mro__:
        found = klass.__dict__.get(name)
        if type(found) in (types.MethodDescriptorType, types.ClassMethodDescriptorType):
            return (bound_slot, (klass, name, obj))
    return NotImplemented


def _reduce_super(proxy: Any) -> Any:
    # ``super()`` answers pickle's questions for the object it is bound to:
    # left alone, it would be pickled as that object.
    bound = proxy.__self__
    return (super, (proxy.__thisclass__,) if bound is None else (proxy.__thisclass__, bound))


def _reduce_cached_property(prop: functools.cached_property[Any]) -> Any:
    # On CPython 3.11 a cached_property holds a lock, which cannot be pickled.
    return (new_cached_property, (prop.func, prop.attrname, prop.__doc__, prop.__module__))


def new_cached_property(func: Any, attrname: str | None, doc: Any, module: Any) -> functools.cached_property[Any]:
    prop = functools.cached_property(func)
    prop.attrname = attrname
    prop.__doc__ = doc
    prop.__module__ = module
    return prop


def _reduce_mappingproxy(proxy: types.MappingProxyType[Any, Any]) -> Any:
    return (types.MappingProxyType, (dict(proxy),))


def _reduce_match(match: re.Match[Any]) -> Any:
    # A match cannot be made but by matching: it travels as the search that
    # finds it again, found now (matching is pure and deterministic).
    pattern, string, pos, endpos = match.re, match.string, match.pos, match.endpos
    for method in _MATCHERS:
        again = getattr(pattern, method)(string, pos, endpos)
        if again is not None and again.regs == match.regs:
            return (match_again, (pattern, method, string, pos, endpos))
    # One that finditer() or a scanner found after others: the how-many-th.
    for index, again in enumerate(pattern.finditer(string, pos, endpos)):
        if again.regs == match.regs:
            return (match_again_in_order, (pattern, string, pos, endpos, index))
        if again.start() > match.start():
            break
    raise pickle.PicklingError(
        f"cannot snapshot the re.Match {match!r}: no search finds it again; keep its group() or span() instead"
    )


_MATCHERS = ("search", "match", "fullmatch")


def match_again(pattern: re.Pattern[Any], method: str, string: Any, pos: int, endpos: int) -> re.Match[Any]:
    found: re.Match[Any] = getattr(pattern, method)(string, pos, endpos)
    return found


def match_again_in_order(pattern: re.Pattern[Any], string: Any, pos: int, endpos: int, index: int) -> re.Match[Any]:
    return next(itertools.islice(pattern.finditer(string, pos, endpos), index, None))


def _reduce_code(code: types.CodeType) -> Any:
    # A code object the script holds (compile() made it; exec() and eval() run
    # it on the VM, statek_vm/program/program.py): as marshal writes it, which
    # only this CPython minor version reads, as it alone reads the snapshot.
    return (marshal.loads, (marshal.dumps(code),))


_Lock = type(threading.Lock())
_RLock = type(threading.RLock())


def _reduce_lock(lock: Any) -> Any:
    # A threading.Lock (a record's guard): a new one, held if this one is
    # (``with lock:`` around a wait; any thread may release it).
    return (lock_again, (lock.locked(),))


def lock_again(held: bool) -> Any:
    """A ``threading.Lock``, acquired if it was."""
    lock = threading.Lock()
    if held:
        lock.acquire()
    return lock


def _reduce_thread_pool(executor: ThreadPoolExecutor) -> Any:
    # A concurrent.futures.ThreadPoolExecutor with no work in it (its work
    # done, its threads idle or ended): a new one, shut down if it was.  Its
    # threads are made as work is submitted; which of them ran what is not
    # its state.  One with work queued or running cannot be carried.
    e: Any = executor
    alive = sum(t.is_alive() for t in e._threads)
    if e._shutdown:
        # (its shutdown leaves one None in the queue, the threads' signal to end)
        idle = not alive and e._work_queue.qsize() <= 1
    else:
        idle = e._work_queue.qsize() == 0 and e._idle_semaphore._value >= alive
    if not idle or e._broken:
        raise pickle.PicklingError("a ThreadPoolExecutor with work queued or running cannot be carried across a wait")
    made = (e._max_workers, e._thread_name_prefix, e._initializer, e._initargs)
    return (thread_pool_again, (*made, bool(e._shutdown)))


def thread_pool_again(
    max_workers: int, prefix: str, initializer: Any, initargs: tuple[Any, ...], shut_down: bool
) -> ThreadPoolExecutor:
    """A ``ThreadPoolExecutor`` with no work in it, shut down if it was."""
    executor = ThreadPoolExecutor(max_workers, prefix, initializer, initargs)
    if shut_down:
        executor.shutdown()
    return executor


def _reduce_rlock(lock: Any) -> Any:
    # A threading.RLock: a new one, held as many times as this one is by the
    # thread taking the snapshot (the job's), on load by the thread that loads it.
    if lock._is_owned():
        return (rlock_again, (_rlock_count(lock),))
    if _rlock_count(lock):
        raise pickle.PicklingError("a threading.RLock held by another thread than the job's cannot be carried")
    return (rlock_again, (0,))


def _rlock_count(lock: Any) -> int:
    # (no other public view of it: its repr shows "count=N")
    found = re.search(r"count=(\d+)", repr(lock))
    return int(found.group(1)) if found else 0


def rlock_again(count: int) -> Any:
    """A ``threading.RLock``, held ``count`` times by the thread that loads it."""
    lock = threading.RLock()
    for _ in range(count):
        lock.acquire()
    return lock


def _reduce_catch_warnings(guard: warnings.catch_warnings) -> Any:
    # ``with warnings.catch_warnings(record=True) as got:`` around a wait: the
    # block's filters and its recording are the process's state while it
    # runs, which a snapshot loaded elsewhere must set again.  Every guard of
    # the job that is inside its block carries the same state (the innermost
    # block's), so nested ones load in any order.
    state = dict(guard.__dict__)
    module = state.get("_module")
    inside = state.get("_entered") and module is warnings and warnings.filters is not state.get("_filters")
    if not inside:
        return (_newobj, (type(guard),), state)
    current = (warnings.filters, warnings.showwarning, warnings._showwarnmsg_impl)  # type: ignore[attr-defined]
    return (catch_warnings_again, (type(guard), state, current))


def catch_warnings_again(cls: type, state: dict[str, Any], current: tuple[Any, Any, Any]) -> Any:
    """A ``warnings.catch_warnings`` inside its block, its block's filters and recording set again."""
    guard = _newobj(cls)
    guard.__dict__.update(state)
    warnings.filters, warnings.showwarning, warnings._showwarnmsg_impl = current  # type: ignore[attr-defined]
    warnings._filters_mutated()  # type: ignore[attr-defined]
    return guard


def _newobj(cls: type) -> Any:
    return cls.__new__(cls)  # type: ignore[call-overload]


def _reduce_weak_mapping(mapping: Any) -> Any:
    # A WeakValueDictionary or WeakKeyDictionary (a cache of records): its
    # live items, set one by one once it is made (so an item that refers to
    # the mapping loads); pickle cannot take its weak references.  An item
    # held only by the mapping is gone when the snapshot has loaded, as it
    # would have been natively.
    return (type(mapping), (), None, None, iter(list(mapping.items())))


def _reduce_weak_set(items: weakref.WeakSet[Any]) -> Any:
    return (type(items), (), list(items), None, None, weak_set_again)


def weak_set_again(made: weakref.WeakSet[Any], items: list[Any]) -> None:
    """A WeakSet's live members, added once it is made."""
    made.update(items)


def _reduce_iso_calendar_date(value: Any) -> Any:
    # (its own reduction makes a plain tuple, for pickles that older
    # CPythons read: a script reads .year/.week/.weekday after a wait)
    return (iso_calendar_date, tuple(value))


def iso_calendar_date(year: int, week: int, weekday: int) -> Any:
    """``date.isocalendar()``'s named result, made again on load."""
    return datetime.date.fromisocalendar(year, week, weekday).isocalendar()


REDUCERS: dict[type, Any] = {
    type(datetime.date(2000, 1, 1).isocalendar()): _reduce_iso_calendar_date,
    types.CodeType: _reduce_code,
    warnings.catch_warnings: _reduce_catch_warnings,
    logging.Logger: reduce_job_logger,
    logging.RootLogger: reduce_job_logger,
    logging.Manager: reduce_job_manager,
    _Lock: _reduce_lock,
    _RLock: _reduce_rlock,
    ThreadPoolExecutor: _reduce_thread_pool,
    weakref.WeakValueDictionary: _reduce_weak_mapping,
    weakref.WeakKeyDictionary: _reduce_weak_mapping,
    weakref.WeakSet: _reduce_weak_set,
    re.Match: _reduce_match,
    property: _reduce_property,
    classmethod: _reduce_wrapper,
    staticmethod: _reduce_wrapper,
    types.MethodType: _reduce_method,
    io.TextIOWrapper: _reduce_text_stream,
    **{cls: _reduce_type_parameter for cls in (typing.TypeVar, typing.ParamSpec, typing.NewType, _TypeVarTuple) if cls},
    RoutedStdout: _reduce_routed_stdout,
    types.MethodWrapperType: _reduce_method_wrapper,
    super: _reduce_super,
    functools.cached_property: _reduce_cached_property,
}


_chosen: weakref.WeakKeyDictionary[type, Any] = weakref.WeakKeyDictionary()


def reducer_for(t: type) -> Any:
    """The reduction of an object of type ``t`` that nothing else claimed, or ``None`` for pickle's own."""
    try:
        return _chosen[t]
    except KeyError:
        pass
    reduce: Any
    if issubclass(t, type):
        reduce = _reduce_class_by_value
    elif t is types.TracebackType:
        reduce = reduce_traceback
    elif travels_by_value(t):
        reduce = reduce_instance
    elif issubclass(t, BaseException):
        reduce = reduce_exception
    elif t is types.ModuleType:
        reduce = reduce_module
    elif t is types.MappingProxyType:
        reduce = _reduce_proxy_or_constant
    elif (
        issubclass(t, dict)
        and type(t.__setitem__) is types.FunctionType
        and t.__reduce__ is dict.__reduce__
        and t.__reduce_ex__ is dict.__reduce_ex__
    ):
        reduce = _reduce_dict_with_setitem
    elif t.__module__ not in _NO_CONSTANTS:
        reduce = _reduce_constant
    else:
        reduce = None
    _chosen[t] = reduce
    return reduce


def _reduce_dict_with_setitem(obj: dict[Any, Any]) -> Any:
    """A dict subclass whose ``__setitem__`` reads its attributes (enum's class namespace, ``_EnumDict``).

    Pickle would put the items back before the attributes, through that
    ``__setitem__``; these come back attributes first, items as a dict's.
    """
    attributes = getattr(obj, "__dict__", None)
    return (copyreg.__newobj__, (type(obj),), (attributes, dict(obj)), None, None, _set_dict_state)  # type: ignore[attr-defined]


def _set_dict_state(obj: dict[Any, Any], state: tuple[Any, dict[Any, Any]]) -> None:
    attributes, items = state
    if attributes:
        obj.__dict__.update(attributes)
    dict.update(obj, items)


def _reduce_class_by_value(cls: type) -> Any:
    # A class with a metaclass (an Enum, an ABC): by value if the script made it.
    return reduce_class(cls) if travels_by_value(cls) else NotImplemented


# -- the host's module-level constants --------------------------------------------------
#
# Sentinels such as ``dataclasses.MISSING`` are compared by identity by the
# code that made them: a copy would not be the sentinel (``fields()`` of a
# dataclass loaded with copied sentinels finds no fields).  An object of a
# host class that is a global of its class's module travels by that name.

_NO_CONSTANTS = frozenset({"builtins", "__main__"})
_indexes: dict[str, dict[int, str]] = {}


def _reduce_constant(obj: Any) -> Any:
    module_name = type(obj).__module__
    name = _module_index(module_name).get(id(obj))
    if name is None:
        return NotImplemented
    module = sys.modules.get(module_name)
    if getattr(module, name, None) is not obj:  # the index is out of date: the global was rebound
        return NotImplemented
    return (host_constant, (module_name, name))


def _module_index(module_name: str) -> dict[int, str]:
    index = _indexes.get(module_name)
    if index is None:
        module = sys.modules.get(module_name)
        if module is None:
            return {}
        index = {}
        for name, value in list(vars(module).items()):
            if not isinstance(value, (type, types.ModuleType, types.FunctionType, int, float, str, bytes)):
                index.setdefault(id(value), name)
        _indexes[module_name] = index
    return index


def _reduce_proxy_or_constant(proxy: types.MappingProxyType[Any, Any]) -> Any:
    import dataclasses

    if proxy is dataclasses._EMPTY_METADATA:  # type: ignore[attr-defined]
        return (host_constant, ("dataclasses", "_EMPTY_METADATA"))
    return _reduce_mappingproxy(proxy)


def host_constant(module_name: str, name: str) -> Any:
    import importlib

    return getattr(importlib.import_module(module_name), name)
