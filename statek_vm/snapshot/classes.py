"""Script classes and their instances, pickled by value, without running script code.

Natively pickle stores a class by its module and name, and an instance by
whatever its class's ``__reduce_ex__`` returns, then calls the class, its
``__setstate__`` or ``__getattr__`` when it loads.  Neither fits a job:

* a class the script defined lives in no importable module (the job's
  namespace is not ``sys.modules['__main__']``), so it must travel *by
  value*, in whatever position the pickler first meets it (through a frame,
  an iterator, an instance, a base, before or after the namespace);
* loading must not run script code (``__init__``, ``__new__``,
  ``__setstate__``, ``__getattr__``, ``__init_subclass__``, property getters,
  ``__eq__``), so an instance travels as its raw state — its ``__dict__``, its
  slots and the value of the built-in type it derives from — and is rebuilt
  with that built-in type's ``__new__``; a class is made with
  ``type.__new__`` from its name and bases alone, and its ``__dict__`` is set
  afterwards with ``type.__setattr__`` (which calls no ``__set_name__`` and no
  metaclass ``__setattr__``).  The class is made before its dict is filled, so
  pickle memoizes it first and every cycle through it closes (methods whose
  globals hold the class, an enum whose members are its instances).

Script code written for pickling (``__reduce__``, ``__getstate__``,
``__setstate__``) is not used: a snapshot takes the exact state, whatever the
script would have chosen to pickle.

A dict or set whose keys are script objects is rebuilt by hashing them,
which calls their ``__hash__`` (and ``__eq__`` on collisions): each object
carries the hash its ``__hash__`` last gave native code, which answers those
calls (``statek_vm/vm/replay.py``), so that no script code runs then either.

Which classes travel by value is decided once per class: those that pickle
could not find again by module and qualified name.  Host classes (the
application's, the standard library's) keep their own pickling.
"""

from __future__ import annotations

import abc
import collections
import contextlib
import importlib
import sys
import threading
import types
import weakref
from collections.abc import Iterator
from typing import Any

from statek_vm.module_state import ScriptModule
from statek_vm.sandbox import CheckedFormatter
from statek_vm.snapshot import iterators
from statek_vm.vm.objects import QUIET as _quiet
from statek_vm.vm.objects import VMFunction
from statek_vm.vm.replay import HASH_PROBE, MISSING_HASH, NATIVE_WORK, STALE, keep_hash, kept_hash
from statek_vm.vm.script_asyncio import CLASS_ALIASES

# CPython's flag for classes made at run time (class statements, type()):
# the first class without it on a class's __base__ chain is the built-in type
# that lays out its instances.
_HEAPTYPE = 1 << 9

_MemberDescriptor = types.MemberDescriptorType
_GetSetDescriptor = types.GetSetDescriptorType


# -- which classes travel by value ------------------------------------------------

_by_value: weakref.WeakKeyDictionary[type, bool] = weakref.WeakKeyDictionary()


def travels_by_value(cls: type) -> bool:
    """Whether ``cls`` must be pickled by value: pickle could not find it by its module and name."""
    try:
        return _by_value[cls]
    except KeyError:
        pass
    except TypeError:  # a class that cannot be weakly referenced: decide each time
        return not _found_by_name(cls)
    answer = _by_value[cls] = not _found_by_name(cls)
    return answer


def class_by_alias(module_name: str, name: str) -> type:
    """A host class that pickle cannot find by its own name (:data:`ALIASES`), loaded."""
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    cls: type = getattr(module, name)
    return cls


_DISALLOW_INSTANTIATION = 1 << 7


