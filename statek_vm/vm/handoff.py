"""What host code is handed: values, never futures (DESIGN.md, point 4).

Before the VM calls a host callable, every future among its arguments is
resolved, also where it sits inside lists, tuples, dicts (keys and values),
sets and frozensets, to any depth.  If one is pending the ``FutureError``
leaves *before* the call, so the job suspends with the call not started and
no host call ever runs twice.  Once all are resolved, each future is replaced
by its value: in place inside mutable containers (the script's list then holds
the value, as it would have had the tool answered at once), in new tuples and
frozensets for immutable ones.  So ``"\\n".join(answers)``,
``json.dumps({"s": summary})`` and ``print(results)`` see plain values.

Two kinds of callables receive futures as they are:

* future-aware ones (``get_any_future``, ``get_all_future`` and any callable
  marked with :func:`statek_vm.future_aware`), which get everything untouched;
* callables that only store what they are given (``list.append``,
  ``dict.setdefault``, ``setattr``, container constructors, ``len``): the
  stored values stay futures, and a future passed as the object they work on
  (the iterable of ``list(...)``) is resolved as before.

Finding the futures costs a walk over the arguments' containers, paid only
while some future is alive in the process (``LIVE_FUTURES``).
"""

from __future__ import annotations

import collections
import gc
import itertools
import types
from typing import Any

from statek_vm.future import FUTURE_CLASSES, LIVE_FUTURES, is_future_aware

_BuiltinMethod: Any = type([].append)  # also the type of builtin functions (len, setattr)
_MethodWrapper = type((1).__add__)
_MethodDescriptor = type(list.append)

# Containers searched for futures: these, and tuple subclasses made by
# collections.namedtuple (rebuilt with their ``_make``).  Subclasses defined
# by a script are not searched: their methods are script code.
_MUTABLE_SEQUENCES = (list, collections.deque)
_MAPPINGS = (dict, collections.OrderedDict, collections.defaultdict, collections.Counter)
_SETS = (set,)
_IMMUTABLE = (tuple, frozenset)
CONTAINERS: frozenset[type] = frozenset(_MUTABLE_SEQUENCES + _MAPPINGS + _SETS + _IMMUTABLE)

# Store-only callables: the positions of the arguments whose values are
# stored, never read; a future there is handed over as it is.  Every other
# argument is resolved only where it is itself a future, and nothing nested
# is searched.
#
# A container's storing method counts only when the script calls it on the
# container with the method-call syntax (``results.append(x)``): the VM's
# method load then binds it with ``stored_method`` (a ``MethodType`` around
# the method descriptor), which is what is looked up here.  A bound method
# the application hands over as a tool (``notify_user=sent.append``) is host
# code like any other and gets values.
_STORED_ALL = frozenset(range(64))
_STORE_ONLY_DESCRIPTORS: dict[Any, frozenset[int]] = {
    list.append: frozenset({0}),
    list.insert: frozenset({1}),
    list.extend: frozenset(),
    list.copy: frozenset(),
    collections.deque.append: frozenset({0}),
    collections.deque.appendleft: frozenset({0}),
    collections.deque.extend: frozenset(),
    collections.deque.extendleft: frozenset(),
    collections.deque.insert: frozenset({1}),
    collections.deque.copy: frozenset(),
    dict.setdefault: frozenset({1}),
    dict.update: _STORED_ALL,
    dict.copy: frozenset(),
}
STORE_ONLY_METHODS: dict[type, frozenset[str]] = {
    list: frozenset({"append", "insert", "extend", "copy"}),
    collections.deque: frozenset({"append", "appendleft", "extend", "extendleft", "insert", "copy"}),
    dict: frozenset({"setdefault", "update", "copy"}),
}
STORE_ONLY_NAMES: frozenset[str] = frozenset().union(*STORE_ONLY_METHODS.values())
_STORE_ONLY_FUNCTIONS: dict[Any, frozenset[int]] = {
    list: frozenset(),
    tuple: frozenset(),
    dict: _STORED_ALL,
    set: frozenset(),
    frozenset: frozenset(),
    collections.deque: frozenset(),
    collections.OrderedDict: _STORED_ALL,
    collections.defaultdict: frozenset(),
    len: frozenset(),
    id: frozenset(),
    # They look at what they are handed, never inside it.
    type: frozenset(),
    isinstance: frozenset(),
    issubclass: frozenset(),
    setattr: frozenset({2}),
}


