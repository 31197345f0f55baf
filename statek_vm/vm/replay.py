"""Native operations that call script code, run again with the answers recorded.

``{key: 1}``, ``d[key]``, ``key in d``, ``s.add(key)`` and ``hash(key)`` call a
script ``__hash__`` (and ``__eq__`` when hashes collide); ``items.index(x)``,
``items.remove(x)`` and ``items == others`` call a script ``__eq__``.  The
search, the hash table, are native and cannot sensibly be re-stated as script
code.  But these operations have no effect anything sees before their
script calls return: a lookup or a search has none; an insertion or a
removal happens after the comparisons; a constructor fills a new object that
is dropped if it does not finish.  So the VM records and, when a call
waits, replays:

1. The instruction runs its native operation.  Its script calls run nested,
   as any script call from host code (:func:`first_nested`); each answer is
   kept, in order, while the operation runs.  Most operations never wait,
   and cost what a nested call costs.
2. When a call meets a pending future, its nested run stops at that
   instruction boundary and raises :class:`AdoptOnVM` with its frames
   whole; the native operation stops, its effects unseen.  The instruction
   adopts those frames as a call of its own (``Interpreter._adopt``), whose
   bottom frame returns with ``RET_REPLAY``; its ``ret_info`` holds the
   answers of the operation's calls before it, the log, which is thus part
   of the frame chain and of the snapshot the job then takes.
3. When that frame returns, its result joins the log and the instruction
   runs again from the start with the log installed (:data:`REPLAY`): the
   script calls the native operation makes are answered from the log, in
   order, each checked to be the same function with the same arguments;
   calls past the log are step 1 again.
4. When the instruction completes, the log goes.  When a call raises, the
   exception leaves the call's frame into the instruction as a call's does,
   which is what the native operation does with it, and the log goes with
   the frame.

Which operations: the dict and set displays and comprehensions' own
instructions (:func:`register_handlers`); host calls of the functions and
methods in :data:`_CALLS` (``hash``, ``dict``, ``list.index``...) made by
``Interpreter.call_host``; and the native helpers through which the
runtime's re-statements of ``d[k]``, ``d[k] = v``, ``del d[k]`` and ``k in d``
(``operations.py``) reach a dict or set.  Replaying is the fallback of the
operations layer, for operations that have no re-statement.

Script code runs once per call, in the native order.  The native operation
runs once more for each call that waits, answering the calls before it.
Host code the operation meets (a host class's ``__eq__`` in the same table)
runs again at each re-run; it must have no effects, as dunders of keys do
not.  An operation that met a different sequence of calls when run again (a
script ``__eq__`` that changes the dict it is looked up in) fails with a
``VMInternalError`` naming it, never silently.

A script function that returns a future to the native operation (``return
wait(n)`` in ``__hash__``) hands it the future's value: the VM resolves it
before the answer joins the log, suspending there while it is pending.

Not replayed, because they change what they work on before their last
script call: ``d.update()``, ``s.update()``, ``{**a, **b}`` and ``{*a, *b}``
(their script calls run in nested runs, as any host code's); nor the steps
of a ``for`` over an ``OrderedDict`` (each looks its key up again).
"""

from __future__ import annotations

import abc
import collections
import gc
import operator
import threading
import types
import weakref
from collections.abc import Callable
from typing import Any

from statek_vm.future import FUTURE_CLASSES
from statek_vm.vm import runtime
from statek_vm.vm.frame import native_locals


class AdoptOnVM(BaseException):
    """A script call of a replayable native operation, run nested first, is waiting.

    Raised by the nested run at the instruction that met the pending future
    (``frame``, an instruction boundary: the instruction has not run), with
    the run's frames whole, from ``frame`` down to ``base``, the call's
    frame.  On its way out :func:`first_nested` adds the call and the
    answers the operation's calls before it had (``log``), and
    ``Interpreter.call_from_host`` the handled-exception slots of the run.
    The instruction that ran the operation adopts those frames as a call
    recorded for replay (``Interpreter._adopt``): the job then waits there,
    as if the VM had run the call as a frame from the start.
    """

    def __init__(self, frame: Any, base: Any, error: BaseException | None) -> None:
        super().__init__()
        self.frame = frame
        self.base = base
        self.error = error
        self.call: tuple[Any, Any, Any] | None = None
        self.log: tuple[Any, ...] = ()
        self.slots: list[Any] = []
        self.initial_slot: Any = None
        self.result: Any = None  # with no frame: the call returned this future


