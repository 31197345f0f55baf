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

import _string  # type: ignore[import-not-found]
import array
import bisect
import builtins
import collections
import contextlib
import dataclasses
import functools
import heapq
import inspect
import itertools
import json
import math
import operator
import string
import sys
import types
import warnings
from typing import Any

from statek_vm.program.program import compile_program
from statek_vm.vm.handoff import shown

FILENAME = "<statek_vm runtime>"

SOURCE = """
def load_attr(obj, name):
    # obj.name: object.__getattribute__ and the __getattr__ hook, with the
    # script's parts (property getters, descriptors, __getattribute__,
    # __getattr__) run here, as VM frames.
    tp = _type(obj)
    hook = _lookup(tp, "__getattr__")
    try:
        getattribute = _lookup(tp, "__getattribute__")
        if _is_script(getattribute):
            return getattribute(obj, name)
        descr = _lookup(tp, name)
        if descr is not _MISSING:
            kind = _type(descr)
            if kind is _property and descr.fget is not None:
                return descr.fget(obj)
            if kind is _cached_property and descr.attrname is not None:
                cache = _instance_dict(obj)
                if cache is not None:
                    value = cache.get(descr.attrname, _MISSING)
                    if value is _MISSING:
                        value = descr.func(obj)
                        cache[descr.attrname] = value
                    return value
            get = _lookup(kind, "__get__")
            if _is_script(get):
                if _lookup(kind, "__set__") is not _MISSING or _lookup(kind, "__delete__") is not _MISSING:
                    return get(descr, obj, tp)
                cache = _instance_dict(obj)
                if cache is not None and name in cache:
                    return cache[name]
                return get(descr, obj, tp)
        return getattribute(obj, name)
    except _AttributeError:
        if hook is _MISSING:
            raise
        return hook(obj, name)

def str_(obj):
    # str(obj) of an object whose __str__ (or __repr__) is script code.
    tp = _type(obj)
    method = _lookup(tp, "__str__")
    if method is _object_str:
        return repr_(obj)
    if not _is_script(method):
        return _str(obj)
    result = _value(method(obj))
    if not _issubclass(_type(result), _strtype):
        raise _TypeError(f"__str__ returned non-string (type {_type(result).__name__})")
    return result

def repr_(obj, seen=None):
    tp = _type(obj)
    method = _lookup(tp, "__repr__")
    if _is_script(method):
        result = _value(method(obj))
        if not _issubclass(_type(result), _strtype):
            raise _TypeError(f"__repr__ returned non-string (type {_type(result).__name__})")
        return result
    if tp in _CONTAINERS and _has_script_repr(obj):
        return _container_repr(obj, tp, seen)
    return _repr(obj)

def _container_repr(obj, tp, seen):
    # As list, tuple, dict, set and frozenset show themselves (Py_ReprEnter
    # included), with the script's __repr__ of their elements run here.
    if seen is None:
        seen = _set()
    key = _id(obj)
    if key in seen:
        if tp is _list:
            return "[...]"
        if tp is _tuple:
            return "(...)"
        if tp is _dict:
            return "{...}"
        return tp.__name__ + "(...)"
    seen.add(key)
    try:
        if tp is _dict:
            return "{" + ", ".join([repr_(k, seen) + ": " + repr_(v, seen) for k, v in obj.items()]) + "}"
        parts = ", ".join([repr_(x, seen) for x in obj])
        if tp is _list:
            return "[" + parts + "]"
        if tp is _tuple:
            return "(" + parts + ("," if _len(obj) == 1 else "") + ")"
        if tp is _set:
            return "{" + parts + "}" if obj else "set()"
        return "frozenset({" + parts + "})" if obj else "frozenset()"
    finally:
        seen.discard(key)

def ascii_(obj):
    return _escape(repr_(obj))

def format_(value, spec=""):
    tp = _type(value)
    method = _lookup(tp, "__format__")
    if method is _object_format:
        if spec:
            raise _TypeError(f"unsupported format string passed to {tp.__name__}.__format__")
        return str_(value)
    if not _is_script(method):
        return _format(value, spec)
    result = _value(method(value, spec))
    if not _issubclass(_type(result), _strtype):
        raise _TypeError(f"__format__ must return a str, not {_type(result).__name__}")
    return result

def format_value(value, conversion, spec):
    if conversion == 1:
        value = str_(value)
    elif conversion == 2:
        value = repr_(value)
    elif conversion == 3:
        value = ascii_(value)
    return format_(value, spec)

def print_(*args, sep=" ", end="\\n", file=None, flush=False):
    _print(*[str_(a) for a in args], sep=sep, end=end, file=file, flush=flush)

def compare(a, b, op):
    # a OP b as do_richcompare: the reflected method first when b's type is
    # a proper subclass of a's; NotImplemented passes to the other side.
    name, reflected, symbol = _COMPARISONS[op]
    ta = _type(a)
    tb = _type(b)
    if tb is not ta and _issubclass(tb, ta):
        result = _rich(b, a, reflected, tb)
        if result is not _NotImplemented:
            return result
        result = _rich(a, b, name, ta)
        if result is not _NotImplemented:
            return result
        return _compare_default(a, b, op)
    result = _rich(a, b, name, ta)
    if result is not _NotImplemented:
        return result
    return compare_after(a, b, op)

def _compare_default(a, b, op):
    # Neither side could compare: identity for == and !=, else TypeError.
    if op == 2:
        return a is b
    if op == 3:
        return a is not b
    raise _TypeError(
        f"'{_COMPARISONS[op][2]}' not supported between instances of '{_type(a).__name__}' and '{_type(b).__name__}'"
    )

def _rich(x, y, name, tx):
    method = _lookup(tx, name)
    if method is _MISSING or method is None:
        return _NotImplemented
    if method is _object_ne:
        # object.__ne__ inverts __eq__, whatever defines it.
        result = _rich(x, y, "__eq__", tx)
        if result is _NotImplemented:
            return result
        return not truth(result)
    return method(x, y)

def compare_after(a, b, op):
    # a OP b once a's own method returned NotImplemented (and b's type is
    # not a subclass of a's): b's reflected method, then the default.
    # (As do_richcompare: the reflected method even for the same type.)
    result = _rich(b, a, _COMPARISONS[op][1], _type(b))
    if result is not _NotImplemented:
        return result
    return _compare_default(a, b, op)

def compare_bool_after(a, b, op):
    return truth(compare_after(a, b, op))

def binary_after(a, b, op):
    # a OP b once a's own method returned NotImplemented (and b's reflected
    # one was not due first): b's reflected method, if b's type differs.
    ta = _type(a)
    tb = _type(b)
    if tb is not ta:
        backward = _lookup(tb, _BINARY[op][1])
        if backward is not _MISSING and backward is not None:
            result = backward(b, a)
            if result is not _NotImplemented:
                return result
    _unsupported(a, b, op)

def _unsupported(a, b, op):
    raise _TypeError(
        f"unsupported operand type(s) for {_BINARY[op][3]}: '{_type(a).__name__}' and '{_type(b).__name__}'"
    )

def compare_bool(a, b, op):
    return truth(compare(a, b, op))

def truth(x):
    tp = _type(x)
    if tp is _bool:
        return x
    method = _lookup(tp, "__bool__")
    if method is not _MISSING:
        if not _is_script(method):
            return _native_bool(x)
        result = _value(method(x))
        if _type(result) is not _bool:
            raise _TypeError(f"__bool__ should return bool, returned {_type(result).__name__}")
        return result
    method = _lookup(tp, "__len__")
    if method is not _MISSING:
        if not _is_script(method):
            return _native_bool(x)
        return len_(x) != 0
    return True

def not_(x):
    return not truth(x)

def bool_(x=False, /):
    return truth(x)

def len_(x, /):
    method = _lookup(_type(x), "__len__")
    if not _is_script(method):
        return _native_len(x)
    result = _index(_value(method(x)))
    if result < 0:
        raise _ValueError("__len__() should return >= 0")
    if result > _MAXSIZE:
        raise _OverflowError("cannot fit 'int' into an index-sized integer")
    return result

def contains(container, item, invert):
    tp = _type(container)
    method = _lookup(tp, "__contains__")
    if _is_script(method):
        found = truth(_value(method(container, item)))
    elif tp is _list or tp is _tuple:
        found = False
        for element in container:
            if element is item or truth(compare(element, item, 2)):
                found = True
                break
    elif method is not _MISSING:
        found = _native_contains(container, item)
    else:
        found = False
        for element in container:
            if element is item or truth(compare(element, item, 2)):
                found = True
                break
    return found is not invert  # found ^ invert

def call_object(obj, *args, **kwargs):
    return _lookup(_type(obj), "__call__")(obj, *args, **kwargs)

def binary_op(a, b, op):
    # a OP b (and a OP= b) as CPython orders the methods: the in-place one
    # first; the reflected one first when b's type is a proper subclass of
    # a's that defines it differently; NotImplemented passes to the other.
    name, reflected, inplace, symbol = _BINARY[op]
    if op == 5 or op == 18:
        repeated = _repetition(a, b, op == 18)
        if repeated:
            return repeat(a, b, op == 18) if repeated == 1 else repeat(b, a, False)
    if inplace is not None:
        method = _lookup(_type(a), inplace)
        if method is not _MISSING and method is not None:
            result = method(a, b)
            if result is not _NotImplemented:
                return result
    ta = _type(a)
    tb = _type(b)
    forward = _lookup(ta, name)
    backward = _lookup(tb, reflected) if tb is not ta else _MISSING
    if backward is not _MISSING and _issubclass(tb, ta) and backward is not _lookup(ta, reflected):
        result = backward(b, a)
        if result is not _NotImplemented:
            return result
        if forward is not _MISSING and forward is not None:
            result = forward(a, b)
            if result is not _NotImplemented:
                return result
        _unsupported(a, b, op)
    if forward is not _MISSING and forward is not None:
        result = forward(a, b)
        if result is not _NotImplemented:
            return result
    return binary_after(a, b, op)

def unary_op(value, name, symbol):
    method = _lookup(_type(value), name)
    if method is _MISSING or method is None:
        raise _TypeError(f"bad operand type for unary {symbol}: '{_type(value).__name__}'")
    return method(value)

def getitem(obj, key):
    tp = _type(obj)
    method = _lookup(tp, "__getitem__")
    if _is_script(method):
        return method(obj, key)
    if _script_index_key(method, key):
        return _native_getitem(obj, sequence_key(key))
    if method is _dict_getitem:
        # A dict's __missing__: a script one, or a defaultdict's factory.
        missing = _lookup(tp, "__missing__")
        if missing is not _MISSING and not _dict_contains(obj, key):
            if _is_script(missing):
                return missing(obj, key)
            if missing is _defaultdict_missing:
                factory = obj.default_factory
                if factory is None:
                    raise _KeyError(key)
                value = factory()
                obj[key] = value
                return value
    return _native_getitem(obj, key)

def setitem(obj, key, value):
    method = _lookup(_type(obj), "__setitem__")
    if _is_script(method):
        method(obj, key, value)
    elif _script_index_key(method, key):
        _native_setitem(obj, sequence_key(key), value)
    else:
        _native_setitem(obj, key, value)

def delitem(obj, key):
    method = _lookup(_type(obj), "__delitem__")
    if _is_script(method):
        method(obj, key)
    elif _script_index_key(method, key):
        _native_delitem(obj, sequence_key(key))
    else:
        _native_delitem(obj, key)

def store_attr(obj, name, value):
    tp = _type(obj)
    method = _lookup(tp, "__setattr__")
    if _is_script(method):
        method(obj, name, value)
        return
    descr = _lookup(tp, name)
    kind = _type(descr)
    if kind is _property and descr.fset is not None:
        descr.fset(obj, value)
        return
    setter = _lookup(kind, "__set__") if descr is not _MISSING else _MISSING
    if _is_script(setter):
        setter(descr, obj, value)
        return
    _native_setattr(obj, name, value)

def iter_(obj):
    method = _lookup(_type(obj), "__iter__")
    if not _is_script(method):
        return _native_iter(obj)
    iterator = method(obj)
    if _lookup(_type(iterator), "__next__") is _MISSING:
        raise _TypeError(f"iter() returned non-iterator of type '{_type(iterator).__name__}'")
    return iterator

def sum_all(iterable, /, start=0):
    # sum() of objects whose __add__ or __radd__ is script code.
    total = start
    for element in iterable:
        total = total + element
    return total

def reduce_(function, iterable, *initial):
    if _len(initial) > 1:
        raise _TypeError(f"reduce expected at most 3 arguments, got {_len(initial) + 2}")
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise _TypeError("reduce() of empty iterable with no initial value") from None
    for element in it:
        value = function(value, element)
    return value

def islice_(iterable, *args):
    start, stop, step = _islice_bounds(*args)
    return _islice(iter(iterable), start, stop, step)

def _islice(it, start, stop, step):
    # As itertools.islice steps: skip to the next index, stop at stop.
    count = 0
    upcoming = start
    while True:
        while count < upcoming:
            try:
                next(it)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        count += 1
        upcoming += step
        if stop is not None and upcoming > stop:
            upcoming = stop
        yield item

def chain_(*iterables):
    for iterable in iterables:
        for element in iterable:
            yield element

def groupby_(iterable, key=None):
    # [iterator, key function, target key, current key, current value, current grouper]
    state = [iter(iterable), key, _UNSET, _UNSET, _UNSET, None]
    return _groupby(state)

def _groupby_step(state):
    value = next(state[0])
    state[4] = value
    state[3] = value if state[1] is None else state[1](value)

def _groupby(state):
    while True:
        state[5] = None
        while True:
            if state[3] is _UNSET:
                pass
            elif state[2] is _UNSET:
                break
            elif not (state[2] is state[3] or state[2] == state[3]):
                break
            try:
                _groupby_step(state)
            except StopIteration:
                return
        state[2] = state[3]
        token = [state[2]]
        state[5] = token
        yield state[3], _grouper(state, token)

def _grouper(state, token):
    while state[5] is token:
        if state[4] is _UNSET:
            try:
                _groupby_step(state)
            except StopIteration:
                return
        target = token[0]
        if not (target is state[3] or target == state[3]):
            return
        value = state[4]
        state[4] = _UNSET
        yield value

def takewhile_(predicate, iterable, /):
    return _takewhile(predicate, iter(iterable))

def _takewhile(predicate, it):
    for element in it:
        if not predicate(element):
            return
        yield element

def dropwhile_(predicate, iterable, /):
    return _dropwhile(predicate, iter(iterable))

def _dropwhile(predicate, it):
    for element in it:
        if not predicate(element):
            yield element
            break
    for element in it:
        yield element

def filterfalse_(predicate, iterable, /):
    return _filterfalse(predicate, iter(iterable))

def _filterfalse(predicate, it):
    for element in it:
        if not (element if predicate is None else predicate(element)):
            yield element

def starmap_(function, iterable, /):
    return _starmap(function, iter(iterable))

def _starmap(function, it):
    for args in it:
        yield function(*args)

def accumulate_(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)

def _accumulate(it, func, initial):
    if initial is not None:
        total = initial
        yield total
    else:
        for total in it:
            yield total
            break
        else:
            return
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total

def nlargest_(n, iterable, key=None):
    return sorted_(iterable, key=key, reverse=True)[:n]

def nsmallest_(n, iterable, key=None):
    return sorted_(iterable, key=key)[:n]

def bisect_right_(a, x, lo=0, hi=None, *, key=None):
    if lo < 0:
        raise _ValueError("lo must be non-negative")
    if hi is None:
        hi = _len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo

def bisect_left_(a, x, lo=0, hi=None, *, key=None):
    if lo < 0:
        raise _ValueError("lo must be non-negative")
    if hi is None:
        hi = _len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

def insort_right_(a, x, lo=0, hi=None, *, key=None):
    lo = bisect_right_(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)

def insort_left_(a, x, lo=0, hi=None, *, key=None):
    lo = bisect_left_(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(lo, x)

def attrgetter_(obj, names):
    values = []
    for name in names:
        value = obj
        for part in name.split("."):
            value = load_attr(value, part)
        values.append(value)
    return values[0] if _len(names) == 1 else _tuple(values)

def methodcaller_(obj, name, args, kwargs):
    return load_attr(obj, name)(*args, **kwargs)

def instantiate(cls, args, kwargs):
    # type.__call__ for a class whose __new__ or __init__ is script code.
    new = cls.__new__
    if new is _object_new:
        obj = _object_new(cls)
    else:
        obj = new(cls, *args, **kwargs)
    if not _issubclass(_type(obj), cls):
        return obj
    init = _lookup(_type(obj), "__init__")
    if init is not _object_init:
        result = _value(init(obj, *args, **kwargs))
        if result is not None:
            raise _TypeError(f"__init__() should return None, not '{_type(result).__name__}'")
    return obj

def dataclass_init(init, self, args, kwargs):
    # The __init__ dataclasses generates (its _init_fn), field by field:
    # default factories and __post_init__ may be script code that waits.
    owner, arguments = _dataclass_bind(init, self, args, kwargs)
    frozen = owner.__dataclass_params__.frozen
    slots = "__slots__" in owner.__dict__
    initvars = []
    for f in owner.__dataclass_fields__.values():
        kind = f._field_type
        if kind is _FIELD_CLASSVAR:
            continue
        if kind is _FIELD_INITVAR:
            initvars.append(arguments[f.name])
            continue
        if f.default_factory is not _DC_MISSING:
            if f.init:
                value = arguments[f.name]
                if value is _HAS_DEFAULT_FACTORY:
                    value = f.default_factory()
            else:
                value = f.default_factory()
        elif f.init:
            value = arguments[f.name]
        elif slots and f.default is not _DC_MISSING:
            value = f.default
        else:
            continue
        if frozen:
            _object_setattr(self, f.name, value)
        else:
            store_attr(self, f.name, value)
    if _hasattr(owner, "__post_init__"):
        self.__post_init__(*initvars)

def dataclass_replace(obj, /, **changes):
    # dataclasses.replace: a new instance made by the class, so its
    # __init__ and __post_init__ run on the VM.
    if not _is_dataclass_instance(obj):
        raise _TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise _REPLACE_ERROR(
                    f"field {f.name} is declared with init=False, it cannot be specified with replace()"
                )
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is _DC_MISSING:
                raise _REPLACE_ERROR(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = load_attr(obj, f.name)
    return obj.__class__(**changes)

def class_made(cls, calls):
    # The __init_subclass__ and __set_name__ calls type.__new__ made while
    # the class statement made cls, run after it in the same order.
    for func, args, kwargs in calls:
        func(*args, **kwargs)
    return cls

def total_ordering_(self, other, base, kind):
    # A comparison functools.total_ordering made from the class's own one.
    result = _getattr(_type(self), base)(self, other)
    if result is _NotImplemented:
        return result
    if kind == "not":
        return not result
    if kind == "not_and_ne":
        return not result and self != other
    if kind == "and_ne":
        return result and self != other
    if kind == "or_eq":
        return result or self == other
    return not result or self == other

def lru_cache_(maxsize=128, typed=False):
    # functools.lru_cache for script functions: the wrapper is script code,
    # so a call that waits inside the cached function is resumable.
    if _isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif _callable(maxsize) and _isinstance(typed, bool):
        return lru_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise _TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        if not _is_script_callable(user_function):
            return _native_lru_cache(user_function, maxsize, typed)
        return lru_wrapper(user_function, maxsize, typed)

    return decorating_function

def cache_(user_function, /):
    return lru_wrapper(user_function, None, False)

def lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        if key in cache:
            stats[0] += 1
            result = cache.pop(key)
            cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if key not in cache:
            if maxsize is not None and _len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, _len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
    return _update_wrapper(wrapper, user_function)

def exitstack_enter_context(self, cm):
    # contextlib.ExitStack.enter_context: the manager's __enter__ on the VM.
    cls = _type(cm)
    try:
        enter = cls.__enter__
        exit = cls.__exit__
    except _AttributeError:
        raise _TypeError(
            f"'{cls.__module__}.{cls.__qualname__}' object does not support the context manager protocol"
        ) from None
    result = _MethodType(enter, cm)()
    self._push_cm_exit(cm, exit)
    return result

def exitstack_exit(self, *exc_details):
    # contextlib.ExitStack.__exit__: the callbacks, last pushed first, run as
    # calls on the VM; each gets the exception the ones before left.
    exc = exc_details[1]
    received_exc = exc is not None
    frame_exc = _exc_info()[1]
    suppressed_exc = False
    pending_raise = False
    callbacks = self._exit_callbacks
    while callbacks:
        is_sync, cb = callbacks.pop()
        try:
            if exc is None:
                exc_details = None, None, None
            else:
                exc_details = _type(exc), exc, exc.__traceback__
            unwrapped = _exit_callback(cb)
            if unwrapped is None:
                suppress = cb(*exc_details)
            else:
                callback, args, kwds = unwrapped
                suppress = callback(*args, **kwds) and False
            if suppress:
                suppressed_exc = True
                pending_raise = False
                exc = None
        except BaseException as new_exc:
            # As nested with statements would chain them.
            _fix_exception_context(new_exc, exc, frame_exc)
            pending_raise = True
            exc = new_exc
    if pending_raise:
        try:
            fixed_ctx = exc.__context__
            raise exc
        except BaseException:
            exc.__context__ = fixed_ctx
            raise
    return received_exc and suppressed_exc

def _fix_exception_context(new_exc, old_exc, frame_exc):
    while True:
        exc_context = new_exc.__context__
        if exc_context is None or exc_context is old_exc:
            return
        if exc_context is frame_exc:
            break
        new_exc = exc_context
    new_exc.__context__ = old_exc

def json_dumps_(obj, *, skipkeys=False, cls=None, default=None, sort_keys=False, **kw):
    # json.dumps whose default= (or encoder class's default method) is
    # script code: the objects JSON cannot encode are converted by calling
    # it on the VM first, in the order the encoder would; the text is then
    # made natively.
    if cls is not None:
        encoder = cls(skipkeys=skipkeys, sort_keys=sort_keys, default=default, **kw)
        default = encoder.default
    prepared = json_prepared(obj, default, skipkeys, sort_keys, {})
    return _json_dumps(prepared, skipkeys=skipkeys, sort_keys=sort_keys, **kw)

def json_prepared(o, default, skipkeys, sort_keys, markers):
    if o is None or _isinstance(o, (str, int, float)):
        return o
    marker = _id(o)
    if marker in markers:
        raise _ValueError("Circular reference detected")
    markers[marker] = o
    if _isinstance(o, (list, tuple)):
        result = [json_prepared(v, default, skipkeys, sort_keys, markers) for v in o]
    elif _isinstance(o, dict):
        items = _sorted(o.items()) if sort_keys else o.items()
        result = {}
        for k, v in items:
            if not (k is None or _isinstance(k, (str, int, float))):
                if skipkeys:
                    continue
                raise _TypeError(f"keys must be str, int, float, bool or None, not {_type(k).__name__}")
            result[k] = json_prepared(v, default, skipkeys, sort_keys, markers)
    else:
        result = json_prepared(default(o), default, skipkeys, sort_keys, markers)
    del markers[marker]
    return result

def json_loads_(s, *, object_hook=None, object_pairs_hook=None, **kw):
    # json.loads whose object hooks are script code: the document is parsed
    # natively, then each object is handed to the hook on the VM, inner ones
    # first, in document order, as the decoder does.
    return json_hooked(_json_loads(s, object_pairs_hook=_JsonPairs, **kw), object_hook, object_pairs_hook)

def json_hooked(value, object_hook, object_pairs_hook):
    if _type(value) is _list:
        return [json_hooked(v, object_hook, object_pairs_hook) for v in value]
    if _type(value) is not _JsonPairs:
        return value
    pairs = [(k, json_hooked(v, object_hook, object_pairs_hook)) for k, v in value]
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs)
    result = _dict(pairs)
    return result if object_hook is None else object_hook(result)

def gcm_enter(self):
    # contextlib's @contextmanager: __enter__ runs the generator to its yield.
    del self.args, self.kwds, self.func
    try:
        return next(self.gen)
    except StopIteration:
        raise _RuntimeError("generator didn't yield") from None

def gcm_exit(self, typ, value, traceback):
    if typ is not None:
        return gcm_throw(self, typ, value, traceback)
    try:
        next(self.gen)
    except StopIteration:
        return False
    try:
        raise _RuntimeError("generator didn't stop")
    finally:
        self.gen.close()

def closing_exit(self, *exc_info):
    self.thing.close()

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

# -- numbers: __index__, the numeric conversions and builtins --
# Natively C code calls the script's __index__, __int__, __float__,
# __complex__, __abs__, __round__, __floor__, __ceil__, __trunc__ or
# __pow__; here they run as calls on the VM, in CPython's order, and what
# they return is handed to the native operation (an int, a float), which
# keeps its results and error messages.

def index_(obj, /):
    # operator.index (PyNumber_Index).
    method = _lookup(_type(obj), "__index__")
    if not _is_script(method) or _isinstance(obj, _int):
        return _native_index(obj)
    return _int_result(_value(method(obj)), "__index__")

def range_(*args):
    return _range(*[index_(a) for a in args])

def hex_(number, /):
    return _hex(index_(number))

def oct_(number, /):
    return _oct(index_(number))

def bin_(number, /):
    return _bin(index_(number))

def int_(*args, **kwargs):
    # int(x) (PyNumber_Long): __int__, else __index__, else __trunc__.
    if _len(args) != 1 or kwargs:
        return _native_int(*args, **kwargs)
    x = args[0]
    tp = _type(x)
    method = _lookup(tp, "__int__")
    if method is not _MISSING:
        if not _is_script(method):
            return _native_int(x)
        return _int_result(_value(method(x)), "__int__")
    if _lookup(tp, "__index__") is not _MISSING:
        return index_(x)
    method = _lookup(tp, "__trunc__")
    if not _is_script(method) or not _TRUNC_DELEGATES:
        return _native_int(x)
    _trunc_delegated()
    result = _value(method(x))
    if _isinstance(result, _int):
        return _int_result(result, None)
    if _lookup(_type(result), "__index__") is _MISSING:
        raise _TypeError(f"__trunc__ returned non-Integral (type {_type_name(_type(result))})")
    return index_(result)

def float_(*args):
    # float(x) (PyNumber_Float): __float__, else __index__.
    if _len(args) != 1:
        return _native_float(*args)
    x = args[0]
    tp = _type(x)
    method = _lookup(tp, "__float__")
    if method is not _MISSING:
        if not _is_script(method):
            return _native_float(x)
        return _float_result(x, _value(method(x)))
    if _is_script(_lookup(tp, "__index__")):
        return _native_float(index_(x))
    return _native_float(x)

def _real(x):
    # PyFloat_AsDouble of an object whose __float__ (or __index__) is script code.
    method = _lookup(_type(x), "__float__")
    if _is_script(method):
        return _float_result(x, _value(method(x)))
    return _native_float(index_(x))

def complex_(*args, **kwargs):
    # complex(x): __complex__, else the real number PyNumber_Float makes.
    if _len(args) != 1 or kwargs:
        return _native_complex(*args, **kwargs)
    x = args[0]
    method = _lookup(_type(x), "__complex__")
    if method is not _MISSING:
        if not _is_script(method):
            return _native_complex(x)
        return _complex_result(_value(method(x)))
    if _script_real(x):
        return _native_complex(float_(x))
    return _native_complex(x)

def abs_(x, /):
    method = _lookup(_type(x), "__abs__")
    if _is_script(method):
        return method(x)
    return _native_abs(x)

def round_(number, ndigits=None):
    method = _lookup(_type(number), "__round__")
    if not _is_script(method):
        return _native_round(number, ndigits)
    if ndigits is None:
        return method(number)
    return method(number, ndigits)

def divmod_(a, b, /):
    return binary_op(a, b, _DIVMOD)

def pow_(base, exp, mod=None):
    if mod is None:
        return binary_op(base, exp, _POW)
    # Three-argument pow calls the base's own __pow__ only (no __rpow__).
    method = _lookup(_type(base), "__pow__")
    if not _is_script(method):
        return _native_pow(base, exp, mod)
    result = method(base, exp, mod)
    if result is not _NotImplemented:
        return result
    return _native_pow_after(base, exp, mod)

def floor_(x, /):
    return _rounding(x, "__floor__", _floor)

def ceil_(x, /):
    return _rounding(x, "__ceil__", _ceil)

def _rounding(x, name, native):
    # math.floor/math.ceil: the type's own method, else PyFloat_AsDouble's value.
    method = _lookup(_type(x), name)
    if _is_script(method):
        return method(x)
    if method is _MISSING and not _isinstance(x, _float) and _script_real(x):
        return native(_real(x))
    return _native_call(native, x)

def trunc_(x, /):
    method = _lookup(_type(x), "__trunc__")
    if _is_script(method):
        return method(x)
    return _native_call(_trunc, x)

def sequence_key(key):
    # A sequence's index or slice with its script __index__ parts converted
    # as the native subscript converts them: a slice's step, start, then
    # stop; where the native conversion would fail (a step of 0, a value
    # with no __index__), the rest is left to it.
    if _type(key) is not _slice:
        return index_(key)
    start, stop, step = key.start, key.stop, key.step
    if _has_script_index(step):
        step = index_(step)
        if step == 0:
            return _slice(start, stop, step)
    elif not _native_slice_index(step):
        return key
    if _has_script_index(start):
        start = index_(start)
    elif not _native_slice_index(start):
        return _slice(start, stop, step)
    if _has_script_index(stop):
        stop = index_(stop)
    return _slice(start, stop, step)

def repeat(sequence, count, inplace):
    # sequence * count, the count from a script __index__ (sequence_repeat).
    n = index_(count)
    if inplace:
        sequence *= n
        return sequence
    return sequence * n

# -- string formatting: str.format, str.format_map and %-formatting --
# The format string is parsed as CPython parses it (str.format's by
# _string.formatter_parser, as string.Formatter does), and each field's
# value is fetched and converted here (script properties, __getitem__,
# __str__, __repr__, __format__, __index__, __int__, __float__ as VM calls);
# each converted value is then formatted natively.

def str_format(template, /, *args, **kwargs):
    return _format_string(template, args, kwargs, 2, [0, 0])

def str_format_map(template, mapping, /):
    return _format_string(template, None, mapping, 2, [0, 0])

def _format_string(template, args, kwargs, depth, numbering):
    # build_string: numbering is [state (0 unset, 1 automatic, 2 manual), next automatic index].
    if depth <= 0:
        raise _ValueError("Max string recursion exceeded")
    pieces = []
    for item in _format_items(template):
        if _len(item) == 1:
            raise item[0]
        literal, field_name, spec, conversion = item
        if literal:
            pieces.append(literal)
        if field_name is None:
            continue
        value = _format_field(field_name, args, kwargs, numbering)
        if conversion is not None:
            if conversion == "s":
                value = str_(value)
            elif conversion == "r":
                value = repr_(value)
            elif conversion == "a":
                value = ascii_(value)
            else:
                raise _ValueError(_unknown_conversion(conversion))
        if "{" in spec:
            spec = _format_string(spec, args, kwargs, depth - 1, numbering)
        pieces.append(format_(value, spec))
    return "".join(pieces)

def _format_field(field_name, args, kwargs, numbering):
    first, rest = _field_parts(field_name)
    automatic = first == ""
    if automatic or _type(first) is _int:
        if numbering[0] == 0:
            numbering[0] = 1 if automatic else 2
        if numbering[0] == 2:
            if automatic:
                raise _ValueError("cannot switch from manual field specification to automatic field numbering")
        elif not automatic:
            raise _ValueError("cannot switch from automatic field numbering to manual field specification")
        if automatic:
            first = numbering[1]
            numbering[1] += 1
        if args is None:
            raise _ValueError("Format string contains positional fields")
        if first >= _len(args):
            raise _IndexError(f"Replacement index {first} out of range for positional args tuple")
        value = args[first]
    else:
        value = getitem(kwargs, first)
    for part in rest:
        if _len(part) == 1:
            raise part[0]
        is_attribute, key = part
        value = load_attr(value, key) if is_attribute else getitem(value, key)
    return value

def percent_format(template, args):
    # template % args (PyUnicode_Format).
    args = _shown(args)
    current = args
    if _isinstance(args, _tuple):
        arglen = _tuple_len(args)
        argidx = 0
    else:
        arglen = -1
        argidx = -2
    mapping = args if _percent_mapping(args) else None
    pieces = []
    for item in _percent_parse(template):
        if _type(item) is _strtype:
            pieces.append(item)
            continue
        width = prec = -1
        for step in item:
            kind = step[0]
            if kind == "spec":
                _, flags, parsed_width, parsed_prec, ch, index = step
                break
            if kind == "error":
                raise step[1]
            if kind == "mapping":
                if mapping is None:
                    raise _TypeError("format requires a mapping")
            elif kind == "key":
                current = getitem(mapping, step[1])
                arglen = -1
                argidx = -2
            else:
                # A '*' width or precision: the next argument.
                if argidx >= arglen:
                    raise _TypeError("not enough arguments for format string")
                value = current if arglen < 0 else _tuple_item(current, argidx)
                argidx += 1
                if kind == "width":
                    width = _percent_star(value, True)
                else:
                    prec = _percent_star(value, False)
        if parsed_width is not None:
            width = parsed_width
        elif width < 0:
            flags += "-"
            width = -width
        if parsed_prec is not None:
            prec = parsed_prec
        if argidx >= arglen:
            raise _TypeError("not enough arguments for format string")
        value = current if arglen < 0 else _tuple_item(current, argidx)
        argidx += 1
        pieces.append(_percent_value(value, flags, width, prec, ch, index))
        if mapping is not None and argidx < arglen:
            raise _TypeError("not all arguments converted during string formatting")
    if argidx < arglen and mapping is None:
        raise _TypeError("not all arguments converted during string formatting")
    return "".join(pieces)

def _percent_value(value, flags, width, prec, ch, index):
    # One conversion specifier: the value converted as unicode_format_arg_format converts it.
    if ch == "s":
        return _percent_piece(flags, width, prec, "s", str_(value))
    if ch == "r":
        return _percent_piece(flags, width, prec, "s", repr_(value))
    if ch == "a":
        return _percent_piece(flags, width, prec, "s", ascii_(value))
    if ch in "diuoxX":
        if _percent_integer(value):
            try:
                value = index_(value) if ch in "oxX" else int_(value)
            except _TypeError:
                raise _TypeError(_percent_wrong_type(ch, value)) from None
    elif ch in "eEfFgG":
        if not _isinstance(value, _float) and _script_real(value):
            value = _real(value)
    elif ch == "c":
        if not _isinstance(value, _strtype) and _has_script_index(value):
            try:
                value = index_(value)
            except _TypeError:
                raise _TypeError("%c requires int or char") from None
    else:
        raise _ValueError(_percent_unsupported(ch, index))
    return _percent_piece(flags, width, prec, ch, value)

def template_substitute(self, mapping=_UNSET, /, **kws):
    return _template(self, mapping, kws, False)

def template_safe_substitute(self, mapping=_UNSET, /, **kws):
    return _template(self, mapping, kws, True)

template_substitute.__qualname__ = "Template.substitute"
template_safe_substitute.__qualname__ = "Template.safe_substitute"

def _template(self, mapping, kws, safe):
    # string.Template's substitutions, in the order its pattern finds them;
    # the mapping's __getitem__ and the values' __str__ as VM calls.
    template = self.template
    pieces = []
    end = 0
    for start, stop, named, escaped, invalid, whole in _template_matches(self.pattern, template):
        pieces.append(template[end:start])
        end = stop
        if named is not None:
            try:
                pieces.append(str_(_template_value(mapping, kws, named)))
            except KeyError:
                if not safe:
                    raise
                pieces.append(whole)
        elif escaped is not None:
            pieces.append(self.delimiter)
        elif invalid is not None:
            if safe:
                pieces.append(whole)
            else:
                _template_invalid(self, start)
        else:
            raise _ValueError("Unrecognized named group in pattern", self.pattern)
    pieces.append(template[end:])
    return "".join(pieces)

def _template_value(mapping, kws, key):
    if mapping is _UNSET:
        return getitem(kws, key)
    if not kws:
        return getitem(mapping, key)
    # A ChainMap of the keywords, then the mapping.
    if key in kws:
        return kws[key]
    try:
        return getitem(mapping, key)
    except KeyError:
        pass
    raise KeyError(key)

# -- contextlib's @contextmanager whose with-block raised --

def gcm_throw(self, typ, value, traceback):
    # _GeneratorContextManager.__exit__ with an exception: thrown into the
    # generator at its yield as a VM frame, so its except and finally
    # clauses may wait.
    if value is None:
        value = typ()
    try:
        _gen_throw(self.gen, typ, value, traceback)
    except StopIteration as exc:
        return exc is not value
    except _RuntimeError as exc:
        if exc is value:
            exc.__traceback__ = traceback
            return False
        if _isinstance(value, StopIteration) and exc.__cause__ is value:
            value.__traceback__ = traceback
            return False
        raise
    except BaseException as exc:
        if exc is not value:
            raise
        exc.__traceback__ = traceback
        return False
    try:
        raise _RuntimeError("generator didn't stop after throw()")
    finally:
        self.gen.close()
"""