def _found_by_name(cls: type) -> bool:
    if cls in ALIASES:
        return True
    if not cls.__flags__ & _HEAPTYPE:
        return True  # a built-in type (tuple_iterator, say): pickle's own way, whatever its name
    if cls.__flags__ & _DISALLOW_INSTANTIATION:
        # A C type no one can make (re's scanner, decimal's context manager):
        # pickle's own way, which refuses it, never by value (a class made
        # again whose instance could not be loaded).
        return True
    module = sys.modules.get(cls.__dict__.get("__module__") or getattr(cls, "__module__", None))  # type: ignore[arg-type]
    qualname = cls.__dict__.get("__qualname__") or cls.__qualname__
    if module is None or type(module) is ScriptModule or not isinstance(qualname, str):
        # (a job's script as __main__ while it runs: its classes travel by value all the same)
        return False
    found: Any = module
    for part in qualname.split("."):
        found = getattr(found, "__dict__", {}).get(part, _MISSING)  # no __getattr__ of a module or class runs
        if found is _MISSING:
            return False
    return found is cls


_MISSING = object()

# Host classes whose module names another class by their name, found by an
# alias instead: asyncio's pure-Python Future and Task, which a script's
# event loop uses (statek_vm/vm/script_asyncio.py), and csv's C classes.
ALIASES: dict[type, tuple[str, str]] = {
    **CLASS_ALIASES,
    # csv's C classes, whose names in ``_csv`` are the functions that make
    # them (their instances travel: snapshot/iterators.py).
    **{cls: (iterators.__name__, name) for name, cls in iterators.CSV_CLASSES.items()},
    # string.Formatter as a sandboxed script has it (statek_vm/sandbox.py).
    CheckedFormatter: ("statek_vm.sandbox", "CheckedFormatter"),
    # threading.Lock's class, which 3.11 and 3.12 name ``_thread.lock`` but
    # export as ``LockType`` only (its bound ``acquire``, which a
    # ``threading.Condition`` keeps, names its class: snapshot/reducers.py).
    type(threading.Lock()): ("_thread", "LockType"),
}


# -- classes --------------------------------------------------------------------------

# What a class's dict holds that ``type.__new__`` makes again by itself, or
# that is given to it when the class is made.
_MADE_BY_TYPE = frozenset({"__dict__", "__weakref__", "__module__", "__qualname__", "__slots__", "_abc_impl"})


def reduce_class(cls: type) -> Any:
    """A script class as a reduce tuple: made from its name and bases, then its dict set."""
    made = {"__module__": cls.__dict__.get("__module__"), "__qualname__": cls.__qualname__}
    for name, stand_in in _UNTIL_STATE.items():
        if type(cls.__dict__.get(name)) is VMFunction:
            made[name] = stand_in
    slots = cls.__dict__.get("__slots__")
    if slots is not None:
        made["__slots__"] = slots
    orig_bases = cls.__dict__.get("__orig_bases__")
    if orig_bases is not None:
        # class Result(Generic[T]): its bases are (Generic,), which typing
        # refuses without the bases as written.
        made["__orig_bases__"] = orig_bases
    state = {}
    for name, value in cls.__dict__.items():
        if name in _MADE_BY_TYPE:
            continue
        if type(value) is _MemberDescriptor and value.__objclass__ is cls:
            continue  # a slot of this class: made again from __slots__
        state[name] = value
    if isinstance(cls, abc.ABCMeta):
        # Its virtual subclasses (Source.register(Notes)): native data, kept as a list.
        registry = abc._get_dump(cls)[0]  # type: ignore[attr-defined]
        registered = [ref() for ref in registry]
        state[_ABC_REGISTRY] = [sub for sub in registered if sub is not None]
    return (make_class, (type(cls), cls.__name__, cls.__bases__, made), state, None, None, set_class_state)


def _hash_until_state(self: Any) -> Any:
    hashed = kept_hash(self)
    return object.__hash__(self) if hashed is MISSING_HASH else hashed


def _eq_until_state(self: Any, other: Any) -> bool:
    return self is other