class _NativeWork(threading.local):
    """How many of the VM's own native operations that answer script calls themselves run on this thread.

    A snapshot taken or loaded (:data:`SNAPSHOTTING`), an instruction run
    again with its log (:data:`REPLAY`), a script class made with its
    ``__init_subclass__`` deferred or made again from a snapshot
    (``objects.DEFERRED``, ``objects.QUIET``): each adds one while it runs.
    ``VMFunction.__call__`` asks which only while this is above zero, so a
    script call from host code otherwise reads one value.
    """

    depth = 0


NATIVE_WORK = _NativeWork()


class _FirstNested(threading.local):
    """The answers of the script calls the current replayable operation made, run nested.

    ``kept``: None, or ``(owner, entries, replayable)`` (one value, read
    and set at once: a thread-local's attribute costs a lookup each time).
    ``owner``: the Python frame of the operation's caller (the VM's host
    call, an instruction handler) that the answers belong to, held while
    they are; ``entries``: ``(function, args, kwargs, result)`` in call
    order, None once the operation is known not to be replayable;
    ``replayable``: whether it is (:func:`records`), None until a second
    call or a wait asks (most operations make one script call and never
    need to know).
    """

    def __init__(self) -> None:
        self.kept: tuple[Any, list[tuple[Any, Any, Any, Any]] | None, bool | None] | None = None


FIRST_NESTED = _FirstNested()


class Adoptable:
    """The ``ret_info`` of the bottom frame of a nested run whose frames the VM may adopt."""

    __slots__ = ("caller", "replayable")

    def __init__(self, caller: Any, replayable: bool | None) -> None:
        self.caller = caller
        self.replayable = replayable

    def adopts(self) -> bool:
        """Whether the operation is replayable (asked of its caller's frame, live, the first time)."""
        if self.replayable is None:
            self.replayable = records(self.caller)
        return self.replayable


def first_nested(
    interpreter: Any, func: Any, caller: Any, args: tuple[Any, ...], kwargs: dict[str, Any], prefix: Any
) -> Any:
    """A script call of a native operation that may be replayable: run nested, its answer kept.

    The common case (no wait inside) costs a nested run, as any script call
    from host code.  The answer joins the answers of the operation's calls
    before it (after ``prefix``, the log of an operation running again),
    which make the log if a later call of the same operation waits.
    """
    state = FIRST_NESTED
    kept = state.kept
    if kept is not None and kept[0] is caller:
        _, entries, replayable = kept
        if replayable is None and entries is not None:
            replayable = records(caller)
            if not replayable:
                entries = None
    else:
        entries = list(prefix) if prefix else []
        replayable = True if prefix else None
    kept = state.kept = None  # the nested run's operations have answers of their own
    adoptable = None if entries is None else Adoptable(caller, replayable)
    try:
        result = interpreter.call_from_host(func, args, kwargs, adoptable)
    except AdoptOnVM as request:
        if request.call is None:
            request.call = (func, args, kwargs)
            request.log = tuple(entries or ())
        raise
    if adoptable is not None:
        if type(result) in FUTURE_CLASSES and adoptable.adopts():
            # A future returned to native code (``return wait(n)`` in a
            # __hash__): it is handed its value, resolved on the VM, where a
            # pending one suspends resumably.
            returned = AdoptOnVM(None, None, None)
            returned.call, returned.log, returned.result = (func, args, kwargs), tuple(entries or ()), result
            raise returned
        entries.append((func, args, kwargs, result))  # type: ignore[union-attr]
        replayable = adoptable.replayable
    state.kept = (caller, entries, replayable)
    return result


def forget_first_nested() -> None:
    """Drop the answers kept for the last replayable operation (it has finished)."""
    FIRST_NESTED.kept = None