def _zip_strict_error(iterators: list[Any], position: int) -> None:
    if position:
        raise ValueError(
            f"zip() argument {position + 1} is shorter than argument{'s 1-' if position > 1 else ' '}{position}"
        )
    for i, it in enumerate(iterators[1:], start=2):
        for _ in it:
            raise ValueError(f"zip() argument {i} is longer than argument{'s 1-' if i > 2 else ' '}{i - 1}")


MISSING: Any = object()


def lookup(tp: type, name: str) -> Any:
    """``name`` in the dicts of ``tp``'s MRO, as CPython's ``_PyType_Lookup``."""
    for klass in tp.__mro__:
        found = klass.__dict__.get(name, MISSING)
        if found is not MISSING:
            return found
    return MISSING


def is_script(value: Any) -> bool:
    from statek_vm.vm.objects import VMFunction

    return type(value) is VMFunction


# The native conversions, called from the re-statements for objects with no
# script parts of their own: Python functions, so that script code they
# reach after all (a __str__ deeper down) runs in a nested run, as any host
# call's, rather than asking the instruction to run on the VM again.
def native_str(value: Any) -> str:
    return str(value)


def native_repr(value: Any) -> str:
    return repr(value)


def native_format(value: Any, spec: str = "") -> str:
    return format(value, spec)