# A class's own script __hash__ and __eq__ are in its dict as it is made, as
# these stand-ins: a dict or set rebuilt before the class's dict is set (its
# methods' globals lead to it) hashes its script keys as they were hashed
# when the snapshot was taken, and finds distinct ones unequal.
_UNTIL_STATE = {"__hash__": _hash_until_state, "__eq__": _eq_until_state}


@contextlib.contextmanager
def _quietly() -> Iterator[None]:
    # Script functions called meanwhile do nothing (VMFunction.__call__):
    # type.__new__ calls the bases' __init_subclass__, which ran when the
    # script made the class, and whose effects are in the dict set next.
    _quiet.depth += 1
    NATIVE_WORK.depth += 1
    try:
        yield
    finally:
        _quiet.depth -= 1
        NATIVE_WORK.depth -= 1


def make_class(meta: type, name: str, bases: tuple[type, ...], made: dict[str, Any]) -> type:
    from statek_vm.sandbox import script_class_made

    with _quietly():
        cls: type = type.__new__(meta, name, bases, dict(made))
    script_class_made(cls)
    return cls


_ABC_REGISTRY = "__statek_abc_registry__"


def set_class_state(cls: type, state: dict[str, Any]) -> None:
    set_attr = type.__setattr__
    registered = state.pop(_ABC_REGISTRY, ())
    for name, value in state.items():
        set_attr(cls, name, value)
    if isinstance(cls, abc.ABCMeta):
        # An ABC's registry is native data: made again, its virtual
        # subclasses registered again, and the abstract methods set back to
        # what they were, whatever the bases' state is so far.
        abstract = cls.__dict__.get("__abstractmethods__")
        with _quietly():
            abc._abc_init(cls)  # type: ignore[attr-defined]
            for sub in registered:
                abc._abc_register(cls, sub)  # type: ignore[attr-defined]
        if abstract is not None:
            set_attr(cls, "__abstractmethods__", abstract)


# -- instances ------------------------------------------------------------------------


def native_base(cls: type) -> type:
    """The built-in type that lays out ``cls``'s instances (``object``, ``int``, ``dict``, ``Exception``...)."""
    base: type | None = cls
    while base is not None and base.__flags__ & _HEAPTYPE:
        base = base.__base__
    return base or object


def slot_values(obj: Any, cls: type) -> list[tuple[type, str, Any]]:
    """``(class, slot name, value)`` of each set slot of a script object."""
    values = []
    for klass in cls.__mro__:
        if not klass.__flags__ & _HEAPTYPE:
            continue
        for name, value in klass.__dict__.items():
            if type(value) is _MemberDescriptor and value.__objclass__ is klass:
                with contextlib.suppress(AttributeError):  # an unset slot stays unset
                    values.append((klass, name, value.__get__(obj, cls)))
    return values


def instance_dict(obj: Any) -> dict[str, Any] | None:
    """``obj``'s own ``__dict__``, read without running any of its class's code; None if it has none."""
    try:
        d = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return None
    return d if isinstance(d, dict) else None


def _set_instance_dict(obj: Any, d: dict[str, Any]) -> None:
    _interned_keys(d)
    for klass in type(obj).__mro__:
        descriptor = klass.__dict__.get("__dict__")
        if type(descriptor) is types.GetSetDescriptorType:
            descriptor.__set__(obj, d)
            return
    object.__getattribute__(obj, "__dict__").update(d)


def _interned_keys(d: dict[Any, Any]) -> None:
    """``d`` (an object's attribute dict, in place) with its string keys interned, as attribute stores make them.

    An attribute's name is the same string object in every instance, as
    natively: ``pickle`` of the script's objects memoizes it (a pickle the
    script makes after a resume is the length it is natively).
    """
    intern = sys.intern
    if all(type(k) is not str or intern(k) is k for k in d):
        return
    items = list(d.items())
    d.clear()
    d.update((intern(k) if type(k) is str else k, v) for k, v in items)