class _Replay(threading.local):
    """The log of the instruction running again on this thread (see the module docstring).

    ``log``: the answers, ``(function, args, kwargs, result)`` in call order,
    or None; ``position``: the next one to give; ``runs``: the depth of the
    interpreter's stack of runs that installed it (a nested run further up,
    a host driving a script generator, has calls of its own).
    """

    def __init__(self) -> None:
        self.log: tuple[tuple[Any, Any, Any, Any], ...] | None = None
        self.position = 0
        self.runs = 0


REPLAY = _Replay()

# answer(): the call is not the operation's own, or may not be recorded
# (see VMFunction.__call__): it runs as any call from host code does.
NESTED: Any = object()
# answer(): the call is past the log: it runs nested first (first_nested).
PAST_LOG: Any = object()


def answer(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any], record: bool) -> Any:
    """The result of the next script call of the instruction running again.

    From the log, once checked; past it, :data:`PAST_LOG` (or
    :data:`NESTED` when ``record`` is false: the VM is running the
    instruction with its requests turned off).
    """
    log = REPLAY.log
    assert log is not None
    position = REPLAY.position
    if position == len(log):
        return PAST_LOG if record else NESTED
    logged, logged_args, logged_kwargs, result = log[position]
    if (
        logged is not func
        or not _same(logged_args, args)
        or not _same((*logged_kwargs, *logged_kwargs.values()), (*kwargs, *kwargs.values()))
    ):
        from statek_vm.exceptions import VMInternalError

        before = (
            "with other objects than before"
            if logged is func
            else f"where it had called {_name(logged)}{_shown(logged_args)}"
        )
        raise VMInternalError(
            f"a native operation run again called {_name(func)}{_shown(args)} {before} (call {position + 1}): "
            f"the script's calls changed what it does (a __eq__ that changes the container it compares in?)"
        )
    REPLAY.position = position + 1
    return result


def complete() -> bool:
    """Whether the instruction running again used every answer of its log."""
    log = REPLAY.log
    return log is not None and REPLAY.position == len(log)


# Values the native code makes afresh for each run (an int it counts with):
# the same when equal.
_VALUES = frozenset({int, float, complex, str, bytes, bool, type(None)})


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x is not y and not (type(x) is type(y) and type(x) in _VALUES and x == y):
            return False
    return True


def _name(func: Any) -> str:
    return str(getattr(func, "__qualname__", func))


def _shown(args: tuple[Any, ...]) -> str:
    return "(" + ", ".join(type(a).__name__ for a in args) + ")"


# -- which native operations are replayed ----------------------------------------

# The code of each Python function whose native operation may be replayed
# (the frame ``VMFunction.__call__`` finds as its caller: the C code between
# has no frame), and what decides it from that frame.
# By the code's id (see objects.CodeSet); the code objects are the VM's own
# functions' and handlers', kept alive by them.
RECORDING: dict[int, Callable[[types.FrameType], bool]] = {}


def records(caller: types.FrameType) -> bool:
    """Whether script code called from ``caller`` is a call of a replayable native operation."""
    decide = RECORDING.get(id(caller.f_code))
    return decide is not None and decide(caller)


def _always(frame: types.FrameType) -> bool:
    return True


def register_handlers(*handlers: Any) -> None:
    """Instruction handlers whose whole native operation is replayable (a dict display)."""
    for handler in handlers:
        RECORDING[id(handler.__code__)] = _always


def register_host_call(code: types.CodeType) -> None:
    """The VM's host call (``Interpreter.call_host``): replayed when it calls one of :data:`_CALLS`."""
    RECORDING[id(code)] = _host_call


# Native methods and functions that have no effect before their script calls
# return, by id: the object, and whether it iterates its arguments (which
# must then be containers that iterate the same way again).
_CALLS: dict[int, tuple[Any, bool]] = {}


def _replayable(*objects: Any, iterates: bool = False) -> None:
    for obj in objects:
        _CALLS[id(obj)] = (obj, iterates)