def stored_method(owner: Any, name: str) -> Any:
    """``owner.name`` for a storing method of a script's container (see above)."""
    return types.MethodType(getattr(type(owner), name), owner)


# Methods that read the elements of the container they are bound to.
_READS_SELF: dict[Any, frozenset[str]] = {
    list: frozenset({"sort", "index", "count", "remove", "__eq__", "__lt__", "__le__", "__gt__", "__ge__"}),
    tuple: frozenset({"index", "count"}),
}


def host_arguments(func: Any, args: Any, kwargs: dict[str, Any] | None) -> tuple[Any, Any]:
    """The arguments ``func`` is handed: futures resolved (or a ``FutureError`` before the call)."""
    if is_future_aware(func):
        return args, kwargs
    stored = _stored_positions(func)
    if stored is not None:
        return _resolve_top_level(args, kwargs, stored)
    if not LIVE_FUTURES:
        return args, kwargs
    owner = _bound_container(func)
    found: list[Any] = []
    places: list[tuple[Any, Any, Any]] = []
    seen: dict[int, bool] = {}
    for i, a in enumerate(args):
        _search(a, ("args", i), found, places, seen)
    if kwargs:
        for k, v in kwargs.items():
            _search(v, ("kwargs", k), found, places, seen)
    if owner is not None:
        _search(owner, ("self", None), found, places, seen)
    if not found:
        return args, kwargs
    for future in found:
        _ = future.value  # raises FutureError while it is pending: nothing has started
    return _replace(args, kwargs, places)


def shown(value: Any) -> Any:
    """``value`` as formatting shows it: the futures in its containers resolved.

    For f-strings, ``str``/``repr`` conversions and ``%``-formatting, which
    show the elements of a container: a pending one suspends the job first.
    """
    if not LIVE_FUTURES or type(value) not in CONTAINERS:
        return value
    found: list[Any] = []
    places: list[tuple[Any, Any, Any]] = []
    if not _search(value, ("args", 0), found, places, {}):
        return value
    for future in found:
        _ = future.value
    args, _ = _replace([value], None, places)
    return args[0]


def _stored_positions(func: Any) -> frozenset[int] | None:
    # Only native callables are looked up: hashing anything else could run
    # script code (a script class's __hash__).
    cls = type(func)
    if cls is types.MethodType:
        inner = func.__func__
        if type(inner) is _MethodDescriptor:
            return _STORE_ONLY_DESCRIPTORS.get(inner)
        return None
    if cls is _BuiltinMethod or cls is type:
        return _STORE_ONLY_FUNCTIONS.get(func)
    return None


def _resolve_top_level(args: Any, kwargs: dict[str, Any] | None, stored: frozenset[int]) -> tuple[Any, Any]:
    for i, a in enumerate(args):
        if type(a) in FUTURE_CLASSES and i not in stored:
            args = [a.value if type(a) in FUTURE_CLASSES and i not in stored else a for i, a in enumerate(args)]
            break
    if kwargs and stored is not _STORED_ALL:
        for v in kwargs.values():
            if type(v) in FUTURE_CLASSES:
                kwargs = {k: (v.value if type(v) in FUTURE_CLASSES else v) for k, v in kwargs.items()}
                break
    return args, kwargs


def _bound_container(func: Any) -> Any:
    cls = type(func)
    if cls is _BuiltinMethod or cls is _MethodWrapper:
        owner = func.__self__
        names = _READS_SELF.get(type(owner))
        if names is not None and func.__name__ in names:
            return owner
    return None