_OPERATORS = (
    ("add", "+"), ("and", "&"), ("floordiv", "//"), ("lshift", "<<"), ("matmul", "@"), ("mul", "*"),
    ("mod", "%"), ("or", "|"), ("pow", "**"), ("rshift", ">>"), ("sub", "-"), ("truediv", "/"), ("xor", "^"),
)  # fmt: skip
# BINARY_OP's argument -> (method, reflected method, in-place method, symbol).
BINARY = tuple(
    [(f"__{name}__", f"__r{name}__", None, "** or pow()" if name == "pow" else symbol) for name, symbol in _OPERATORS]
    + [(f"__{name}__", f"__r{name}__", f"__i{name}__", symbol + "=") for name, symbol in _OPERATORS]
    # divmod(), after the operators BINARY_OP numbers
    + [("__divmod__", "__rdivmod__", None, "divmod()")]
)


def future_aware(operation: Any) -> Any:
    """``operation`` as a host function that receives futures as they are.

    The instruction it stands for (a subscript, an attribute store) hands
    its operands over as the native instruction would, futures included.
    """

    def call(*args: Any) -> Any:
        return operation(*args)

    call.__statek_future_aware__ = True  # type: ignore[attr-defined]
    call.__name__ = call.__qualname__ = operation.__name__
    return call