_COMPARISONS = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")
_deque = collections.deque
_OrderedDict = collections.OrderedDict
_replayable(hash)
_replayable(dict, set, frozenset, _OrderedDict, collections.defaultdict, collections.Counter, iterates=True)
for _cls, _names in (
    (list, ("index", "count", "remove", "__contains__", *_COMPARISONS)),
    (tuple, ("index", "count", "__contains__", *_COMPARISONS)),
    (_deque, ("index", "count", "remove", "__contains__", *_COMPARISONS)),
    (dict, ("get", "pop", "setdefault", "__contains__", "__getitem__", "__setitem__", "__delitem__", *_COMPARISONS)),
    (_OrderedDict, ("pop", "setdefault", "move_to_end", "__setitem__", "__delitem__", "__eq__", "__ne__")),
    (set, ("add", "discard", "remove", "__contains__", *_COMPARISONS)),
    (frozenset, ("__contains__", *_COMPARISONS)),
    (type({}.keys()), ("__contains__",)),
    (type({}.items()), ("__contains__",)),
):
    _replayable(*(_cls.__dict__[_n] for _n in _names if _n in _cls.__dict__))
_SET_ALGEBRA = ("isdisjoint", "issubset", "issuperset", "union", "intersection", "difference")
for _cls in (set, frozenset):
    _replayable(
        *(_cls.__dict__[_n] for _n in (*_SET_ALGEBRA, "symmetric_difference", "__or__", "__and__", "__sub__")),
        _cls.__dict__["__xor__"],
        iterates=True,
    )

# Containers that a replayed operation may iterate: they give the same
# elements each time, and iterating them calls no script code.
_STABLE = frozenset(
    {list, tuple, dict, set, frozenset, str, bytes, range, _deque, _OrderedDict, collections.Counter}
    | {collections.defaultdict, type({}.keys()), type({}.values()), type({}.items())}
)
# Constructors that read pairs from a sequence: each pair is iterated too.
_PAIRS = frozenset({dict, _OrderedDict, collections.defaultdict})


def replayable_call(func: Any, args: Any, kwargs: Any) -> bool:
    """Whether the host call ``func(*args, **kwargs)`` may be replayed."""
    entry = _CALLS.get(id(func))
    if type(func) is types.MethodType:
        # A storing method the script called on its container (handoff.stored_method).
        entry = _CALLS.get(id(func.__func__))
        if entry is None or entry[0] is not func.__func__:
            return False
    elif entry is None or entry[0] is not func:
        owner = getattr(func, "__self__", None)
        if type(func) not in _BOUND or owner is None or isinstance(owner, (types.ModuleType, type)):
            return False
        descriptor = runtime.lookup(type(owner), func.__name__)
        entry = _CALLS.get(id(descriptor))
        if entry is None or entry[0] is not descriptor or not _native_lookup(type(owner), func.__name__):
            return False
    if not entry[1]:
        return True
    for arg in args:
        kind = type(arg)
        if kind in _STABLE:
            if (
                func in _PAIRS
                and (kind is list or kind is tuple)
                and any(type(pair) is not tuple and type(pair) is not list for pair in arg)
            ):
                return False
        elif hasattr(kind, "__iter__") or hasattr(kind, "__next__"):
            return False
    return True


_BOUND = frozenset({types.BuiltinMethodType, types.MethodWrapperType})


def _native_lookup(tp: type, name: str) -> bool:
    """Whether ``tp``'s method ``name`` is one of :data:`_CALLS` and reaches no other host code."""
    descriptor = runtime.lookup(tp, name)
    entry = _CALLS.get(id(descriptor))
    if entry is None or entry[0] is not descriptor:
        return False
    if name == "__getitem__":
        # A dict subclass's host __missing__ might do anything; Counter's returns 0.
        missing = runtime.lookup(tp, "__missing__")
        return missing is runtime.MISSING or missing is collections.Counter.__missing__
    return True


def _host_call(frame: types.FrameType) -> bool:
    via, func, args, kwargs = native_locals(frame, "via", "func", "args", "kwargs")
    return via is None and replayable_call(func, args, kwargs or ())


# abc's isinstance/issubclass (an ABC's __subclasshook__): the C check calls
# the hook before it caches anything, so the call of isinstance or issubclass
# the script made is replayed.  Only that call: host code that asks
# (singledispatch, typing) might have done something before.
_ABC_CHECKS = frozenset({abc.ABCMeta.__subclasscheck__.__code__, abc.ABCMeta.__instancecheck__.__code__})