def _search(
    value: Any, where: Any, found: list[Any], places: list[tuple[Any, Any, Any]], seen: dict[int, bool]
) -> bool:
    """Record the futures in ``value``; whether there are any.

    ``places`` gets ``(container, where, kind)`` for each container to rewrite,
    innermost first, so that a rebuilt tuple is stored in its parent after
    its own elements were replaced.
    """
    cls = type(value)
    if cls in FUTURE_CLASSES:
        found.append(value)
        places.append((None, where, "future"))
        return True
    if cls in _VIEWS:
        # d.values(), d.items(), d.keys(): their dict is rewritten in place,
        # and the view handed on shows its values.
        mapping = _viewed(value)
        if _search(mapping, None, found, [], seen):
            places.append((mapping, None, "container"))
            return True
        return False
    if cls in CONTAINERS or _is_namedtuple(cls):
        children = _elements
    elif _is_script_instance_type(cls):
        children = _attribute_values
    else:
        return False
    key = id(value)
    if key in seen:
        if seen[key] and where is not None:
            places.append((value, where, "container"))
        return seen[key]
    seen[key] = False  # while it is searched: a container inside itself adds nothing
    any_inside = False
    for child in children(value, cls):
        if _search(child, None, found, [], seen):
            any_inside = True
    seen[key] = any_inside
    if any_inside:
        places.append((value, where, "container"))
    return any_inside


def _elements(value: Any, cls: type) -> Any:
    """What a container holds (a dict's keys and values), or nothing when no element can hold a future."""
    if issubclass(cls, dict):
        # The dict's own views: an OrderedDict's look each key up, which may
        # call a script __hash__.
        kinds = set(map(type, dict.values(value)))
        kinds.update(map(type, dict.keys(value)))
        items: Any = itertools.chain.from_iterable(dict.items(value))
    else:
        kinds = set(map(type, value))
        items = value
    if FUTURE_CLASSES.isdisjoint(kinds) and not any(_searched(k) for k in kinds):
        return ()
    return items


def _attribute_values(value: Any, cls: type) -> list[Any]:
    # A script object's attributes are searched like a dict's values: host
    # code that shows it (a dataclass's repr, json's default=vars) reads them.
    from statek_vm.snapshot.classes import instance_dict, slot_values

    attributes = instance_dict(value)
    values = list(attributes.values()) if attributes else []
    values.extend(v for _, _, v in slot_values(value, cls))
    return values


def _searched(cls: type) -> bool:
    return cls in CONTAINERS or cls in _VIEWS or _is_namedtuple(cls) or _is_script_instance_type(cls)


_VIEWS = frozenset({type({}.keys()), type({}.values()), type({}.items())})


def _viewed(view: Any) -> Any:
    """The dict a view shows (``view.mapping`` is a read-only proxy of it)."""
    (mapping,) = gc.get_referents(view)
    return mapping


_HEAPTYPE = 1 << 9


def _is_script_instance_type(cls: type) -> bool:
    """Whether objects of ``cls`` are the script's own records (searched through their ``__dict__``)."""
    if not cls.__flags__ & _HEAPTYPE or issubclass(cls, type) or cls in FUTURE_CLASSES:
        return False
    # A script class's dict has its module's name; the VM's own objects
    # (script functions and generators, whose __module__ is a property) are
    # not records.
    module = cls.__dict__.get("__module__")
    if type(module) is not str or module.startswith("statek_vm."):
        return False
    from statek_vm.snapshot.classes import travels_by_value

    return travels_by_value(cls)


def _is_namedtuple(cls: type) -> bool:
    # By the type alone: isinstance() and getattr() could run script code
    # (a __class__ property, a metaclass's __getattr__).
    return issubclass(cls, tuple) and cls is not tuple and any("_make" in k.__dict__ for k in cls.__mro__)