def islice_bounds(*args: Any) -> tuple[int, int | None, int]:
    """islice's start, stop and step, checked as itertools checks them."""
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    bounds = slice(*args)
    values = []
    for value in (bounds.start, bounds.stop):
        if value is not None:
            try:
                value = operator.index(value)
            except TypeError:
                value = -1
            if not 0 <= value <= sys.maxsize:
                what = "Stop argument" if len(args) == 1 else "Indices"
                raise ValueError(f"{what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        values.append(value)
    step = bounds.step
    if step is not None:
        try:
            step = operator.index(step)
        except TypeError:
            step = 0
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
    return (values[0] or 0), values[1], (step or 1)


COMPARISON_NAMES = ("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")


def native_bool(value: Any) -> bool:
    return bool(value)


def native_len(value: Any) -> int:
    return len(value)


def native_contains(container: Any, item: Any) -> bool:
    return item in container


def has_script_repr(value: Any) -> bool:
    """Whether showing container ``value`` reaches a script ``__repr__`` (by the types inside)."""
    todo, seen = [value], set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        items = list(current.items()) if type(current) is dict else list(current)
        kinds: set[type] = set()
        for item in items:
            if type(current) is dict:
                kinds.update((type(item[0]), type(item[1])))
            else:
                kinds.add(type(item))
        for kind in kinds:
            if is_script(lookup(kind, "__repr__")):
                return True
        for item in items:
            for element in item if type(current) is dict else (item,):
                if type(element) in (list, tuple, dict, set, frozenset):
                    todo.append(element)
    return False


DATACLASS_INIT = "__create_fn__.<locals>.__init__"


def is_dataclass_init(func: Any) -> bool:
    """Whether ``func`` is the ``__init__`` that ``dataclasses`` generated for a class."""
    return type(func) is types.FunctionType and func.__code__.co_qualname == DATACLASS_INIT


def dataclass_calls_script(cls: type) -> bool:
    """Whether the generated ``__init__`` of dataclass ``cls`` would call script code."""
    from statek_vm.vm.objects import VMFunction

    if type(lookup(cls, "__post_init__")) is VMFunction or type(lookup(cls, "__setattr__")) is VMFunction:
        return True
    for f in getattr(cls, "__dataclass_fields__", {}).values():
        factory = f.default_factory
        if (
            factory is not dataclasses.MISSING
            and type(factory) is not type
            and not isinstance(factory, types.BuiltinFunctionType)
        ):
            return True
    return False


def dataclass_bind(init: Any, self: Any, args: Any, kwargs: Any) -> tuple[type, dict[str, Any]]:
    """The class whose generated ``__init__`` is ``init``, and its arguments with defaults applied.

    Arguments that do not fit the signature raise the native ``TypeError``:
    ``init`` itself is called, and fails before its body runs.
    """
    owner = next((c for c in type(self).__mro__ if c.__dict__.get("__init__") is init), None)
    if owner is None:  # not found through the instance's class: the function's own qualname
        raise TypeError(f"{init.__qualname__}() is not the __init__ of any class of {type(self).__qualname__!r}")
    try:
        bound = inspect.signature(init).bind(self, *args, **(kwargs or {}))
    except TypeError:
        init(self, *args, **(kwargs or {}))
        raise
    bound.apply_defaults()
    return owner, bound.arguments


def is_script_callable(value: Any) -> bool:
    """Whether calling ``value`` runs script code.

    That is a script function, method or class, or an object with a script ``__call__``.
    """
    from statek_vm.vm.objects import VMFunction

    t = type(value)
    if t is VMFunction:
        return True
    if t is types.MethodType:
        return is_script_callable(value.__func__)
    if t is functools.partial:
        return is_script_callable(value.func)
    if isinstance(value, type):
        return type(lookup(value, "__init__")) is VMFunction or type(lookup(value, "__new__")) is staticmethod
    return type(lookup(t, "__call__")) is VMFunction


def native_lru_cache(user_function: Any, maxsize: int | None, typed: bool) -> Any:
    """functools.lru_cache's own wrapper, for a function that is not script code."""
    return functools.lru_cache(maxsize, typed)(user_function)


_EXIT_WRAPPER = contextlib.ExitStack._create_cb_wrapper(print).__code__  # type: ignore[attr-defined]


def exit_callback(cb: Any) -> tuple[Any, Any, Any] | None:
    """``(callback, args, kwds)`` of a wrapper ``ExitStack.callback`` made, else None."""
    if type(cb) is not types.FunctionType or cb.__code__ != _EXIT_WRAPPER:  # (a copy, after a snapshot)
        return None
    cells = dict(zip(cb.__code__.co_freevars, (c.cell_contents for c in cb.__closure__ or ()), strict=True))
    return cells["callback"], cells["args"], cells["kwds"]


class JsonPairs(list):  # type: ignore[type-arg]
    """A JSON object as parsed, before the script's hook sees it."""


# functools.total_ordering's comparisons: the one it is made from, and how.
TOTAL_ORDERING = {
    functools._gt_from_lt: ("__lt__", "not_and_ne"),  # type: ignore[attr-defined]
    functools._le_from_lt: ("__lt__", "or_eq"),  # type: ignore[attr-defined]
    functools._ge_from_lt: ("__lt__", "not"),  # type: ignore[attr-defined]
    functools._ge_from_le: ("__le__", "not_or_eq"),  # type: ignore[attr-defined]
    functools._lt_from_le: ("__le__", "and_ne"),  # type: ignore[attr-defined]
    functools._gt_from_le: ("__le__", "not"),  # type: ignore[attr-defined]
    functools._lt_from_gt: ("__gt__", "not_and_ne"),  # type: ignore[attr-defined]
    functools._ge_from_gt: ("__gt__", "or_eq"),  # type: ignore[attr-defined]
    functools._le_from_gt: ("__gt__", "not"),  # type: ignore[attr-defined]
    functools._le_from_ge: ("__ge__", "not_or_eq"),  # type: ignore[attr-defined]
    functools._gt_from_ge: ("__ge__", "and_ne"),  # type: ignore[attr-defined]
    functools._lt_from_ge: ("__ge__", "not"),  # type: ignore[attr-defined]
}


def value_of(value: Any) -> Any:
    """``value`` itself: a host function, so a future handed to it arrives resolved."""
    return value


def escape(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")


_namespace: dict[str, Any] | None = None


def namespace() -> dict[str, Any]:
    """The runtime's functions, created on first use (they are VM functions)."""
    global _namespace
    if _namespace is None:
        from statek_vm.snapshot import classes
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
            "_type": type,
            "_isinstance": isinstance,
            "_issubclass": issubclass,
            "_bool": bool,
            "_NotImplemented": NotImplemented,
            "_object_ne": object.__ne__,
            "_COMPARISONS": (
                ("__lt__", "__gt__", "<"),
                ("__le__", "__ge__", "<="),
                ("__eq__", "__eq__", "=="),
                ("__ne__", "__ne__", "!="),
                ("__gt__", "__lt__", ">"),
                ("__ge__", "__le__", ">="),
            ),
            "_native_bool": native_bool,
            "_native_len": native_len,
            "_native_contains": native_contains,
            "_index": operator.index,
            "_UNSET": MISSING,
            "_dict_getitem": dict.__getitem__,
            "_dict_contains": dict.__contains__,
            "_defaultdict_missing": collections.defaultdict.__missing__,
            "_KeyError": KeyError,
            "_RuntimeError": RuntimeError,
            "_islice_bounds": islice_bounds,
            "_object_new": object.__new__,
            "_object_init": object.__init__,
            "_MAXSIZE": sys.maxsize,
            "_OverflowError": OverflowError,
            "_BINARY": BINARY,
            "_native_getitem": future_aware(operator.getitem),
            "_native_setitem": future_aware(operator.setitem),
            "_native_delitem": future_aware(operator.delitem),
            "_native_setattr": future_aware(setattr),
            "_native_iter": future_aware(iter),
            "_str": native_str,
            "_strtype": str,
            "_repr": native_repr,
            "_format": native_format,
            "_id": id,
            "_CONTAINERS": frozenset({list, tuple, dict, set, frozenset}),
            "_has_script_repr": has_script_repr,
            "_print": print,
            "_TypeError": TypeError,
            "_AttributeError": AttributeError,
            "_property": property,
            "_cached_property": functools.cached_property,
            "_object_str": object.__str__,
            "_object_format": object.__format__,
            "_MISSING": MISSING,
            "_lookup": lookup,
            "_is_script": is_script,
            "_instance_dict": classes.instance_dict,
            "_escape": escape,
            "_value": value_of,
            "_dataclass_bind": dataclass_bind,
            "_FIELD_CLASSVAR": dataclasses._FIELD_CLASSVAR,  # type: ignore[attr-defined]
            "_FIELD_INITVAR": dataclasses._FIELD_INITVAR,  # type: ignore[attr-defined]
            "_HAS_DEFAULT_FACTORY": dataclasses._HAS_DEFAULT_FACTORY,  # type: ignore[attr-defined]
            "_DC_MISSING": dataclasses.MISSING,
            "_is_dataclass_instance": dataclasses._is_dataclass_instance,  # type: ignore[attr-defined]
            "_object_setattr": object.__setattr__,
            "_hasattr": hasattr,
            "_getattr": getattr,
            "_MethodType": types.MethodType,
            "_callable": callable,
            "_is_script_callable": is_script_callable,
            "_native_lru_cache": native_lru_cache,
            "_make_key": functools._make_key,
            "_CacheInfo": functools._CacheInfo,
            "_update_wrapper": functools.update_wrapper,
            "_exc_info": sys.exc_info,
            "_exit_callback": exit_callback,
            "_json_dumps": json.dumps,
            "_json_loads": json.loads,
            "_JsonPairs": JsonPairs,
            # What dataclasses.replace raises for a field it cannot set (ValueError before 3.13).
            "_REPLACE_ERROR": TypeError if sys.version_info >= (3, 13) else ValueError,
            # numbers: __index__, the numeric conversions and builtins
            "_int": int,
            "_float": float,
            "_slice": slice,
            "_hex": hex,
            "_oct": oct,
            "_bin": bin,
            "_floor": math.floor,
            "_ceil": math.ceil,
            "_trunc": math.trunc,
            "_DIVMOD": len(BINARY) - 1,
            "_POW": 8,
            "_TRUNC_DELEGATES": sys.version_info < (3, 14),
            "_native_index": native_index,
            "_native_int": native_int,
            "_native_float": native_float,
            "_native_complex": native_complex,
            "_native_abs": native_abs,
            "_native_round": native_round,
            "_native_pow": native_pow,
            "_native_pow_after": native_pow_after,
            "_native_call": native_call,
            "_int_result": int_result,
            "_float_result": float_result,
            "_complex_result": complex_result,
            "_trunc_delegated": trunc_delegated,
            "_type_name": type_name,
            "_script_real": inspects_only(script_real),
            "_has_script_index": inspects_only(has_script_index),
            "_native_slice_index": native_slice_index,
            "_script_index_key": inspects_only(script_index_key),
            "_repetition": inspects_only(repetition),
            # string formatting: str.format, str.format_map and %-formatting
            "_IndexError": IndexError,
            "_format_items": format_items,
            "_field_parts": field_parts,
            "_template_matches": template_matches,
            "_template_invalid": template_invalid,
            "_unknown_conversion": unknown_conversion,
            "_shown": inspects_only(shown),
            "_tuple_len": inspects_only(tuple.__len__),
            "_tuple_item": inspects_only(tuple.__getitem__),
            "_percent_mapping": inspects_only(percent_mapping),
            "_percent_parse": percent_parse,
            "_percent_star": percent_star,
            "_percent_piece": percent_piece,
            "_percent_integer": inspects_only(percent_integer),
            "_percent_wrong_type": inspects_only(percent_wrong_type),
            "_percent_unsupported": percent_unsupported,
            # contextlib's @contextmanager whose with-block raised
            "_gen_throw": generator_throw,
        }
        frame = Frame(program.main, ns, builtins.__dict__, ns)
        frame.ret_mode = RET_BASE
        Interpreter().run(frame, frame, resumable=False)
        _namespace = ns
    return _namespace


# Methods of library classes that call script code, by their function: the
# name of their runtime version (called with the instance first).
RESTATED_METHODS: dict[Any, str] = {
    string.Template.substitute: "template_substitute",
    string.Template.safe_substitute: "template_safe_substitute",
    contextlib._GeneratorContextManager.__enter__: "gcm_enter",
    contextlib._GeneratorContextManager.__exit__: "gcm_exit",
    contextlib.closing.__exit__: "closing_exit",
    contextlib.ExitStack.__exit__: "exitstack_exit",
    contextlib.ExitStack.enter_context: "exitstack_enter_context",
}

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
    functools.reduce: "reduce_",
    itertools.islice: "islice_",
    itertools.chain: "chain_",
    itertools.groupby: "groupby_",
    itertools.takewhile: "takewhile_",
    itertools.dropwhile: "dropwhile_",
    itertools.filterfalse: "filterfalse_",
    itertools.starmap: "starmap_",
    itertools.accumulate: "accumulate_",
    heapq.nlargest: "nlargest_",
    heapq.nsmallest: "nsmallest_",
    bisect.bisect_right: "bisect_right_",
    bisect.bisect_left: "bisect_left_",
    bisect.insort_right: "insort_right_",
    bisect.insort_left: "insort_left_",
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


# -- numbers: host helpers of the runtime's numeric re-statements --------------

_HEAPTYPE = 1 << 9


def inspects_only(helper: Any) -> Any:
    """Mark a host helper that only looks at the types of the script's values it is handed.

    It gets them as they are: the VM's search for futures to resolve before
    a host call (statek_vm/vm/handoff.py) would otherwise look inside them,
    and suspend on a future where the native operation does not.
    """
    return future_aware(helper)


def type_name(tp: type) -> str:
    """``tp``'s ``tp_name``, as CPython's messages show a type."""
    if tp.__flags__ & _HEAPTYPE or tp.__module__ == "builtins":
        return tp.__name__
    return f"{tp.__module__}.{tp.__qualname__}"


_DEPRECATED_SUBCLASS = (
    "{}.  The ability to return an instance of a strict subclass of {} is deprecated, "
    "and may be removed in a future version of Python."
)


def int_result(result: Any, name: str | None) -> int:
    """The int that what a script ``__index__``/``__int__`` (``name``) returned stands for.

    With ``name`` None, a ``__trunc__``'s int: an int subclass is copied silently.
    """
    if type(result) is int:
        return result
    if name is not None:
        message = f"{name} returned non-int (type {type_name(type(result))})"
        if not isinstance(result, int):
            raise TypeError(message)
        warnings.warn(_DEPRECATED_SUBCLASS.format(message, "int"), DeprecationWarning, stacklevel=2)
    return int.__index__(result)


def float_result(obj: Any, result: Any) -> float:
    """The float that what ``obj``'s script ``__float__`` returned stands for."""
    if type(result) is float:
        return result
    message = f"{type_name(type(obj))}.__float__ returned non-float (type {type_name(type(result))})"
    if not isinstance(result, float):
        raise TypeError(message)
    warnings.warn(_DEPRECATED_SUBCLASS.format(message, "float"), DeprecationWarning, stacklevel=2)
    return float.__float__(result)


def complex_result(result: Any) -> complex:
    if type(result) is complex:
        return result
    message = f"__complex__ returned non-complex (type {type_name(type(result))})"
    if not isinstance(result, complex):
        raise TypeError(message)
    warnings.warn(_DEPRECATED_SUBCLASS.format(message, "complex"), DeprecationWarning, stacklevel=2)
    return complex.__complex__(result)


def trunc_delegated() -> None:
    warnings.warn("The delegation of int() to __trunc__ is deprecated.", DeprecationWarning, stacklevel=2)


def has_script_index(value: Any) -> bool:
    """Whether converting ``value`` to an index calls a script ``__index__``."""
    return is_script(lookup(type(value), "__index__")) and not isinstance(value, int)


def script_real(value: Any) -> bool:
    """Whether ``value``'s real number comes from a script ``__float__`` (or ``__index__``)."""
    method = lookup(type(value), "__float__")
    if method is MISSING:
        return has_script_index(value)
    return is_script(method)


def native_slice_index(value: Any) -> bool:
    """Whether a slice's ``value`` converts natively (None, or a native ``__index__``)."""
    return value is None or lookup(type(value), "__index__") is not MISSING


# The subscripts of the native sequences, which convert their index with __index__.
_SEQUENCE_SUBSCRIPTS = frozenset(
    id(getattr(tp, name))
    for tp in (list, tuple, str, bytes, bytearray, range, memoryview, collections.deque, array.array)
    for name in ("__getitem__", "__setitem__", "__delitem__")
    if hasattr(tp, name)
)


def script_index_key(method: Any, key: Any) -> bool:
    """Whether native subscript ``method`` (a sequence's) calls a script ``__index__`` of ``key``."""
    if id(method) not in _SEQUENCE_SUBSCRIPTS:
        return False
    if type(key) is slice:
        return has_script_index(key.start) or has_script_index(key.stop) or has_script_index(key.step)
    return has_script_index(key)


_REPEATED = (str, bytes, bytearray, list, tuple, collections.deque, array.array)
_MULTIPLY = ("__mul__", "__rmul__", "__imul__")


def repetition(a: Any, b: Any, inplace: bool) -> int:
    """For ``a * b``: 1 when ``a`` is a sequence repeated by ``b``'s script ``__index__``, 2 when ``b`` is repeated.

    0 otherwise, and whenever a script multiplication method comes first.
    """
    ta, tb = type(a), type(b)
    for name in _MULTIPLY if inplace else _MULTIPLY[:2]:
        if is_script(lookup(ta, name)) or is_script(lookup(tb, name)):
            return 0
    if issubclass(ta, _REPEATED):
        return 1 if has_script_index(b) else 0
    if issubclass(tb, _REPEATED):
        return 2 if has_script_index(a) else 0
    return 0


# The native operations, called from the re-statements for what has no
# script parts of its own (as native_str is).
def native_index(value: Any) -> int:
    return operator.index(value)


def native_int(*args: Any, **kwargs: Any) -> int:
    return int(*args, **kwargs)


def native_float(*args: Any) -> float:
    return float(*args)


def native_complex(*args: Any, **kwargs: Any) -> complex:
    return complex(*args, **kwargs)


def native_abs(value: Any) -> Any:
    return abs(value)


def native_round(number: Any, ndigits: Any) -> Any:
    return round(number, ndigits)


def native_pow(base: Any, exp: Any, mod: Any) -> Any:
    return pow(base, exp, mod)


def native_pow_after(base: Any, exp: Any, mod: Any) -> Any:
    """Three-argument pow once the base's script ``__pow__`` returned NotImplemented."""
    if isinstance(base, (int, float, complex)):
        return pow(base, exp, mod)  # a native base class's own power (its __pow__ runs again)
    raise TypeError(
        "unsupported operand type(s) for ** or pow(): "
        f"'{type_name(type(base))}', '{type_name(type(exp))}', '{type_name(type(mod))}'"
    )


def native_call(func: Any, *args: Any) -> Any:
    return func(*args)


def generator_throw(gen: Any, typ: Any, value: Any, traceback: Any) -> Any:
    """``gen.throw`` as ``_GeneratorContextManager.__exit__`` calls it on this CPython.

    Script code calls it through the VM (special_calls.py), which throws
    into a script generator as a VM frame.
    """
    if THROW_TAKES_TYPE:
        return gen.throw(typ, value, traceback)
    return gen.throw(value)


# contextlib calls gen.throw(typ, value, traceback) before CPython 3.12.
THROW_TAKES_TYPE = sys.version_info < (3, 12)


# -- string formatting: host helpers of the runtime's str.format and %-formatting --


def format_items(template: str) -> list[Any]:
    """``_string.formatter_parser(template)`` as a list (a snapshot keeps it); an error ends it as ``(error,)``."""
    items: list[Any] = []
    try:
        for item in _string.formatter_parser(template):
            items.append(item)
    except ValueError as error:
        items.append((error,))
    return items


def field_parts(field_name: str) -> tuple[Any, list[Any]]:
    """``_string.formatter_field_name_split(field_name)``, its rest as a list; an error ends it as ``(error,)``."""
    first, rest = _string.formatter_field_name_split(field_name)
    parts: list[Any] = []
    try:
        for part in rest:
            parts.append(part)
    except ValueError as error:
        parts.append((error,))
    return first, parts


def template_matches(pattern: Any, template: str) -> list[tuple[Any, ...]]:
    """What ``string.Template``'s substitutions use of each match of its pattern."""
    return [
        (
            mo.start(),
            mo.end(),
            mo.group("named") or mo.group("braced"),
            mo.group("escaped"),
            mo.group("invalid"),
            mo.group(),
        )
        for mo in pattern.finditer(template)
    ]


def template_invalid(template: Any, start: int) -> None:
    """``template._invalid`` of the match at ``start``: the ValueError naming its line and column."""
    template._invalid(template.pattern.search(template.template, start))
    raise ValueError("Unrecognized named group in pattern", template.pattern)


def unknown_conversion(conversion: str) -> str:
    shown = conversion if 32 < ord(conversion) < 127 else f"\\x{ord(conversion):x}"
    return f"Unknown conversion specifier {shown}"


def percent_mapping(args: Any) -> bool:
    """Whether %-formatting takes ``args`` as its mapping (PyMapping_Check, not a tuple or str)."""
    if isinstance(args, (tuple, str, collections.deque)):  # (a deque has no mp_subscript)
        return False
    return lookup(type(args), "__getitem__") is not MISSING


_INT_MAX = 2**31 - 1


def percent_parse(fmt: str) -> list[Any]:
    """``fmt``'s literal text and conversion specifiers, read as PyUnicode_Format reads them.

    A specifier is a list of steps for the runtime's ``percent_format``, in
    the order CPython takes them: ``("mapping",)`` (a key follows: the
    arguments must be a mapping), ``("key", key)``, ``("width",)`` and
    ``("precision",)`` (a ``*`` takes the next argument), then ``("spec",
    flags, width, precision, char, index)`` (width and precision None when
    a ``*`` gave them, -1 when absent).  A specifier CPython rejects ends
    with ``("error", exception)``, and nothing after it is read.
    """
    items: list[Any] = []
    n = len(fmt)
    pos = 0
    while pos < n:
        if fmt[pos] != "%":
            end = fmt.find("%", pos)
            end = n if end < 0 else end
            items.append(fmt[pos:end])
            pos = end
            continue
        pos += 1
        if pos < n and fmt[pos] == "%":
            items.append("%")
            pos += 1
            continue
        steps: list[Any] = []
        items.append(steps)
        left = n - pos  # CPython's fmtcnt: the characters from pos on
        ch = fmt[pos] if pos < n else "\0"
        if ch == "(":
            steps.append(("mapping",))
            pos += 1
            left -= 1
            start, depth = pos, 1
            while depth > 0:
                left -= 1
                if left < 0:
                    break
                ch = fmt[pos]
                depth += (ch == "(") - (ch == ")")
                pos += 1
            if left < 0 or depth > 0:
                steps.append(("error", ValueError("incomplete format key")))
                return items
            steps.append(("key", fmt[start : pos - 1]))
        flags = ""
        while True:
            left -= 1
            if left < 0:
                break
            ch = fmt[pos]
            pos += 1
            if ch not in ("-", "+", " ", "#", "0"):
                break
            flags += ch
        width: int | None = -1
        if ch == "*":
            steps.append(("width",))
            width = None
            left -= 1
            if left >= 0:
                ch = fmt[pos]
                pos += 1
        elif "0" <= ch <= "9":
            width, ch, pos, left, error = _percent_digits(fmt, ch, pos, left, sys.maxsize, "width too big")
            if error is not None:
                steps.append(("error", error))
                return items
        precision: int | None = -1
        if ch == ".":
            precision = 0
            left -= 1
            if left >= 0:
                ch = fmt[pos]
                pos += 1
            if ch == "*":
                steps.append(("precision",))
                precision = None
                left -= 1
                if left >= 0:
                    ch = fmt[pos]
                    pos += 1
            elif "0" <= ch <= "9":
                precision, ch, pos, left, error = _percent_digits(fmt, ch, pos, left, _INT_MAX, "precision too big")
                if error is not None:
                    steps.append(("error", error))
                    return items
        if left >= 0 and ch in ("h", "l", "L"):
            left -= 1
            if left >= 0:
                ch = fmt[pos]
                pos += 1
        if left < 0:
            steps.append(("error", ValueError("incomplete format")))
            return items
        steps.append(("spec", flags, width, precision, ch, pos - 1))
    return items


def _percent_digits(fmt: str, ch: str, pos: int, left: int, limit: int, too_big: str) -> Any:
    """A width or precision's digits, the first one ``ch`` already read."""
    value = ord(ch) - 48
    while True:
        left -= 1
        if left < 0:
            break
        ch = fmt[pos]
        pos += 1
        if not "0" <= ch <= "9":
            break
        if value > (limit - (ord(ch) - 48)) // 10:
            return value, ch, pos, left, ValueError(too_big)
        value = value * 10 + ord(ch) - 48
    return value, ch, pos, left, None


def percent_star(value: Any, width: bool) -> int:
    """The width (or precision) a ``*`` takes from ``value``."""
    if not isinstance(value, int):
        raise TypeError("* wants int")
    if width:
        if not -sys.maxsize - 1 <= value <= sys.maxsize:
            raise OverflowError("Python int too large to convert to C ssize_t")
        return int(value)
    if not -_INT_MAX - 1 <= value <= _INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    return max(int(value), 0)


def percent_piece(flags: str, width: int, precision: int, ch: str, value: Any) -> str:
    """One specifier applied natively to its converted value."""
    spec = "%" + flags + (str(width) if width >= 0 else "") + (f".{precision}" if precision >= 0 else "") + ch
    return spec % (value,)


def percent_integer(value: Any) -> bool:
    """Whether %d/%x's conversion of ``value`` (a number, not an int) may call script code."""
    if isinstance(value, int):
        return False
    tp = type(value)
    methods = [lookup(tp, name) for name in ("__index__", "__int__", "__float__")]
    if all(method is MISSING for method in methods) and not isinstance(value, complex):
        return False  # not a number (PyNumber_Check): the native message
    return any(is_script(method) for method in methods[:2]) or is_script(lookup(tp, "__trunc__"))


def percent_wrong_type(ch: str, value: Any) -> str:
    wanted = "an integer" if ch in "oxX" else "a real number"
    return f"%{ch} format: {wanted} is required, not {type_name(type(value))}"


def percent_unsupported(ch: str, index: int) -> str:
    shown = ch if 31 <= ord(ch) <= 126 else "?"
    return f"unsupported format character '{shown}' (0x{ord(ch):x}) at index {index}"