def _abc_check(frame: types.FrameType) -> bool:
    caller = frame.f_back
    while caller is not None and caller.f_code in _ABC_CHECKS:
        caller = caller.f_back
    if caller is None or RECORDING.get(id(caller.f_code)) is not _host_call:
        return False
    via, func = native_locals(caller, "via", "func")
    return via is None and (func is isinstance or func is issubclass)


for _code in _ABC_CHECKS:
    RECORDING[id(_code)] = _abc_check


# The runtime's helpers for subscripts and `in` (runtime.future_aware,
# runtime.native_contains): replayed when the container's own method is native.
_OPERATOR_SLOTS: dict[Any, str] = {
    operator.getitem: "__getitem__",
    operator.setitem: "__setitem__",
    operator.delitem: "__delitem__",
}


def _runtime_operation(frame: types.FrameType) -> bool:
    operation, args = native_locals(frame, "operation", "args")
    if not args:
        return False
    if operation is dict.get:
        return True
    name = _OPERATOR_SLOTS.get(operation)
    return name is not None and _native_lookup(type(args[0]), name)


def _runtime_contains(frame: types.FrameType) -> bool:
    (container,) = native_locals(frame, "container")
    return _native_lookup(type(container), "__contains__")


RECORDING[id(runtime.future_aware(operator.getitem).__code__)] = _runtime_operation
RECORDING[id(runtime.native_contains.__code__)] = _runtime_contains


# collections.Counter(iterable) counts in Python code of its own: Counter.update,
# called by Counter.__init__, called by the host call making the Counter.
_COUNTER_INIT = collections.Counter.__init__.__code__


def _counter_update(frame: types.FrameType) -> bool:
    init = frame.f_back
    if init is None or init.f_code is not _COUNTER_INIT:
        return False
    call = init.f_back
    return call is not None and RECORDING.get(id(call.f_code)) is _host_call and _host_call(call)


RECORDING[id(collections.Counter.update.__code__)] = _counter_update


# -- the hashes native tables hold ---------------------------------------------------
#
# A snapshot rebuilds a dict or set whose keys are script objects by hashing
# them (pickle, and CPython, know no other way), which would run their script
# __hash__ again, and their __eq__ on collisions: script code running, and
# perhaps waiting, while the job loads.  Instead, the hash each script object's
# __hash__ last gave native code is remembered (:func:`remember_hash`), travels
# with the object (snapshot/classes.py), and answers the loading tables'
# calls; two keys of one table with equal hashes were distinct when it was
# made, so their __eq__ answers False there.


class _Snapshotting(threading.local):
    """``with SNAPSHOTTING:`` around what hashes script keys as they were hashed before."""

    depth = 0

    def __enter__(self) -> None:
        self.depth += 1
        NATIVE_WORK.depth += 1  # (the VM's own native work: script calls check the flags)

    def __exit__(self, *exc_info: object) -> None:
        self.depth -= 1
        NATIVE_WORK.depth -= 1


# Its depth is above zero while a snapshot is taken or loaded on this thread
# (snapshot/pickling.py): pickling an OrderedDict walks it, which hashes its keys.
SNAPSHOTTING = _Snapshotting()

# id(object) -> (weak reference to it, what its script __hash__ returned).
_HASHES: dict[int, tuple[weakref.ref[Any], Any]] = {}


def remember_hash(func: Any, args: Any, value: Any) -> None:
    """Keep ``value`` if it is what script function ``func`` returned as ``args[0]``'s ``__hash__``.

    Only an int is a hash (a future returned to native code is resolved
    before native code sees it, and its value kept then).
    """
    if isinstance(value, int) and len(args) == 1 and runtime.lookup(type(args[0]), "__hash__") is func:
        keep_hash(args[0], value)