def _replace(args: Any, kwargs: dict[str, Any] | None, places: list[tuple[Any, Any, Any]]) -> tuple[Any, Any]:
    from statek_vm.vm.replay import NATIVE_WORK, SNAPSHOTTING

    args = list(args)
    if kwargs:
        kwargs = dict(kwargs)
    memo: dict[int, Any] = {}
    # A dict or set rewritten here hashes its keys again: a script key's
    # __hash__ is answered as it was answered when the key went in, as while
    # a snapshot rebuilds the table (natively nothing is hashed here).
    SNAPSHOTTING.depth += 1
    NATIVE_WORK.depth += 1
    try:
        return _replace_places(args, kwargs, places, memo)
    finally:
        SNAPSHOTTING.depth -= 1
        NATIVE_WORK.depth -= 1


def _replace_places(
    args: list[Any], kwargs: dict[str, Any] | None, places: list[tuple[Any, Any, Any]], memo: dict[int, Any]
) -> tuple[Any, Any]:
    for container, where, kind in places:
        value = _values_of(container, memo) if kind == "container" else None
        if where is None:
            continue
        place, index = where
        if place == "args":
            args[index] = _value(args[index]) if kind == "future" else value
        elif place == "kwargs":
            assert kwargs is not None
            kwargs[index] = _value(kwargs[index]) if kind == "future" else value
    return args, kwargs


def _value(x: Any) -> Any:
    return x._value if type(x) in FUTURE_CLASSES else x


def _values_of(container: Any, memo: dict[int, Any]) -> Any:
    """``container`` with every future inside replaced by its value (already fetched).

    Mutable containers are changed in place and returned; immutable ones come
    back new when something inside changed.
    """
    key = id(container)
    if key in memo:
        return memo[key]
    memo[key] = container  # a container inside itself: the in-place one, or the old tuple
    cls = type(container)
    if cls not in CONTAINERS and not _is_namedtuple(cls):  # a script object: its attributes
        from statek_vm.snapshot.classes import instance_dict, slot_values

        attributes = instance_dict(container)
        if attributes is not None:
            for k, v in list(attributes.items()):
                new = _inner(v, memo)
                if new is not v:
                    attributes[k] = new
        for klass, name, v in slot_values(container, cls):
            new = _inner(v, memo)
            if new is not v:
                klass.__dict__[name].__set__(container, new)  # the slot itself: no __setattr__ runs
        memo[key] = container
        return container
    if issubclass(cls, dict):
        rekey = any(type(k) in FUTURE_CLASSES or type(k) in CONTAINERS for k in container)
        if rekey:
            items = [(_inner(k, memo), _inner(v, memo)) for k, v in dict.items(container)]
            # OrderedDict keeps its own order: its own methods, not dict's.
            native = collections.OrderedDict if cls is collections.OrderedDict else dict
            native.clear(container)
            for k, v in items:
                native.__setitem__(container, k, v)
        else:
            for k, v in list(dict.items(container)):
                new = _inner(v, memo)
                if new is not v:
                    dict.__setitem__(container, k, new)
        result: Any = container
    elif cls is list:
        for i, element in enumerate(container):
            new = _inner(element, memo)
            if new is not element:
                list.__setitem__(container, i, new)
        result = container
    elif cls is collections.deque:
        for i, element in enumerate(list(container)):
            new = _inner(element, memo)
            if new is not element:
                container[i] = new
        result = container
    elif cls is set:
        elements = [_inner(e, memo) for e in container]
        set.clear(container)
        set.update(container, elements)
        result = container
    else:  # tuple, frozenset, a named tuple
        elements = [_inner(e, memo) for e in container]
        if all(new is old for new, old in zip(elements, container, strict=True)):
            result = container
        elif cls is tuple:
            result = tuple(elements)
        elif cls is frozenset:
            result = frozenset(elements)
        else:
            result = cls._make(elements)
    memo[key] = result
    return result


def _inner(x: Any, memo: dict[int, Any]) -> Any:
    cls = type(x)
    if cls in FUTURE_CLASSES:
        return x._value
    if cls in _VIEWS:
        _values_of(_viewed(x), memo)
        return x
    if cls in CONTAINERS or _is_namedtuple(cls) or _is_script_instance_type(cls):
        return _values_of(x, memo)
    return x
