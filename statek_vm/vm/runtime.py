"""Builtins that call back into script code, re-stated as script code.

``sum(x for x in items)``, ``sorted(rows, key=lambda r: ...)``,
``list(map(f, xs))``: natively, the builtin is host code that calls the
script's generator or function, so a suspension inside would have to cross a
host frame (DESIGN.md, point 5) and could not be resumed.  When a builtin
below receives a script generator or a script function, the VM calls the
version written here instead.  It runs on the VM like the script itself, so
the iteration is resumable; whatever does not involve script code (comparing,
adding, building the result) is still done by the native builtin, which keeps
the semantics, including error messages, native.
"""

from __future__ import annotations

import builtins
import collections
import types
from typing import Any

from statek_vm.program.program import compile_program

FILENAME = "<statek_vm runtime>"

SOURCE = """
def drain(iterable):
    return [x for x in iterable]

def list_(iterable=(), /):
    return _list(drain(iterable))

def tuple_(iterable=(), /):
    return _tuple(drain(iterable))

def set_(iterable=(), /):
    return _set(drain(iterable))

def frozenset_(iterable=(), /):
    return _frozenset(drain(iterable))

def dict_(*args, **kwargs):
    if args and not hasattr(args[0], "keys"):
        args = (drain(args[0]),) + args[1:]
    return _dict(*args, **kwargs)

def counter_(iterable=None, /, **kwds):
    if iterable is not None and not hasattr(iterable, "keys"):
        iterable = drain(iterable)
    return _Counter(iterable, **kwds)

def ordered_dict(*args, **kwargs):
    if args and not hasattr(args[0], "keys"):
        args = (drain(args[0]),) + args[1:]
    return _OrderedDict(*args, **kwargs)

def deque_(iterable=(), maxlen=None):
    return _deque(drain(iterable), maxlen)

def sum_(iterable, /, start=0):
    return _sum(drain(iterable), start)

def join(separator, iterable, /):
    return separator.join(drain(iterable))

def any_(iterable, /):
    for element in iterable:
        if element:
            return True
    return False

def all_(iterable, /):
    for element in iterable:
        if not element:
            return False
    return True

def keyed_order(items, key, reverse):
    keys = [key(item) for item in items]
    return _sorted(_range(_len(items)), key=keys.__getitem__, reverse=reverse)

def sorted_(iterable, /, *, key=None, reverse=False):
    items = drain(iterable)
    if key is None:
        return _sorted(items, reverse=reverse)
    return [items[i] for i in keyed_order(items, key, reverse)]

def list_sort(items, /, *, key=None, reverse=False):
    if key is None:
        return items.sort(reverse=reverse)
    # As CPython's: the list is empty while the keys are computed; what the
    # key functions put in it is dropped, and is an error once sorted.
    saved = _list(items)
    items.clear()
    try:
        order = keyed_order(saved, key, reverse)
        saved = [saved[i] for i in order]
    finally:
        modified = _len(items) != 0
        items[:] = saved
    if modified:
        raise _ValueError("list modified during sort")

def min_(*args, key=None, **kwargs):
    return _extreme(_min, args, key, kwargs)

def max_(*args, key=None, **kwargs):
    return _extreme(_max, args, key, kwargs)

def _extreme(pick, args, key, kwargs):
    items = drain(args[0]) if _len(args) == 1 else _list(args)
    if key is None:
        return pick(items, **kwargs)
    keys = [key(item) for item in items]
    if not items:
        return pick(items, **kwargs)
    return items[pick(_range(_len(items)), key=keys.__getitem__)]

def enumerate_(iterable, start=0):
    n = start
    for element in iterable:
        yield n, element
        n += 1

def zip_(*iterables, strict=False):
    if not iterables:
        return
    iterators = [iter(it) for it in iterables]
    while True:
        row = []
        for it in iterators:
            for element in it:
                row.append(element)
                break
            else:
                if strict and (row or _len(iterators) > 1):
                    _zip_strict_error(iterators, _len(row))
                return
        yield _tuple(row)

def map_(function, *iterables):
    if _len(iterables) == 1:
        for element in iterables[0]:
            yield function(element)
    else:
        for args in zip_(*iterables):
            yield function(*args)

def filter_(function, iterable, /):
    for element in iterable:
        if (element if function is None else function(element)):
            yield element
"""


def _zip_strict_error(iterators: list[Any], position: int) -> None:
    if position:
        raise ValueError(
            f"zip() argument {position + 1} is shorter than argument{'s 1-' if position > 1 else ' '}{position}"
        )
    for i, it in enumerate(iterators[1:], start=2):
        for _ in it:
            raise ValueError(f"zip() argument {i} is longer than argument{'s 1-' if i > 2 else ' '}{i - 1}")


_namespace: dict[str, Any] | None = None


def namespace() -> dict[str, Any]:
    """The runtime's functions, created on first use (they are VM functions)."""
    global _namespace
    if _namespace is None:
        from statek_vm.vm.frame import RET_BASE, Frame
        from statek_vm.vm.interpreter import Interpreter

        program = compile_program(SOURCE, FILENAME)
        for unit in program.units:
            unit.depth_step = 0
        ns: dict[str, Any] = {
            "__name__": "statek_vm.runtime",
            "__builtins__": builtins.__dict__,
            "_list": list,
            "_tuple": tuple,
            "_set": set,
            "_frozenset": frozenset,
            "_dict": dict,
            "_Counter": collections.Counter,
            "_OrderedDict": collections.OrderedDict,
            "_deque": collections.deque,
            "_sum": sum,
            "_sorted": sorted,
            "_min": min,
            "_max": max,
            "_len": len,
            "_range": range,
            "_ValueError": ValueError,
            "_zip_strict_error": _zip_strict_error,
        }
        frame = Frame(program.main, ns, builtins.__dict__, ns)
        frame.ret_mode = RET_BASE
        Interpreter().run(frame, frame, resumable=False)
        _namespace = ns
    return _namespace


# builtin -> name of its runtime version, used when a script generator or a
# script function is among the arguments.
REPLACEMENTS: dict[Any, str] = {
    list: "list_",
    tuple: "tuple_",
    set: "set_",
    frozenset: "frozenset_",
    dict: "dict_",
    collections.Counter: "counter_",
    collections.OrderedDict: "ordered_dict",
    collections.deque: "deque_",
    sum: "sum_",
    any: "any_",
    all: "all_",
    sorted: "sorted_",
    min: "min_",
    max: "max_",
    enumerate: "enumerate_",
    zip: "zip_",
    map: "map_",
    filter: "filter_",
}

_ = types