def keep_hash(obj: Any, value: Any) -> None:
    """Remember ``value`` as ``obj``'s hash while ``obj`` lives."""
    key = id(obj)
    entry = _HASHES.get(key)
    if entry is not None and entry[0]() is obj:
        if entry[1] != value:
            _HASHES[key] = (entry[0], value)
        return
    if not type(obj).__weakrefoffset__:
        return  # no weak references (__slots__ without __weakref__): hashed again on load
    try:
        ref = weakref.ref(obj, _forget_hash)
    except TypeError:  # (as above, by the type's own rule): hashed again on load
        return
    _REF_KEYS[id(ref)] = key
    _HASHES[key] = (ref, value)


# id of a weak reference of _HASHES -> the key of its entry.
_REF_KEYS: dict[int, int] = {}


def _forget_hash(ref: weakref.ref[Any]) -> None:
    key = _REF_KEYS.pop(id(ref), None)
    entry = _HASHES.get(key)  # type: ignore[arg-type]
    if entry is not None and entry[0] is ref:
        del _HASHES[key]  # type: ignore[arg-type]


MISSING_HASH: Any = runtime.MISSING

# What this process's str and bytes hashes are made with (CPython randomizes
# them per process unless PYTHONHASHSEED is set): a hash kept in a snapshot
# holds in a process with the same probe.  Elsewhere a table keyed by the
# object must be hashed again (:func:`rehash_stale`), running its __hash__.
HASH_PROBE = (hash("statek_vm hash probe"), hash(b"statek_vm hash probe"))


class _Stale(threading.local):
    objects: list[Any] | None = None


# The objects of the snapshot being loaded whose kept hash was made with
# another probe (snapshot/classes.py's new_instance fills it).
STALE = _Stale()


def rehash_stale(objects: list[Any]) -> None:
    """Hash the dicts and sets keyed by ``objects`` again, with their script ``__hash__`` (run nested).

    The snapshot was taken in a process whose str hashes differ: the tables
    were rebuilt with hashes that a lookup here would not find.  The tables
    are found among what refers to the objects, through the tuples and
    frozensets that hash by them.
    """
    stale = {id(obj) for obj in objects}
    seen: set[int] = set()
    tables: list[Any] = []
    frontier = list(objects)
    while frontier:
        batch = tuple(frontier)
        seen.add(id(batch))  # (the call's own tuple of arguments refers to them all)
        referrers = gc.get_referrers(*batch)
        frontier = []
        for referrer in referrers:
            if id(referrer) in seen:
                continue
            seen.add(id(referrer))
            kind = type(referrer)
            if kind is tuple or kind is frozenset:
                frontier.append(referrer)
                stale.add(id(referrer))
            elif isinstance(referrer, (dict, set, frozenset)) and any(id(k) in stale for k in referrer):
                tables.append(referrer)
    for table in tables:
        if isinstance(table, dict):
            items: list[Any] = list(dict.items(table))
            native: Any = collections.OrderedDict if type(table) is collections.OrderedDict else dict
        elif isinstance(table, set):
            items, native = [(element, None) for element in table], set
        else:
            continue
        try:
            _fill(table, native, items)
        except Exception:  # noqa: BLE001 - a __hash__ that cannot run here (it waits, it returns a future)
            # The table keeps the hashes it was loaded with (those its
            # __hash__ gave here are kept too).
            with SNAPSHOTTING:
                _fill(table, native, items)


def _fill(table: Any, native: Any, items: list[Any]) -> None:
    native.clear(table)
    if native is set:
        set.update(table, (element for element, _ in items))
    else:
        for k, v in items:
            native.__setitem__(table, k, v)


def kept_hash(obj: Any) -> Any:
    """What ``obj``'s script ``__hash__`` last returned to native code, or :data:`MISSING_HASH`."""
    entry = _HASHES.get(id(obj))
    if entry is None or entry[0]() is not obj:
        return MISSING_HASH
    return entry[1]


def snapshot_answer(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The answer to a script call made while a snapshot is taken or loaded, or :data:`NESTED` to run it."""
    if kwargs:
        return NESTED
    name = func._name
    if name == "__hash__" and len(args) == 1:
        value = kept_hash(args[0])
        return NESTED if value is MISSING_HASH else value
    if name == "__eq__" and len(args) == 2 and runtime.lookup(type(args[0]), "__eq__") is func:
        return False
    return NESTED