# The built-in types a script class may derive from, by how their value is
# carried: immutable ones are made with their value, mutable ones filled
# after they are made (their items may refer back to them).
def _immutable(capture: Any) -> tuple[Any, None]:
    return capture, None


_IMMUTABLE: dict[type, Any] = {
    int: int.__int__,
    float: float.__float__,
    complex: lambda obj: complex(complex.real.__get__(obj), complex.imag.__get__(obj)),
    str: str.__str__,
    bytes: lambda obj: bytes(memoryview(obj)),
    tuple: lambda obj: tuple(tuple.__iter__(obj)),
    frozenset: lambda obj: frozenset(frozenset.__iter__(obj)),
}
_MUTABLE: dict[type, Any] = {
    list: lambda obj: list(list.__iter__(obj)),
    dict: lambda obj: list(dict.items(obj)),
    set: lambda obj: list(set.__iter__(obj)),
    bytearray: lambda obj: bytes(memoryview(obj)),
    collections.OrderedDict: lambda obj: list(dict.items(obj)),
    collections.defaultdict: lambda obj: (obj.default_factory, list(dict.items(obj))),
    collections.deque: lambda obj: (obj.maxlen, list(collections.deque.__iter__(obj))),
}


def _fill(obj: Any, native: type, items: Any) -> None:
    if native is list:
        list.extend(obj, items)
    elif native is dict:
        dict.update(obj, items)
    elif native is set:
        set.update(obj, items)
    elif native is bytearray:
        bytearray.extend(obj, items)
    elif native is collections.OrderedDict:
        for key, value in items:
            collections.OrderedDict.__setitem__(obj, key, value)
    elif native is collections.defaultdict:
        factory, pairs = items
        collections.defaultdict.__init__(obj, factory)
        dict.update(obj, pairs)
    elif native is collections.deque:
        maxlen, values = items
        collections.deque.__init__(obj, values, maxlen)


def reduce_instance(obj: Any) -> Any:
    """An instance of a script class as a reduce tuple: its built-in value, ``__dict__`` and slots."""
    cls = type(obj)
    native = native_base(cls)
    if issubclass(native, BaseException):
        from statek_vm.snapshot.tracebacks import reduce_exception

        return reduce_exception(obj)
    value = items = None
    if native is not object:
        capture = _IMMUTABLE.get(native)
        if capture is not None:
            value = capture(obj)
        else:
            capture = _MUTABLE.get(native)
            if capture is None:
                raise TypeError(
                    f"cannot snapshot an instance of {cls.__qualname__}: it derives from the built-in type "
                    f"{native.__module__}.{native.__qualname__}, whose value a snapshot cannot carry"
                )
            items = capture(obj)
    state = (instance_dict(obj), slot_values(obj, cls), items)
    made: tuple[Any, ...] = (cls, native, value)
    hashed = kept_hash(obj)
    if hashed is not MISSING_HASH:
        made += (hashed, HASH_PROBE)
    return (new_instance, made, state, None, None, set_instance_state)


def new_instance(cls: type, native: type, value: Any, hashed: Any = MISSING_HASH, probe: Any = None) -> Any:
    new: Any = native.__new__
    obj = new(cls, value) if native in _IMMUTABLE else new(cls)
    if hashed is not MISSING_HASH:
        # The tables being loaded are built with the hash kept; if it was made
        # with other str hashes, they are hashed again once loaded.
        keep_hash(obj, hashed)
        if probe is not None and tuple(probe) != HASH_PROBE and STALE.objects is not None:
            STALE.objects.append(obj)
    return obj


def set_instance_state(obj: Any, state: tuple[Any, ...]) -> None:
    d, slots, items = state
    if d is not None:
        # The very dict: a frame that holds ``vars(obj)`` (a cached_property
        # storing its value) must still share it with the object.
        _set_instance_dict(obj, d)
    for klass, name, value in slots:
        klass.__dict__[name].__set__(obj, value)
    if items is not None:
        _fill(obj, native_base(type(obj)), items)
