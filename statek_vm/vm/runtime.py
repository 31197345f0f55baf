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
import abc
import array
import bisect
import builtins
import collections
import collections.abc
import contextlib
import copyreg
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

from statek_vm.program.program import Program, compile_program
from statek_vm.vm.handoff import shown

FILENAME = "<statek_vm runtime>"
# The runtime's __name__: the __module__ of its functions and classes.
NAMESPACE_NAME = "statek_vm.runtime"

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
    # (after the except: natively the hook's exceptions have no context of the failed lookup)
    try:
        return hook(obj, name)
    except _AttributeError as e:
        # as PyObject_GetAttr augments it, for the "Did you mean" suggestions
        if e.name is None and e.obj is None:
            e.name = name
            e.obj = obj
        raise

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
    if method is _MISSING and _isinstance(obj, _type):
        # A class subscripted (Registry["alias"]): its __class_getitem__.
        hook = getattr(obj, "__class_getitem__", _MISSING)
        if hook is not _MISSING:
            return hook(key)
    if _script_index_key(method, key):
        return _native_getitem(obj, sequence_key(key))
    if method is _dict_getitem:
        # A dict's __missing__: a script one, or a defaultdict's factory.
        # One lookup, as natively (the key's __hash__ may be script code).
        missing = _lookup(tp, "__missing__")
        if _is_script(missing) or missing is _defaultdict_missing:
            value = _dict_lookup(obj, key, _UNSET)
            if value is not _UNSET:
                return value
            if _is_script(missing):
                return missing(obj, key)
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

def delete_attr(obj, name):
    # del obj.name, delattr(obj, name): a script __delattr__, a property's
    # deleter or a script descriptor's __delete__ run here, as VM frames.
    tp = _type(obj)
    method = _lookup(tp, "__delattr__")
    if _is_script(method):
        method(obj, name)
        return
    descr = _lookup(tp, name)
    kind = _type(descr)
    if kind is _property and descr.fdel is not None:
        descr.fdel(obj)
        return
    deleter = _lookup(kind, "__delete__") if descr is not _MISSING else _MISSING
    if _is_script(deleter):
        deleter(descr, obj)
        return
    _native_delattr(obj, name)

def getattr_(obj, name, *default):
    # getattr() of an object whose __getattribute__ is script code.
    if not default:
        return load_attr(obj, name)
    try:
        return load_attr(obj, name)
    except AttributeError:
        return default[0]

def hasattr_(obj, name):
    # hasattr() of an object whose attribute loading is script code.
    try:
        load_attr(obj, name)
    except AttributeError:
        return False
    return True

def iter_(obj):
    return iterator_(obj)

def sum_all(iterable, /, start=0):
    # sum() of objects whose __add__ or __radd__ is script code.
    total = start
    for element in iterable:
        total = total + element
    return total

def reduce_(function, iterable, *initial):
    if _len(initial) > 1:
        raise _TypeError(f"reduce expected at most 3 arguments, got {_len(initial) + 2}")
    it = iterator_(iterable)
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
    start, stop, step = _islice_bounds(*islice_arguments(args))
    return _islice(iterator_(iterable), start, stop, step)

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

def load_name(ns, name, globals, builtins):
    # LOAD_NAME in a class body whose namespace (a metaclass's __prepare__)
    # has a script __getitem__: as CPython's, a KeyError falls through.
    try:
        return ns[name]
    except _KeyError:
        pass
    value = globals.get(name, _MISSING)
    if value is _MISSING:
        value = builtins.get(name, _MISSING)
        if value is _MISSING:
            raise NameError(f"name '{name}' is not defined", name=name)
    return value

def build_class_(func, name, /, *bases, **kwds):
    # A class statement whose base has a script __mro_entries__, or whose
    # metaclass has a script __prepare__: those called here (as
    # __build_class__ calls them), then the body by the VM.
    orig_bases = bases
    resolved = []
    changed = False
    for base in bases:
        if _isinstance(base, _type):
            resolved.append(base)
            continue
        entries_of = getattr(base, "__mro_entries__", None)
        if entries_of is None:
            resolved.append(base)
            continue
        entries = entries_of(bases)
        if not _isinstance(entries, _tuple):
            raise _TypeError("__mro_entries__ must return a tuple")
        resolved.extend(entries)
        changed = True
    if changed:
        bases = _tuple(resolved)
    meta = _class_meta(kwds.pop("metaclass", None), bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return _class_body(func, meta, name, bases, orig_bases, kwds, ns)

def match_class_(subject, cls, nargs, names, self_types, /):
    # MATCH_CLASS whose attribute reads (a property's getter, a __getattr__)
    # or isinstance check reached script code: as CPython's match_class, here.
    if not _isinstance(cls, _type):
        raise _TypeError("called match pattern must be a class")
    if not isinstance(subject, cls):
        return None
    attrs = []
    seen = []
    if nargs:
        match_self = False
        try:
            match_args = cls.__match_args__
        except _AttributeError:
            match_self = any(c in self_types for c in cls.__mro__)
            match_args = ()
        else:
            if not _isinstance(match_args, _tuple):
                raise _TypeError(f"{cls.__name__}.__match_args__ must be a tuple (got {_type(match_args).__name__})")
        allowed = 1 if match_self else _len(match_args)
        if allowed < nargs:
            plural = "" if allowed == 1 else "s"
            raise _TypeError(f"{cls.__name__}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)")
        if match_self:
            attrs.append(subject)
        else:
            for name in match_args[:nargs]:
                if not _isinstance(name, _strtype):
                    raise _TypeError(f"__match_args__ elements must be strings (got {_type(name).__name__})")
                if name in seen:
                    raise _TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
                seen.append(name)
                value = getattr(subject, name, _MISSING)
                if value is _MISSING:
                    return None
                attrs.append(value)
    for name in names:
        if name in seen:
            raise _TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
        seen.append(name)
        value = getattr(subject, name, _MISSING)
        if value is _MISSING:
            return None
        attrs.append(value)
    return _tuple(attrs)

def eg_split_(group, condition, /):
    # BaseExceptionGroup.split(condition) with a script predicate: as
    # CPython's exceptiongroup_split_recursive, the predicate called here.
    return _eg_split(group, condition, True)

def eg_subgroup_(group, condition, /):
    return _eg_split(group, condition, False)[0]

def _eg_split(exc, condition, construct_rest):
    if condition(exc):
        return exc, None
    if not _isinstance(exc, BaseExceptionGroup):
        return None, (exc if construct_rest else None)
    matches = []
    rests = []
    for e in exc.exceptions:
        match, rest = _eg_split(e, condition, construct_rest)
        if match is not None:
            matches.append(match)
        if rest is not None:
            rests.append(rest)
    return _eg_subset(exc, matches), (_eg_subset(exc, rests) if construct_rest else None)

def _eg_subset(orig, excs):
    if not excs:
        return None
    group = orig.derive(excs)
    if not _isinstance(group, BaseExceptionGroup):
        raise _TypeError("derive must return an instance of BaseExceptionGroup")
    if orig.__traceback__ is not None:
        group.__traceback__ = orig.__traceback__
    group.__context__ = orig.__context__
    group.__cause__ = orig.__cause__
    notes = getattr(orig, "__notes__", _MISSING)
    if notes is not _MISSING and _lookup(_type(notes), "__getitem__") is not _MISSING and not _isinstance(notes, dict):
        group.__notes__ = _list(notes)  # (each part has a list of its own)
    return group

def dict_fromkeys(cls, iterable, value=None, /):
    # dict.fromkeys (OrderedDict's, a dict subclass's) of a script iterable:
    # its keys taken on the VM, each stored as natively.
    d = cls()
    for key in iterable:
        d[key] = value
    return d

def chain_from_iterable(cls, iterables, /):
    return _chain_from(iter(iterables))

def _chain_from(iterables):
    for iterable in iterables:
        for element in iterable:
            yield element

def groupby_(iterable, key=None):
    # [iterator, key function, target key, current key, current value, current grouper]
    state = [iterator_(iterable), key, _UNSET, _UNSET, _UNSET, None]
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

def pairwise_(iterable, /):
    return _pairwise(iterator_(iterable))

def _pairwise(it):
    for a in it:
        for b in it:
            yield (a, b)
            a = b
        return

def zip_longest_(*iterables, fillvalue=None):
    return _zip_longest([iterator_(iterable) for iterable in iterables], fillvalue)

def _zip_longest(iterators, fillvalue):
    active = _len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except _StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = _repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield _tuple(values)

def compress_(data, selectors):
    return _compress(iterator_(data), iterator_(selectors))

def _compress(data, selectors):
    for datum in data:
        for selector in selectors:
            if selector:
                yield datum
            break
        else:
            return

def cycle_(iterable, /):
    return _cycle(iterator_(iterable))

def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element

def product_(*iterables, repeat=1):
    # The native product of the iterables taken whole first (as it takes them).
    if _type(repeat) is not int or repeat < 0:
        _native_product(repeat=repeat)  # (its own error, raised before it takes anything)
    return _native_product(*[tuple(pool) for pool in iterables], repeat=repeat)

def combinations_(iterable, r):
    return _native_combinations(tuple(iterable), r)

def combinations_with_replacement_(iterable, r):
    return _native_combinations_with_replacement(tuple(iterable), r)

def permutations_(iterable, r=None):
    return _native_permutations(tuple(iterable), r)

def takewhile_(predicate, iterable, /):
    return _takewhile(predicate, iterator_(iterable))

def _takewhile(predicate, it):
    for element in it:
        if not predicate(element):
            return
        yield element

def dropwhile_(predicate, iterable, /):
    return _dropwhile(predicate, iterator_(iterable))

def _dropwhile(predicate, it):
    for element in it:
        if not predicate(element):
            yield element
            break
    for element in it:
        yield element

def filterfalse_(predicate, iterable, /):
    return _filterfalse(predicate, iterator_(iterable))

def _filterfalse(predicate, it):
    for element in it:
        if not (element if predicate is None else predicate(element)):
            yield element

def starmap_(function, iterable, /):
    return _starmap(function, iterator_(iterable))

def _starmap(function, it):
    for args in it:
        yield function(*args)

def accumulate_(iterable, func=None, *, initial=None):
    return _accumulate(iterator_(iterable), func, initial)

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

def bisect_right_(a, x, lo=0, hi=None, *, key=None):
    if lo < 0:
        raise _ValueError("lo must be non-negative")
    if hi is None:
        hi = _len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if ordered(x, a[mid] if key is None else key(a[mid]), False):
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
        if ordered(a[mid] if key is None else key(a[mid]), x, False):
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
    if new is _object_new and _inherits_object_new(cls):
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

def class_by_metaclass(meta, name, bases, ns, kwds, cell):
    # A class statement whose metaclass's __new__ or __init__ is script code,
    # or ABCMeta's: type.__call__ of the metaclass on the VM, so that a wait
    # in them, or in a base's __init_subclass__, is resumable.
    cls = instantiate(meta, (name, bases, ns), kwds)
    _class_statement_end(cls, cell, name)
    return cls

def abc_meta_new(mcls, name, bases, namespace, /, **kwargs):
    # abc.ABCMeta.__new__: its type.__new__ runs the bases' __init_subclass__
    # on the VM (a special call), before the class's abstract methods are known.
    cls = _type_new(mcls, name, bases, namespace, **kwargs)
    _abc_init(cls)
    return cls

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

class KeywordMark:
    # What separates positional from keyword arguments in a cache key (a
    # class of the runtime: snapshots take it by name, so it is the same
    # object in every process).
    pass

def lru_key(args, kwds, typed):
    # functools._make_key as plain data: a tuple, which hashes its items
    # wherever it is hashed.  functools' _HashedSeq keeps the hash of the
    # process that made it (a string's differs in the next, an object's
    # follows its id) and marks keywords with an object of its own: a cache
    # carried in a snapshot would find none of its entries.
    key = args
    if kwds:
        key += (KeywordMark,)
        for item in kwds.items():
            key += item
    if typed:
        key += _tuple([_type(v) for v in args])
        if kwds:
            key += _tuple([_type(v) for v in kwds.values()])
    elif _len(key) == 1 and _type(key[0]) in (int, str):
        return key[0]
    return key

def lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        key = lru_key(args, kwds, typed)
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

def substituted(repl, string, matches, subn):
    # re.sub()/re.subn()/Pattern.sub() with a script callable: the matches
    # the native sub found (special_calls.py), each replaced by what the
    # callable returns, called on the VM; the pieces as _sre's pattern_subx
    # joins them (its errors name the same items).
    pieces = []
    last = 0
    for match in matches:
        start = match.start()
        if last < start:
            pieces.append(string[last:start])
        item = repl(match)
        if item is not None:
            pieces.append(item)
        last = match.end()
    if last < _len(string):
        pieces.append(string[last:])
    joined = string[:0].join(pieces)
    return (joined, _len(matches)) if subn else joined

def generator_close_(gen):
    # gen.close() of a script generator, called by script code: GeneratorExit
    # thrown in at its yield on the VM, so that a wait in its finally (or in
    # its except GeneratorExit) is resumable.  One paused in yield from
    # closes its delegate first (its close(), if it has one: this, for a
    # script generator), then has GeneratorExit raised at its yield from,
    # or what the delegate's close() raised, as CPython's gen_close does.
    delegate = gen.gi_yieldfrom
    try:
        if delegate is None:
            _gen_close_throw(gen)
        else:
            thrown = None
            close = _getattr(delegate, "close", None)
            if close is not None:
                try:
                    close()
                except BaseException as error:
                    thrown = error
            _gen_throw_here(gen, thrown)
    except GeneratorExit:
        return None
    except StopIteration as stop:
        return stop.value if _CLOSE_RETURNS_VALUE else None
    raise _RuntimeError("generator ignored GeneratorExit")

async def asend_driver_(step):
    # A task's coroutine that is an async generator's __anext__() or
    # asend() (create_task(anext(agen))): the task steps this in its place
    # (Interpreter.call), whose await runs the generator on the VM, as an
    # await of the step in script code does.
    return await step

async def anext_default(iterator, default):
    # anext(async_generator, default): its step awaited on the VM.
    try:
        return await iterator.__anext__()
    except _StopAsyncIteration:
        return default

async def agcm_enter(self):
    # contextlib's @asynccontextmanager: __aenter__ runs the generator to
    # its yield.
    del self.args, self.kwds, self.func
    try:
        return await _anext(self.gen)
    except _StopAsyncIteration:
        raise _RuntimeError("generator didn't yield") from None

async def agcm_exit(self, typ, value, traceback):
    # _AsyncGeneratorContextManager.__aexit__, as contextlib writes it.
    if typ is None:
        try:
            await _anext(self.gen)
        except _StopAsyncIteration:
            return False
        try:
            raise _RuntimeError("generator didn't stop")
        finally:
            await self.gen.aclose()
    if value is None:
        # The exception thrown in must be the one recognised coming back.
        value = typ()
    try:
        if _ATHROW_TRIPLE:
            await self.gen.athrow(typ, value, traceback)
        else:
            await self.gen.athrow(value)
    except _StopAsyncIteration as exc:
        # Suppressed unless it is the exception thrown in.
        return exc is not value
    except _RuntimeError as exc:
        if exc is value:
            exc.__traceback__ = traceback
            return False
        # A StopIteration or StopAsyncIteration thrown in comes back wrapped.
        if _isinstance(value, (_StopIteration, _StopAsyncIteration)) and exc.__cause__ is value:
            value.__traceback__ = traceback
            return False
        raise
    except BaseException as exc:
        # The exception thrown in propagates from the with statement, not
        # from here.
        if exc is not value:
            raise
        exc.__traceback__ = traceback
        return False
    try:
        raise _RuntimeError("generator didn't stop after athrow()")
    finally:
        await self.gen.aclose()

def json_dumps_(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
                indent=None, separators=None, default=None, sort_keys=False, **kw):
    # json.dumps whose default= (or encoder class's default method) is
    # script code: the objects JSON cannot encode are converted by calling
    # it on the VM first, in the order the encoder would; the text is then
    # made natively, by the same encoder.
    encoder = (_JSONEncoder if cls is None else cls)(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan,
        indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw)
    markers = {} if check_circular else None
    return encoder.encode(json_prepared(obj, encoder.default, skipkeys, sort_keys, markers))

def json_dump_(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
               indent=None, separators=None, default=None, sort_keys=False, **kw):
    # json.dump, as json_dumps_: the encoder's chunks are written one by one.
    encoder = (_JSONEncoder if cls is None else cls)(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan,
        indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw)
    markers = {} if check_circular else None
    # The encoder writes a converted value in chunks of its own: it finds
    # each wrapped, as the object it was converted from, and its default
    # unwraps it.
    prepared = json_prepared(obj, encoder.default, skipkeys, sort_keys, markers, True)
    encoder.default = _json_unwrap
    # (All made before the first write: a host generator cannot be carried
    # through a wait inside a script write.)
    for chunk in _list(encoder.iterencode(prepared)):
        fp.write(chunk)

def json_prepared(o, default, skipkeys, sort_keys, markers, wrap=False):
    if o is None or _isinstance(o, (str, int, float)):
        return o
    if markers is not None:
        marker = _id(o)
        if marker in markers:
            raise _ValueError("Circular reference detected")
        markers[marker] = o
    if _isinstance(o, (list, tuple)):
        result = [json_prepared(v, default, skipkeys, sort_keys, markers, wrap) for v in o]
    elif _isinstance(o, dict):
        items = _sorted(o.items()) if sort_keys else o.items()
        result = {}
        for k, v in items:
            if not (k is None or _isinstance(k, (str, int, float))):
                if skipkeys:
                    continue
                raise _TypeError(f"keys must be str, int, float, bool or None, not {_type(k).__name__}")
            result[k] = json_prepared(v, default, skipkeys, sort_keys, markers, wrap)
    else:
        result = json_prepared(default(o), default, skipkeys, sort_keys, markers, wrap)
        if wrap:
            result = _JsonConverted(result)
    if markers is not None:
        del markers[marker]
    return result

def json_load_(fp, **kw):
    # json.load reads the whole document, then parses it as json.loads.
    text = fp.read()
    if kw.get("cls") is None and (kw.get("object_hook") is not None or kw.get("object_pairs_hook") is not None):
        return json_loads_(text, **kw)
    return _json_loads(text, **kw)

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
    items = _plain_list(iterable)  # (a list, tuple, dict...: natively)
    if items is not _UNSET:
        return items
    return [x for x in iterable]

def list_(iterable=(), /):
    return collected(iterable, 1)

def tuple_(iterable=(), /):
    return _tuple(collected(iterable, 1))

def set_(iterable=(), /):
    return _set(drain(iterable))

def frozenset_(iterable=(), /):
    return _frozenset(drain(iterable))

def dict_(*args, **kwargs):
    if _len(args) > 1:
        raise _TypeError(f"dict expected at most 1 argument, got {_len(args)}")
    return dict_from(*args, **kwargs)

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
    return join_items(separator, iterable)

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

def enumerate_(iterable, start=0):
    return _enumerate(iterator_(iterable), start)

def _enumerate(it, n):
    for element in it:
        yield n, element
        n += 1

def zip_(*iterables, strict=False):
    return _zip([iterator_(it) for it in iterables], strict)

def _zip(iterators, strict):
    if not iterators:
        return
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
    if not iterables:
        raise _TypeError("map() must have at least two arguments.")
    return _map(function, [iterator_(it) for it in iterables])

def _map(function, iterators):
    if _len(iterators) == 1:
        for element in iterators[0]:
            yield function(element)
    else:
        for args in _zip(iterators, False):
            yield function(*args)

def filter_(function, iterable, /):
    return _filter(function, iterator_(iterable))

def _filter(function, it):
    for element in it:
        if (element if function is None else function(element)):
            yield element

# -- copy: object.__reduce_ex__ (the library code copy runs on the VM: vm/library.py) --

def reduce_ex_(obj, protocol):
    # object.__reduce_ex__ of an object whose __reduce__, __getnewargs_ex__,
    # __getnewargs__ or __getstate__ is script code, as typeobject.c makes
    # the reduction (reduce_newobj).
    try:
        reduce = load_attr(obj, "__reduce__")
    except _AttributeError:
        reduce = None
    if reduce is not None and _getattr(_type(obj), "__reduce__") is not _object_reduce:
        return reduce()
    if protocol < 2:
        return _copyreg._reduce_ex(obj, protocol)
    cls = _type(obj)
    args, kwargs = _getnewargs(obj)
    if kwargs is None or _len(kwargs) == 0:
        newobj = _copyreg.__newobj__
        newargs = (cls,) + (() if args is None else args)
    else:
        newobj = _copyreg.__newobj_ex__
        newargs = (cls, args, kwargs)
    required = not (args is not None or _isinstance(obj, _list) or _isinstance(obj, _dict))
    getstate = load_attr(obj, "__getstate__")
    default = _lookup(cls, "__getstate__") is _object_getstate
    if default and _type(getstate) is _BuiltinMethod and getstate.__self__ is obj:
        state = _default_state(obj, required)
    else:
        state = getstate()
    listitems = iter_(obj) if _isinstance(obj, _list) else None
    dictitems = iter_(load_attr(obj, "items")()) if _isinstance(obj, _dict) else None
    return (newobj, newargs, state, listitems, dictitems)

def _special(obj, name):
    # _PyObject_LookupSpecial: the type's attribute, bound to obj.
    tp = _type(obj)
    attr = _lookup(tp, name)
    if attr is _MISSING:
        return attr
    get = _lookup(_type(attr), "__get__")
    return attr if get is _MISSING else get(attr, obj, tp)

def _getnewargs(obj):
    getnewargs_ex = _special(obj, "__getnewargs_ex__")
    if getnewargs_ex is not _MISSING:
        newargs = getnewargs_ex()
        if not _isinstance(newargs, _tuple):
            raise _TypeError(f"__getnewargs_ex__ should return a tuple, not '{_type(newargs).__name__}'")
        if _len(newargs) != 2:
            raise _ValueError(f"__getnewargs_ex__ should return a tuple of length 2, not {_len(newargs)}")
        args, kwargs = newargs
        if not _isinstance(args, _tuple):
            raise _TypeError(
                f"first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{_type(args).__name__}'"
            )
        if not _isinstance(kwargs, _dict):
            raise _TypeError(
                f"second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{_type(kwargs).__name__}'"
            )
        return args, kwargs
    getnewargs = _special(obj, "__getnewargs__")
    if getnewargs is not _MISSING:
        args = getnewargs()
        if not _isinstance(args, _tuple):
            raise _TypeError(f"__getnewargs__ should return a tuple, not '{_type(args).__name__}'")
        return args, None
    return None, None

# -- native operations run again with their script calls' answers (vm/replay.py)

def replay_result(value):
    # A future a script call returned to a native operation: its value.
    return _value(value)

# -- Ordering: sorting, min/max, heapq and bisect when "<" reaches script code --
# CPython's own algorithms, re-stated so that they make the same comparisons,
# in the same order, as the native ones (Objects/listobject.c's list sort,
# bltinmodule.c's min_max, _heapqmodule.c, heapq.py, _bisectmodule.c); each
# comparison is an ordinary "<" here, so script code it reaches runs on the VM.

def ordered(v, w, gt):
    # PyObject_RichCompareBool(v, w, Py_GT if gt else Py_LT).  Two tuples
    # (or two lists) are compared item by item here, as tuplerichcompare
    # does, so that script comparisons of their items run here too.
    plain = _plain_order(v, w, gt)  # (numbers and strings, and tuples of them: natively)
    if plain is not _UNSET:
        return plain
    tv = _type(v)
    if (tv is _tuple or tv is _list) and _type(w) is tv:
        i = 0
        while i < _len(v) and i < _len(w):
            x = v[i]
            y = w[i]
            if not (x is y or x == y):
                return ordered(x, y, gt)
            i += 1
        if gt:
            return _len(v) > _len(w)
        return _len(v) < _len(w)
    if gt:
        return True if v > w else False
    return True if v < w else False

def sort_lt(v, w, how):
    # One "<" of the list sort, made by the compare function the pre-sort
    # check chose (_sort_how): 0 safe_object_compare, 1 unsafe_object_compare,
    # 2 and 3 unsafe_tuple_compare (whose first items compare as 0 or 1).
    if how >= 2:
        i = 0
        while i < _len(v) and i < _len(w):
            x = v[i]
            y = w[i]
            if not (x is y or x == y):
                break
            i += 1
        if i >= _len(v) or i >= _len(w):
            return _len(v) < _len(w)
        if i > 0 or how == 2:
            return ordered(v[i], w[i], False)
        v = v[0]
        w = w[0]
    elif how == 0:
        return ordered(v, w, False)
    # The type's own __lt__ first (its tp_richcompare slot); the whole "<"
    # again after NotImplemented.
    result = _lookup(_type(v), "__lt__")(v, w)
    if result is _NotImplemented:
        return ordered(v, w, False)
    return True if result else False

def sort_run(keys, values, how):
    # list_sort_impl's mergesort of keys (values moved in step, if any), in place.
    n = _len(keys)
    minrun = n
    r = 0
    while minrun >= 64:
        r |= minrun & 1
        minrun >>= 1
    minrun += r
    ms = [7, n, []]  # min_gallop, list length, pending runs [start, length, power]
    lo = 0
    nremaining = n
    while nremaining:
        if _RUNS_REVERSE_EQUALS:
            run = _count_run(keys, values, lo, nremaining, how)
        else:
            run = _count_run_strict(keys, values, lo, nremaining, how)
        if run < minrun:
            force = nremaining if nremaining <= minrun else minrun
            _binarysort(keys, values, lo, force, run, how)
            run = force
        _found_new_run(keys, values, ms, run, lo, how)
        ms[2].append([lo, run, 0])
        lo += run
        nremaining -= run
    pending = ms[2]
    while _len(pending) > 1:
        i = _len(pending) - 2
        if i > 0 and pending[i - 1][1] < pending[i + 1][1]:
            i -= 1
        _merge_at(keys, values, ms, i, how)

def _reverse(keys, values, lo, n):
    keys[lo:lo + n] = keys[lo:lo + n][::-1]
    if values is not None:
        values[lo:lo + n] = values[lo:lo + n][::-1]

def _count_run_strict(keys, values, lo, nremaining, how):
    # CPython before 3.13: the longest ascending run, or strictly descending
    # one (then reversed).
    if nremaining == 1:
        return 1
    n = 2
    if sort_lt(keys[lo + 1], keys[lo], how):
        while n < nremaining and sort_lt(keys[lo + n], keys[lo + n - 1], how):
            n += 1
        _reverse(keys, values, lo, n)
    else:
        while n < nremaining and not sort_lt(keys[lo + n], keys[lo + n - 1], how):
            n += 1
    return n

def _count_run(keys, values, lo, nremaining, how):
    # CPython 3.13: a descending run may hold runs of equal keys (each
    # reversed on the fly, so the whole run's reversal keeps them stable),
    # and an ascending suffix may extend the reversed run.
    n = 1
    while n < nremaining:
        if sort_lt(keys[lo + n], keys[lo + n - 1], how):
            break
        n += 1
    if n == nremaining:
        return n
    if n > 1:
        if sort_lt(keys[lo], keys[lo + n - 1], how):
            return n
        _reverse(keys, values, lo, n)
    n += 1
    neq = 0
    while n < nremaining:
        if sort_lt(keys[lo + n], keys[lo + n - 1], how):
            if neq:
                neq += 1
                _reverse(keys, values, lo + n - neq, neq)
                neq = 0
        elif sort_lt(keys[lo + n - 1], keys[lo + n], how):
            break
        else:
            neq += 1
        n += 1
    if neq:
        neq += 1
        _reverse(keys, values, lo + n - neq, neq)
    _reverse(keys, values, lo, n)
    while n < nremaining:
        if sort_lt(keys[lo + n], keys[lo + n - 1], how):
            break
        n += 1
    return n

def _binarysort(keys, values, lo, n, ok, how):
    # Binary insertion of keys[lo + ok:lo + n] into the sorted keys[lo:lo + ok].
    if not ok:
        ok = 1
    while ok < n:
        left = 0
        right = ok
        pivot = keys[lo + ok]
        while True:
            middle = (left + right) >> 1
            if sort_lt(pivot, keys[lo + middle], how):
                right = middle
            else:
                left = middle + 1
            if left >= right:
                break
        if left < ok:
            del keys[lo + ok]
            keys.insert(lo + left, pivot)
            if values is not None:
                values.insert(lo + left, values.pop(lo + ok))
        ok += 1

def _gallop_left(key, a, base, n, hint, how):
    # Where key belongs in the sorted a[base:base + n]: left of equal keys.
    at = base + hint
    lastofs = 0
    ofs = 1
    if sort_lt(a[at], key, how):
        maxofs = n - hint
        while ofs < maxofs:
            if sort_lt(a[at + ofs], key, how):
                lastofs = ofs
                ofs = (ofs << 1) + 1
            else:
                break
        if ofs > maxofs:
            ofs = maxofs
        lastofs += hint
        ofs += hint
    else:
        maxofs = hint + 1
        while ofs < maxofs:
            if sort_lt(a[at - ofs], key, how):
                break
            lastofs = ofs
            ofs = (ofs << 1) + 1
        if ofs > maxofs:
            ofs = maxofs
        k = lastofs
        lastofs = hint - ofs
        ofs = hint - k
    lastofs += 1
    while lastofs < ofs:
        m = lastofs + ((ofs - lastofs) >> 1)
        if sort_lt(a[base + m], key, how):
            lastofs = m + 1
        else:
            ofs = m
    return ofs

def _gallop_right(key, a, base, n, hint, how):
    # As _gallop_left, but right of equal keys.
    at = base + hint
    lastofs = 0
    ofs = 1
    if sort_lt(key, a[at], how):
        maxofs = hint + 1
        while ofs < maxofs:
            if sort_lt(key, a[at - ofs], how):
                lastofs = ofs
                ofs = (ofs << 1) + 1
            else:
                break
        if ofs > maxofs:
            ofs = maxofs
        k = lastofs
        lastofs = hint - ofs
        ofs = hint - k
    else:
        maxofs = n - hint
        while ofs < maxofs:
            if sort_lt(key, a[at + ofs], how):
                break
            lastofs = ofs
            ofs = (ofs << 1) + 1
        if ofs > maxofs:
            ofs = maxofs
        lastofs += hint
        ofs += hint
    lastofs += 1
    while lastofs < ofs:
        m = lastofs + ((ofs - lastofs) >> 1)
        if sort_lt(key, a[base + m], how):
            ofs = m
        else:
            lastofs = m + 1
    return ofs

def _found_new_run(keys, values, ms, n2, start, how):
    # The powersort merge strategy: merge the runs deeper than the new run's power.
    pending = ms[2]
    if pending:
        s1 = pending[-1][0]
        n1 = pending[-1][1]
        a = 2 * s1 + n1
        b = a + n1 + n2
        power = 0
        while True:
            power += 1
            if a >= ms[1]:
                a -= ms[1]
                b -= ms[1]
            elif b >= ms[1]:
                break
            a <<= 1
            b <<= 1
        while _len(pending) > 1 and pending[-2][2] > power:
            _merge_at(keys, values, ms, _len(pending) - 2, how)
        pending[-1][2] = power

def _merge_at(keys, values, ms, i, how):
    pending = ms[2]
    pa = pending[i][0]
    na = pending[i][1]
    pb = pending[i + 1][0]
    nb = pending[i + 1][1]
    pending[i][1] = na + nb
    if i == _len(pending) - 3:
        pending[i + 1] = pending[i + 2]
    pending.pop()
    k = _gallop_right(keys[pb], keys, pa, na, 0, how)
    pa += k
    na -= k
    if na == 0:
        return
    nb = _gallop_left(keys[pa + na - 1], keys, pb, nb, nb - 1, how)
    if nb <= 0:
        return
    if na <= nb:
        _merge_lo(keys, values, ms, pa, na, pb, nb, how)
    else:
        _merge_hi(keys, values, ms, pa, na, pb, nb, how)

def _merge_lo(keys, values, ms, pa, na, pb, nb, how):
    # Merge keys[pa:pa + na] (copied aside) with keys[pb:pb + nb], left to
    # right.  On an error, what is left of the copy goes back, as natively.
    ta = keys[pa:pa + na]
    tv = None if values is None else values[pa:pa + na]
    ia = 0
    dest = pa
    done = 0  # 1: merged, 2: the last of the copy belongs at the end
    try:
        keys[dest] = keys[pb]
        if values is not None:
            values[dest] = values[pb]
        dest += 1
        pb += 1
        nb -= 1
        if nb == 0:
            done = 1
        elif na == 1:
            done = 2
        min_gallop = ms[0]
        while not done:
            acount = 0
            bcount = 0
            while True:
                if sort_lt(keys[pb], ta[ia], how):
                    keys[dest] = keys[pb]
                    if values is not None:
                        values[dest] = values[pb]
                    dest += 1
                    pb += 1
                    bcount += 1
                    acount = 0
                    nb -= 1
                    if nb == 0:
                        done = 1
                        break
                    if bcount >= min_gallop:
                        break
                else:
                    keys[dest] = ta[ia]
                    if values is not None:
                        values[dest] = tv[ia]
                    dest += 1
                    ia += 1
                    acount += 1
                    bcount = 0
                    na -= 1
                    if na == 1:
                        done = 2
                        break
                    if acount >= min_gallop:
                        break
            if done:
                break
            min_gallop += 1
            while True:
                if min_gallop > 1:
                    min_gallop -= 1
                ms[0] = min_gallop
                k = _gallop_right(keys[pb], ta, ia, na, 0, how)
                acount = k
                if k:
                    keys[dest:dest + k] = ta[ia:ia + k]
                    if values is not None:
                        values[dest:dest + k] = tv[ia:ia + k]
                    dest += k
                    ia += k
                    na -= k
                    if na == 1:
                        done = 2
                        break
                    if na == 0:
                        done = 1
                        break
                keys[dest] = keys[pb]
                if values is not None:
                    values[dest] = values[pb]
                dest += 1
                pb += 1
                nb -= 1
                if nb == 0:
                    done = 1
                    break
                k = _gallop_left(ta[ia], keys, pb, nb, 0, how)
                bcount = k
                if k:
                    keys[dest:dest + k] = keys[pb:pb + k]
                    if values is not None:
                        values[dest:dest + k] = values[pb:pb + k]
                    dest += k
                    pb += k
                    nb -= k
                    if nb == 0:
                        done = 1
                        break
                keys[dest] = ta[ia]
                if values is not None:
                    values[dest] = tv[ia]
                dest += 1
                ia += 1
                na -= 1
                if na == 1:
                    done = 2
                    break
                if acount < 7 and bcount < 7:
                    break
            if done:
                break
            min_gallop += 1
            ms[0] = min_gallop
    except BaseException:
        done = 1
        raise
    finally:
        if done == 2:
            keys[dest:dest + nb] = keys[pb:pb + nb]
            keys[dest + nb] = ta[ia]
            if values is not None:
                values[dest:dest + nb] = values[pb:pb + nb]
                values[dest + nb] = tv[ia]
        elif na:
            keys[dest:dest + na] = ta[ia:ia + na]
            if values is not None:
                values[dest:dest + na] = tv[ia:ia + na]

def _merge_hi(keys, values, ms, pa, na, pb, nb, how):
    # As _merge_lo, right to left, with keys[pb:pb + nb] copied aside.
    tb = keys[pb:pb + nb]
    tv = None if values is None else values[pb:pb + nb]
    dest = pb + nb - 1
    ia = pa + na - 1
    base = pa
    done = 0  # 1: merged, 2: the first of the copy belongs at the front
    try:
        keys[dest] = keys[ia]
        if values is not None:
            values[dest] = values[ia]
        dest -= 1
        ia -= 1
        na -= 1
        if na == 0:
            done = 1
        elif nb == 1:
            done = 2
        min_gallop = ms[0]
        while not done:
            acount = 0
            bcount = 0
            while True:
                if sort_lt(tb[nb - 1], keys[ia], how):
                    keys[dest] = keys[ia]
                    if values is not None:
                        values[dest] = values[ia]
                    dest -= 1
                    ia -= 1
                    acount += 1
                    bcount = 0
                    na -= 1
                    if na == 0:
                        done = 1
                        break
                    if acount >= min_gallop:
                        break
                else:
                    keys[dest] = tb[nb - 1]
                    if values is not None:
                        values[dest] = tv[nb - 1]
                    dest -= 1
                    bcount += 1
                    acount = 0
                    nb -= 1
                    if nb == 1:
                        done = 2
                        break
                    if bcount >= min_gallop:
                        break
            if done:
                break
            min_gallop += 1
            while True:
                if min_gallop > 1:
                    min_gallop -= 1
                ms[0] = min_gallop
                k = na - _gallop_right(tb[nb - 1], keys, base, na, na - 1, how)
                acount = k
                if k:
                    dest -= k
                    ia -= k
                    keys[dest + 1:dest + 1 + k] = keys[ia + 1:ia + 1 + k]
                    if values is not None:
                        values[dest + 1:dest + 1 + k] = values[ia + 1:ia + 1 + k]
                    na -= k
                    if na == 0:
                        done = 1
                        break
                keys[dest] = tb[nb - 1]
                if values is not None:
                    values[dest] = tv[nb - 1]
                dest -= 1
                nb -= 1
                if nb == 1:
                    done = 2
                    break
                k = nb - _gallop_left(keys[ia], tb, 0, nb, nb - 1, how)
                bcount = k
                if k:
                    dest -= k
                    keys[dest + 1:dest + 1 + k] = tb[nb - k:nb]
                    if values is not None:
                        values[dest + 1:dest + 1 + k] = tv[nb - k:nb]
                    nb -= k
                    if nb == 1:
                        done = 2
                        break
                    if nb == 0:
                        done = 1
                        break
                keys[dest] = keys[ia]
                if values is not None:
                    values[dest] = values[ia]
                dest -= 1
                ia -= 1
                na -= 1
                if na == 0:
                    done = 1
                    break
                if acount < 7 and bcount < 7:
                    break
            if done:
                break
            min_gallop += 1
            ms[0] = min_gallop
    except BaseException:
        done = 1
        raise
    finally:
        if done == 2:
            keys[dest + 1 - na:dest + 1] = keys[ia + 1 - na:ia + 1]
            keys[dest - na] = tb[0]
            if values is not None:
                values[dest + 1 - na:dest + 1] = values[ia + 1 - na:ia + 1]
                values[dest - na] = tv[0]
        elif nb:
            keys[dest - nb + 1:dest + 1] = tb[:nb]
            if values is not None:
                values[dest - nb + 1:dest + 1] = tv[:nb]

def ordered_sort(items, keys, reverse):
    # items sorted in place (by keys, if given) as list.sort sorts them.
    if _len(items) < 2:
        return
    if keys is None:
        sortable = items
        values = None
    else:
        sortable = keys
        values = items
    how = _sort_how(sortable)
    if reverse:
        sortable.reverse()
        if values is not None:
            values.reverse()
    try:
        sort_run(sortable, values, how)
    finally:
        if reverse:
            items.reverse()

def sort_items(items, keys, reverse):
    # items sorted in place: natively, unless comparing reaches script code.
    if keys is None:
        done = _native_sorted(items, reverse)
        if done is None:
            ordered_sort(items, None, reverse)
        else:
            items[:] = done
    else:
        order = _native_order(keys, reverse)
        if order is None:
            ordered_sort(items, keys, reverse)
        else:
            items[:] = _reordered(items, order)

def sorted_(iterable, /, *, key=None, reverse=False):
    items = drain(iterable)
    keys = None if key is None else [key(item) for item in items]
    sort_items(items, keys, reverse)
    return items

def list_sort(items, /, *, key=None, reverse=False):
    # As list.sort: the list is empty while the keys are computed and
    # compared; what they put in it is dropped, and is an error once sorted.
    # An error leaves the list as far as the sort had got, as natively.
    saved = _list(items)
    items.clear()
    try:
        keys = None if key is None else [key(item) for item in saved]
        sort_items(saved, keys, reverse)
    finally:
        modified = _len(items) != 0
        items[:] = saved
    if modified:
        raise _ValueError("list modified during sort")

def min_(*args, key=None, **kwargs):
    return extreme(_native_min, False, args, key, kwargs)

def max_(*args, key=None, **kwargs):
    return extreme(_native_max, True, args, key, kwargs)

def extreme(pick, gt, args, key, kwargs):
    # min()/max() as min_max: each item's key compared with the best so
    # far's, "<" for min and ">" for max; the first of equal ones wins.
    if not args or (_len(args) > 1 and "default" in kwargs) or [name for name in kwargs if name != "default"]:
        return pick(*args, key=key, **kwargs)  # its error
    best = _UNSET
    best_key = _UNSET
    for item in (args[0] if _len(args) == 1 else args):
        value = item if key is None else key(item)
        if best_key is _UNSET or ordered(value, best_key, gt):
            best = item
            best_key = value
    if best_key is _UNSET:
        return pick((), **kwargs)  # the default, or the error
    return best

def heap_siftdown(heap, startpos, pos, gt):
    # _heapq's siftdown (siftdown_max if gt): the new item moves up past its parents.
    size = _len(heap)
    if pos >= size:
        raise _IndexError("index out of range")
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if gt:
            up = ordered(parent, newitem, False)
        else:
            up = ordered(newitem, parent, False)
        if size != _len(heap):
            raise _RuntimeError("list changed size during iteration")
        if not up:
            break
        parent = heap[parentpos]
        newitem = heap[pos]
        heap[parentpos] = newitem
        heap[pos] = parent
        pos = parentpos

def heap_siftup(heap, pos, gt):
    # _heapq's siftup (siftup_max if gt): the smaller child moves up to a leaf, then siftdown.
    endpos = _len(heap)
    startpos = pos
    if pos >= endpos:
        raise _IndexError("index out of range")
    limit = endpos >> 1
    while pos < limit:
        childpos = 2 * pos + 1
        if childpos + 1 < endpos:
            if gt:
                first = ordered(heap[childpos + 1], heap[childpos], False)
            else:
                first = ordered(heap[childpos], heap[childpos + 1], False)
            if not first:
                childpos += 1
            if endpos != _len(heap):
                raise _RuntimeError("list changed size during iteration")
        child = heap[childpos]
        heap[childpos] = heap[pos]
        heap[pos] = child
        pos = childpos
    heap_siftdown(heap, startpos, pos, gt)

def heappush_(heap, item, /):
    heap.append(item)
    heap_siftdown(heap, 0, _len(heap) - 1, False)

def heappop_(heap, /, gt=False):
    if not _len(heap):
        raise _IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    result = heap[0]
    heap[0] = last
    heap_siftup(heap, 0, gt)
    return result

def heapreplace_(heap, item, /, gt=False):
    if not _len(heap):
        raise _IndexError("index out of range")
    result = heap[0]
    heap[0] = item
    heap_siftup(heap, 0, gt)
    return result

def heappushpop_(heap, item, /):
    if not _len(heap):
        return item
    if not ordered(heap[0], item, False):
        return item
    if not _len(heap):
        raise _IndexError("index out of range")
    result = heap[0]
    heap[0] = item
    heap_siftup(heap, 0, False)
    return result

def heapify_(heap, /, gt=False):
    n = _len(heap)
    if n > 2500:
        # _heapq's cache-friendly order: a parent as soon as both children are heaps.
        m = n >> 1
        leftmost = 1
        while leftmost <= m + 1:
            leftmost <<= 1
        leftmost = (leftmost >> 1) - 1
        for first, last in ((leftmost - 1, m >> 1), (m - 1, leftmost)):
            i = first
            while i >= last:
                j = i
                while True:
                    heap_siftup(heap, j, gt)
                    if not j & 1:
                        break
                    j >>= 1
                i -= 1
    else:
        i = (n >> 1) - 1
        while i >= 0:
            heap_siftup(heap, i, gt)
            i -= 1

def nsmallest_(n, iterable, key=None):
    return _n_extremes(n, iterable, key, False)

def nlargest_(n, iterable, key=None):
    return _n_extremes(n, iterable, key, True)

def _n_extremes(n, iterable, key, largest):
    # heapq.nsmallest / nlargest: min/max for one; sorted when n covers a
    # sized iterable; else a heap of the n best so far, (key, order, item)
    # triples, the order keeping equal keys stable.
    if n == 1:
        sentinel = _object()
        pick = _native_max if largest else _native_min
        result = extreme(pick, largest, (iter(iterable),), key, {"default": sentinel})
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (_TypeError, _AttributeError):
        pass
    else:
        if n >= size:
            return sorted_(iterable, key=key, reverse=largest)[:n]
    it = iter(iterable)
    steps = _range(0, -n, -1) if largest else _range(n)
    if key is None:
        result = [(elem, i) for i, elem in zip_(steps, it)]
    else:
        result = [(key(elem), i, elem) for i, elem in zip_(steps, it)]
    if not result:
        return result
    heapify_(result, not largest)
    top = result[0][0]
    order = -n if largest else n
    for elem in it:
        k = elem if key is None else key(elem)
        if ordered(top, k, False) if largest else ordered(k, top, False):
            heapreplace_(result, (elem, order) if key is None else (k, order, elem), not largest)
            top = result[0][0]
            order += -1 if largest else 1
    sort_items(result, None, largest)
    return [entry[-1] if key is not None else entry[0] for entry in result]

def merge_(*iterables, key=None, reverse=False):
    # heapq.merge: a heap of [key, order, value, iterator] entries (no key:
    # [value, order, iterator]), compared as lists are.
    heap = []
    direction = -1 if reverse else 1
    order = 0
    for iterable in iterables:
        it = iter(iterable)
        try:
            value = next(it)
            heap.append([value, order * direction, it] if key is None else [key(value), order * direction, value, it])
        except StopIteration:
            pass
        order += 1
    heapify_(heap, reverse)
    while _len(heap) > 1:
        try:
            while True:
                entry = heap[0]
                yield entry[0] if key is None else entry[2]
                value = next(entry[-1])
                if key is None:
                    entry[0] = value
                else:
                    entry[0] = key(value)
                    entry[2] = value
                heapreplace_(heap, entry, reverse)
        except StopIteration:
            heappop_(heap, reverse)
    if heap:
        entry = heap[0]
        yield entry[0] if key is None else entry[2]
        yield from entry[-1]

class KeyWrapper:
    # functools.cmp_to_key's key objects, for a script cmp: comparing two
    # calls it here, on the VM, as the native KeyWrapper calls it.
    __slots__ = ("cmp", "obj")
    __hash__ = None

def cmp_to_key_(mycmp):
    key = _object_new(KeyWrapper)
    key.cmp = mycmp
    return key

def _key_call(self, obj):
    key = _object_new(KeyWrapper)
    key.cmp = self.cmp
    key.obj = obj
    return key

def _key_compare(self, other, op):
    if _type(other) is not _type(self):
        raise _TypeError("other argument must be K instance")
    if not (_hasattr(self, "obj") and _hasattr(other, "obj")):
        raise _AttributeError("object")
    result = self.cmp(self.obj, other.obj)
    if op == 0:
        return result < 0
    if op == 1:
        return result <= 0
    if op == 2:
        return result == 0
    if op == 3:
        return result != 0
    if op == 4:
        return result > 0
    return result >= 0

def _key_lt(self, other):
    return _key_compare(self, other, 0)

def _key_le(self, other):
    return _key_compare(self, other, 1)

def _key_eq(self, other):
    return _key_compare(self, other, 2)

def _key_ne(self, other):
    return _key_compare(self, other, 3)

def _key_gt(self, other):
    return _key_compare(self, other, 4)

def _key_ge(self, other):
    return _key_compare(self, other, 5)

KeyWrapper.__call__ = _key_call
KeyWrapper.__lt__ = _key_lt
KeyWrapper.__le__ = _key_le
KeyWrapper.__eq__ = _key_eq
KeyWrapper.__ne__ = _key_ne
KeyWrapper.__gt__ = _key_gt
KeyWrapper.__ge__ = _key_ge

def dataclass_order(func, self, other, op):
    # A comparison dataclass(order=True) made: the compared fields of two
    # instances of one class, as two tuples, compared as tuples compare.
    if other.__class__ is not self.__class__:
        return _NotImplemented
    names = _dataclass_order_fields(func, _type(self))
    mine = _tuple([load_attr(self, name) for name in names])
    theirs = _tuple([load_attr(other, name) for name in names])
    return sequence_compare(mine, theirs, op)

def sequence_compare(v, w, op):
    # tuplerichcompare: the first items that differ (by ==) decide, by the
    # comparison asked for; if none do, the lengths.
    i = 0
    while i < _len(v) and i < _len(w):
        x = v[i]
        y = w[i]
        if not (x is y or x == y):
            if op == 2:
                return False
            if op == 3:
                return True
            return compare(x, y, op)
        i += 1
    return compare(_len(v), _len(w), op)

# -- iteration of script iterables: __iter__, __next__, the sequence protocol's
# __getitem__, mappings' keys() and __getitem__ ---------------------------------
#
# Native code takes an iterator with iter() once and then steps it (its
# tp_iternext) without calling its __iter__ again; some consumers ask a length
# hint in between.  These functions do the same on the VM, so that every
# script call they make is a VM call.

def iterator_(obj, hint=0):
    # iter(obj), stepped as native code steps it.  A script __next__ and the
    # sequence protocol's script __getitem__ run from a generator of the VM's.
    # hint: the length hint native code asks for once it has the iterator,
    # 1 of obj (list(), tuple(), list.extend), 2 of the iterator (str.join).
    iterator = iter_call(obj)
    if hint:
        length_hint(obj if hint == 1 else iterator)
    return stepped(iterator, obj)

def iter_call(obj):
    # iter(obj) itself: its script __iter__ runs here.
    method = _lookup(_type(obj), "__iter__")
    if method is _ABC_SEQUENCE_ITER:
        return abc_sequence_iter(obj)
    if not _is_script(method):
        return _native_iter(obj)
    iterator = method(obj)
    if _lookup(_type(iterator), "__next__") is _MISSING:
        raise _TypeError(f"iter() returned non-iterator of type '{_type(iterator).__name__}'")
    return iterator

def stepped(iterator, source):
    # iterator = iter(source), or a generator of the VM's that steps it where
    # a native step would run script code: a script __next__ (or a library's
    # that runs on the VM), or the script __getitem__ of a source with no
    # __iter__ (its native sequence iterator, just made, is held by nothing else).
    if _steps_on_vm(_lookup(_type(iterator), "__next__")):
        return steps(iterator)
    if _lookup(_type(source), "__iter__") is _MISSING and _script_sequence(iterator) is source:
        return sequence_items(source)
    return iterator

def steps(iterator):
    # The items of an iterator whose __next__ is script code, found anew at
    # each step as tp_iternext finds it; StopIteration ends them.
    while True:
        try:
            item = _lookup(_type(iterator), "__next__")(iterator)
        except StopIteration:
            return
        yield item

def abc_sequence_iter(self):
    # collections.abc.Sequence.__iter__, for a script's Sequence: its
    # __getitem__ (which may wait) runs from a generator of the VM's.
    i = 0
    try:
        while True:
            v = self[i]
            yield v
            i += 1
    except IndexError:
        return

def sequence_items(seq):
    # The native iterator of an object with no __iter__: seq[0], seq[1]...
    # until IndexError or StopIteration.
    i = 0
    while True:
        try:
            item = getitem(seq, i)
        except (IndexError, StopIteration):
            return
        yield item
        i += 1

class SequenceIterator:
    # What iter() gives the script for an object with no __iter__ and a
    # script __getitem__: CPython's sequence iterator (Objects/iterobject.c),
    # stepped on the VM, so that a wait in __getitem__ is resumable.  Its
    # methods are functions of the runtime, which snapshots find by name.
    __slots__ = ("_seq", "_index")

def _seq_next(self):
    seq = self._seq
    if seq is None:
        raise StopIteration
    index = self._index
    if index == _MAXSIZE:
        raise _OverflowError("iter index too large")
    try:
        item = getitem(seq, index)
    except (IndexError, StopIteration):
        self._seq = None  # exhausted for good, as natively
    else:
        self._index = index + 1
        return item
    raise StopIteration  # (outside the except clause: natively it has no context)

def _seq_length_hint(self):
    seq = self._seq
    if seq is None:
        return 0
    if _lookup(_type(seq), "__len__") is _MISSING:
        return _NotImplemented
    left = len_(seq) - self._index
    return left if left >= 0 else 0

def _seq_reduce(self):
    if self._seq is None:
        return (_builtin_iter, ((),))
    return (_builtin_iter, (self._seq,), self._index)

def _seq_setstate(self, state):
    # (PyLong_AsSsize_t: an int, no __index__.)
    if not _isinstance(state, _int):
        raise _TypeError("an integer is required")
    if not -_MAXSIZE - 1 <= state <= _MAXSIZE:
        raise _OverflowError("Python int too large to convert to C ssize_t")
    if self._seq is not None:
        self._index = state if state >= 0 else 0

SequenceIterator.__name__ = SequenceIterator.__qualname__ = "iterator"
SequenceIterator.__iter__ = _same
SequenceIterator.__next__ = _seq_next
SequenceIterator.__length_hint__ = _seq_length_hint
SequenceIterator.__reduce__ = _seq_reduce
SequenceIterator.__setstate__ = _seq_setstate

class CallIterator:
    # What iter(callable, sentinel) gives the script for a script callable:
    # CPython's callable iterator (Objects/iterobject.c), stepped on the VM,
    # so that a wait in the callable (or in the sentinel's __eq__) is
    # resumable.  Its methods are functions of the runtime, which snapshots
    # find by name.
    __slots__ = ("_callable", "_sentinel")

def _call_next(self):
    func = self._callable
    if func is None:
        raise StopIteration
    try:
        result = func()
    except StopIteration:
        self._callable = self._sentinel = None
        raise StopIteration from None
    sentinel = self._sentinel
    if sentinel is result or sentinel == result:
        self._callable = self._sentinel = None
        raise StopIteration
    return result

def _call_reduce(self):
    if self._callable is None:
        return (_builtin_iter, ((),))
    return (_builtin_iter, (self._callable, self._sentinel))

CallIterator.__name__ = CallIterator.__qualname__ = "callable_iterator"
CallIterator.__iter__ = _same
CallIterator.__next__ = _call_next
CallIterator.__reduce__ = _call_reduce

def length_hint(obj, length_only=False):
    # PyObject_LengthHint asked by a native operation: only the script code
    # it calls and what that raises matter (the hint sizes a native result).
    seq = _script_sequence(obj)
    if seq is not _MISSING:
        # A native sequence iterator's hint is its sequence's len.
        obj = seq
        length_only = True
    _length_hint(obj, 0, length_only)

def operator_length_hint(obj, default=0, /):
    # operator.length_hint() of an object whose __len__ or __length_hint__
    # is script code.
    return _length_hint(obj, _index(default), False)

def _length_hint(obj, default, length_only):
    # PyObject_LengthHint (Objects/abstract.c).
    tp = _type(obj)
    if _lookup(tp, "__len__") is not _MISSING:
        try:
            return len_(obj)
        except _TypeError:
            pass
    if length_only:
        return default
    method = _lookup(tp, "__length_hint__")
    if method is _MISSING:
        return default
    if _is_script(method):
        args = (obj,)
    else:
        # Bound as _PyObject_LookupSpecial binds it (a descriptor's __get__ runs).
        get = _lookup(_type(method), "__get__")
        args = ()
        if get is not _MISSING:
            method = get(method, obj, tp)
    try:
        result = _value(method(*args))
    except _TypeError:
        return default
    if result is _NotImplemented:
        return default
    if not _isinstance(result, int):
        raise _TypeError(f"__length_hint__ must be an integer, not {_type(result).__name__}")
    if result < 0:
        raise _ValueError("__length_hint__() should return >= 0")
    return result

def collected(iterable, hint=0):
    return [item for item in iterator_(iterable, hint)]

def next_(iterator, *default):
    # next() of an iterator whose __next__ is script code.
    method = _lookup(_type(iterator), "__next__")
    if not default:
        return method(iterator)
    try:
        return method(iterator)
    except StopIteration:
        return default[0]

def unpack(iterable, count):
    # a, b = iterable: exactly count items, taken as UNPACK_SEQUENCE takes them.
    items = []
    for item in iterator_(iterable):
        if _len(items) == count:
            raise _ValueError(f"too many values to unpack (expected {count})")
        items.append(item)
    if _len(items) < count:
        raise _ValueError(f"not enough values to unpack (expected {count}, got {_len(items)})")
    return _tuple(items)

def unpack_ex(iterable, before, after):
    # a, *rest = iterable (UNPACK_EX): the first items one by one, then the
    # rest as list(iterator) takes them (iter() of the iterator, its length
    # hint); the instruction unpacks the list of all.
    iterator = iter_call(iterable)
    items = []
    steps_ = stepped(iterator, iterable)
    if before:
        for item in steps_:
            items.append(item)
            if _len(items) == before:
                break
        if _len(items) < before:
            raise _ValueError(f"not enough values to unpack (expected at least {before + after}, got {_len(items)})")
    again = iter_call(iterator)
    length_hint(iterator)
    if again is not iterator:
        steps_ = stepped(again, iterator)
    for item in steps_:
        items.append(item)
    return items

def list_extend(items, iterable):
    # items.extend(iterable), [*iterable] and f(*iterable): item after item.
    for item in iterator_(iterable, 1):
        items.append(item)

def deque_extend(items, iterable):
    # deque.extend(iterable): each item appended as it comes.
    for item in iterator_(iterable):
        items.append(item)

def set_update(items, *iterables):
    # items.update(iterable) and {*iterable}: each item added as it comes.
    for iterable in iterables:
        for item in iterator_(iterable):
            items.add(item)

def mapping_keys(mapping):
    # PyMapping_Keys: mapping.keys() as a list.
    keys = mapping.keys()
    if _type(keys) is _list:
        return keys
    if _type(keys) is _KeysView and keys._mapping is mapping:
        # collections.abc.Mapping's keys(): the mapping's own iteration.
        return [key for key in iterator_(mapping)]
    try:
        iterator = iterator_(keys, 2)
    except _TypeError:
        iterator = None
    if iterator is None:
        raise _TypeError(
            f"{_type(mapping).__name__}.keys() returned a non-iterable (type {_type(keys).__name__})"
        )
    return [key for key in iterator]

def merge(target, mapping):
    # dict_merge of a mapping that is no dict: its keys, then each value.
    for key in mapping_keys(mapping):
        target[key] = mapping[key]

def dict_update_display(target, mapping):
    # {**mapping} (DICT_UPDATE): an AttributeError says it is no mapping.
    failed = False
    try:
        merge(target, mapping)
    except _AttributeError:
        failed = True
    if failed:
        raise _TypeError(f"'{_type(mapping).__name__}' object is not a mapping")

def dict_merge_call(target, mapping, function):
    # f(**mapping) (DICT_MERGE): a key given twice is a TypeError naming the
    # function (3.12 and later: so is any KeyError of one argument), as is
    # an AttributeError.
    twice = _MISSING
    not_mapping = False
    try:
        for key in mapping_keys(mapping):
            if key in target:
                twice = key
                break
            target[key] = mapping[key]
    except _AttributeError:
        not_mapping = True
    except _KeyError as error:
        if not _KEY_ERROR_IS_TWICE or _len(error.args) != 1:
            raise
        twice = error.args[0]
    if not_mapping:
        raise _TypeError(f"{function} argument after ** must be a mapping, not {_type(mapping).__name__}")
    if twice is not _MISSING:
        raise _TypeError(f"{function} got multiple values for keyword argument '{str_(twice)}'")

def dict_update(target, *args, **kwargs):
    # dict.update (and dict()) of a mapping with script parts, or of an
    # iterable of pairs with script parts.
    if _len(args) > 1:
        raise _TypeError(f"update expected at most 1 argument, got {_len(args)}")
    if args:
        other = args[0]
        if _hasattr(other, "keys"):
            merge(target, other)
        else:
            update_pairs(target, other)
    for key in kwargs:
        target[key] = kwargs[key]

def update_pairs(target, pairs):
    # PyDict_MergeFromSeq2: each item a sequence of two.
    i = 0
    for item in iterator_(pairs):
        if _type(item) is _tuple or _type(item) is _list:
            pair = item
        else:
            try:
                it = iterator_(item, 2)
            except _TypeError:
                it = None
            if it is None:
                raise _TypeError(f"cannot convert dictionary update sequence element #{i} to a sequence")
            pair = [x for x in it]
        if _len(pair) != 2:
            raise _ValueError(f"dictionary update sequence element #{i} has length {_len(pair)}; 2 is required")
        target[pair[0]] = pair[1]
        i += 1

def dict_from(*args, **kwargs):
    # dict(...) and its update: the argument, then the keywords.
    result = {}
    dict_update(result, *args, **kwargs)
    return result

def join_items(separator, iterable):
    # str.join: PySequence_Fast, a list of the items (the iterator's hint).
    if _type(iterable) is _list or _type(iterable) is _tuple:
        return separator.join(iterable)
    return separator.join([item for item in iterator_(iterable, 2)])

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
        if (method is _int_round or method is _float_round) and _has_script_index(ndigits):
            return round_digits(number, ndigits)
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
        if is_attribute:
            # A sandboxed job's fields are checked as its attribute loads are (statek_vm/sandbox.py).
            policy = _check_field(value, key)
            loaded = load_attr(value, key)
            value = loaded if policy is None else policy.checked_value(value, key, loaded)
        else:
            value = getitem(value, key)
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

# -- index arguments: host methods and builtins that call a script __index__ --
# Natively the method converts such an argument itself (PyNumber_AsSsize_t);
# here its script __index__ runs on the VM, in the order of the parameters,
# and the method is called with the int, which it takes as it took the
# object (same clipping, same overflow errors).

def index_arguments_call(func, where, args, kwargs):
    # where: (position, keyword name or None) of each index parameter.
    args = [*args]
    for position, name in where:
        if position < _len(args):
            if _has_script_index(args[position]):
                args[position] = index_(args[position])
        elif name is not None and name in kwargs and _has_script_index(kwargs[name]):
            kwargs = {**kwargs, name: index_(kwargs[name])}
    return func(*args, **kwargs)

def islice_arguments(args):
    # itertools.islice clears any error of converting start, stop or step
    # and reports the value as out of range: an object with no __index__
    # stands for it afterwards, which gives the same ValueError.
    bounds = [*args]
    if 1 <= _len(bounds) <= 3:
        for i in _range(_len(bounds)):
            if _has_script_index(bounds[i]):
                try:
                    bounds[i] = index_(bounds[i])
                except Exception:
                    bounds[i] = ""
    return bounds

def islice_indexed(iterable, *args):
    return _itertools_islice(iterable, *islice_arguments(args))

def bytes_indexed(cls, x):
    # bytes(n), bytearray(n): a TypeError of __index__ is cleared, and the
    # object is taken as an iterable of ints instead.
    try:
        size = index_(x)
    except TypeError:
        tp = _type(x)
        if _lookup(tp, "__iter__") is _MISSING and _lookup(tp, "__getitem__") is _MISSING:
            raise _TypeError(f"cannot convert '{_type_name(tp)}' object to {cls.__name__}") from None
        return cls([item for item in x])
    return cls(size)

def round_digits(number, ndigits):
    # round(x, ndigits) of an int or a float: the native __round__ converts ndigits with __index__.
    return _native_round(number, index_(ndigits))

# -- yield from a delegate whose __next__ is script code --

def send_step(iterator):
    # SEND's step of a yield-from delegate whose __next__ is script code:
    # (True, its return value) once it raises StopIteration, else (False, the item).
    try:
        item = _lookup(_type(iterator), "__next__")(iterator)
    except StopIteration as stop:
        return (True, stop.value)
    return (False, item)
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


_PLAIN_ORDERED = frozenset({int, float, str, bytes, bool})


def _plain_order(v: Any, w: Any, gt: bool) -> Any:
    """The runtime's ``ordered(v, w, gt)`` of plain values, natively; :data:`MISSING` for any other.

    Plain: numbers, strings and bytes of their exact types, and two tuples
    (or two lists) of them, whose comparison runs no script code.  A
    comparison that raises (``1 < "a"``) is left to the runtime's, which
    raises it as natively.
    """
    tv, tw = type(v), type(w)
    if tv not in _PLAIN_ORDERED or tw not in _PLAIN_ORDERED:
        if (tv is not tuple and tv is not list) or tw is not tv:
            return MISSING
        for x in v:
            if type(x) not in _PLAIN_ORDERED:
                return MISSING
        for x in w:
            if type(x) not in _PLAIN_ORDERED:
                return MISSING
    try:
        return v > w if gt else v < w
    except TypeError:
        return MISSING


# Builtin types whose iteration runs no script code (their exact types).
_PLAIN_ITERATED = frozenset(
    {list, tuple, str, bytes, bytearray, range, dict, set, frozenset}
    | {type({}.keys()), type({}.values()), type({}.items())}
)


def _plain_list(iterable: Any) -> Any:
    """The runtime's ``drain(iterable)`` of a plain container, natively; :data:`MISSING` for any other."""
    return list(iterable) if type(iterable) in _PLAIN_ITERATED else MISSING


def _reordered(items: list[Any], order: list[int]) -> list[Any]:
    """``items`` in ``order`` (indexes into it): a plain list's items, picked natively."""
    return [items[i] for i in order]


def lookup(tp: type, name: str) -> Any:
    """``name`` in the dicts of ``tp``'s MRO, as CPython's ``_PyType_Lookup``."""
    for klass in tp.__mro__:
        found = klass.__dict__.get(name, MISSING)
        if found is not MISSING:
            return found
    return MISSING


def inherits_object_new(cls: type) -> bool:
    """Whether ``cls.__new__`` (object.__new__) is inherited from ``object`` itself.

    A class that puts ``object.__new__`` in its own dict gets that function's
    check of excess arguments, so it is called with them.
    """
    for klass in cls.__mro__:
        if "__new__" in klass.__dict__:
            return klass is object
    return True


def _check_field(obj: Any, name: str) -> Any:
    from statek_vm.sandbox import check_field

    return check_field(obj, name)


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
    """islice's start, stop and step, checked as itertools checks them (in its order, with its messages)."""
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    start, stop, step = 0, -1, 1
    if len(args) == 1:
        if args[0] is not None:
            stop = _islice_ssize(args[0])
    else:
        if args[0] is not None:
            start = _islice_ssize(args[0])
        if args[1] is not None:
            stop = _islice_ssize(args[1])
    if stop == -1 and (args[0] if len(args) == 1 else args[1]) is not None:
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if start < 0 or stop < -1:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if len(args) == 3 and args[2] is not None:
        step = _islice_ssize(args[2])
    if step < 1:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return start, (None if stop == -1 else stop), step


def _islice_ssize(value: Any) -> int:
    # PyNumber_AsSsize_t, its error cleared: -1.
    try:
        value = operator.index(value)
    except Exception:  # noqa: BLE001
        return -1
    return value if -sys.maxsize - 1 <= value <= sys.maxsize else -1


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


SINGLEDISPATCH_WRAPPER = functools.singledispatch(lambda value: value).__code__  # type: ignore[attr-defined]


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
    if t is operator.attrgetter or t is operator.methodcaller:
        return True  # (it may reach a script property or method: the VM runs it)
    if t is types.FunctionType and value.__code__ == SINGLEDISPATCH_WRAPPER:
        return any(is_script_callable(impl) for impl in value.registry.values())
    if isinstance(value, type):
        return type(lookup(value, "__init__")) is VMFunction or type(lookup(value, "__new__")) is staticmethod
    return type(lookup(t, "__call__")) is VMFunction


def native_lru_cache(user_function: Any, maxsize: int | None, typed: bool) -> Any:
    """functools.lru_cache's own wrapper, for a function that is not script code."""
    return functools.lru_cache(maxsize, typed)(user_function)


def resolved(value: Any) -> Any:
    """``value``, its futures resolved: a host call is handed values, or the job suspends before it."""
    return value


class JsonPairs(list):  # type: ignore[type-arg]
    """A JSON object as parsed, before the script's hook sees it."""


class JsonConverted:
    """What a script ``default`` made of an object, for ``json.dump``'s encoder to unwrap."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def json_unwrap(o: Any) -> Any:
    if type(o) is JsonConverted:
        return o.value
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


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


class _Sequence:
    def __getitem__(self, index: int) -> Any:
        raise IndexError(index)


SEQUENCE_ITERATOR = type(iter(_Sequence()))  # the native iterator of the sequence protocol


def script_sequence(iterator: Any) -> Any:
    """The sequence of a native sequence iterator that has not started, if its ``__getitem__`` is script code."""
    if type(iterator) is not SEQUENCE_ITERATOR:
        return MISSING
    state = iterator.__reduce__()
    if len(state) < 3 or state[2] != 0 or not is_script(lookup(type(state[1][0]), "__getitem__")):
        return MISSING
    return state[1][0]


def same(obj: Any) -> Any:
    """``obj`` itself: an iterator's ``__iter__`` that calls no script code."""
    return obj


def sequence_iterator(seq: Any) -> Any:
    """``iter(seq)`` of an object with no ``__iter__`` and a script ``__getitem__``: the runtime's SequenceIterator."""
    it = object.__new__(namespace()["SequenceIterator"])
    it._seq = seq
    it._index = 0
    return it


def call_iterator(func: Any, sentinel: Any) -> Any:
    """``iter(func, sentinel)`` of a script callable: the runtime's CallIterator."""
    it = object.__new__(namespace()["CallIterator"])
    it._callable = func
    it._sentinel = sentinel
    return it


def value_of(value: Any) -> Any:
    """``value`` itself: a host function, so a future handed to it arrives resolved."""
    return value


def escape(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")


def default_state(obj: Any, required: bool) -> Any:
    """The state ``object.__getstate__`` gives ``obj`` (typeobject.c's object_getstate_default).

    ``required`` (a reduction with no arguments for ``__new__``): an object
    of a variable-size type cannot be reduced so.
    """
    if required and type(obj).__itemsize__:
        raise TypeError(f"cannot pickle {type(obj).__name__!r} object")
    return object.__getstate__(obj)


# -- Ordering: the host side of the runtime's sorting, min/max, heapq and bisect --

_HEAPTYPE = 1 << 9


def sort_how(keys: list[Any]) -> int:
    """The compare function list.sort's pre-sort check picks for ``keys`` (see the runtime's ``sort_lt``).

    0: ``<`` itself; 1: the keys' type's ``__lt__`` first (all keys of one
    class); 2 and 3: tuples, item by item, the first items compared as 0 or 1.
    For builtin types 0 and 1 make the same calls, so 1 is kept for classes.
    """
    first = keys[0]
    in_tuples = type(first) is tuple and len(first) > 0
    key_type = type(first[0]) if in_tuples else type(first)
    same = True
    for key in keys:
        if in_tuples:
            if type(key) is not tuple or not key:
                in_tuples = same = False
                break
            key = key[0]
        if type(key) is not key_type:
            same = False
            if not in_tuples:
                break
    by_type = same and bool(key_type.__flags__ & _HEAPTYPE)
    if in_tuples:
        return 3 if by_type else 2
    return 1 if by_type else 0


def native_min(*args: Any, **kwargs: Any) -> Any:
    return min(*args, **kwargs)


def native_max(*args: Any, **kwargs: Any) -> Any:
    return max(*args, **kwargs)


def heap_is_script(heap: list[Any], *items: Any) -> bool:
    """Whether the heap functions may compare ``items`` or ``heap``'s by script code (its first, middle and last)."""
    n = len(heap)
    for item in (*items, heap[0], heap[n >> 1], heap[-1]) if n else items:
        if type(item) not in _PLAIN_ORDER and ordering_is_script(item):
            return True
    return False


# Types whose comparisons are their own (and common in heaps).
_PLAIN_ORDER = frozenset({int, float, str, bytes, bool, type(None)})


# The comparisons dataclass(order=True) generates, by their code's
# qualname: the comparison each makes (an index of COMPARISON_NAMES).
DATACLASS_ORDER = {
    f"__create_fn__.<locals>.{name}": op for op, name in ((0, "__lt__"), (1, "__le__"), (4, "__gt__"), (5, "__ge__"))
}


def dataclass_order_fields(func: Any, cls: type) -> list[str]:
    """The fields compared by ``func``, a comparison dataclass(order=True) made for ``cls`` or a base of it."""
    owner = next((c for c in cls.__mro__ if c.__dict__.get(func.__name__) is func), cls)
    return [f.name for f in dataclasses.fields(owner) if f.compare]


def ordering_is_script(value: Any, depth: int = 2) -> bool:
    """Whether comparing ``value`` with ``<`` or ``>`` may run script code.

    By its class's comparisons (a script one, or one functools.total_ordering
    made), and for a tuple or list, its items' (``==`` included).
    """
    t = type(value)
    if t is tuple or t is list:
        return depth > 0 and any(ordering_is_script(item, depth - 1) for item in value)
    if not t.__flags__ & _HEAPTYPE:
        return False  # a builtin type: its comparisons are its own
    names = ("__lt__", "__gt__") if depth == 2 else ("__lt__", "__gt__", "__eq__")
    for name in names:
        method = lookup(t, name)
        if is_script(method) or (type(method) is types.FunctionType and method in TOTAL_ORDERING):
            return True
    return False


class Namespace(dict):  # type: ignore[type-arg]
    """The runtime's globals.  A dict subclass so that snapshots can tell it apart.

    It travels by reference, as its functions, its code units and its
    ``MISSING`` do (snapshot/pickling.py): a runtime frame resumed from a
    snapshot runs in the live runtime, where ``x is _MISSING`` holds for the
    ``MISSING`` that :func:`lookup` returns.
    """

    __slots__ = ()


_namespace: Namespace | None = None
_program: Program | None = None


def namespace() -> Namespace:
    """The runtime's functions, created on first use (they are VM functions)."""
    global _namespace, _program
    if _namespace is None:
        from statek_vm.snapshot import classes
        from statek_vm.vm import operations, special_calls
        from statek_vm.vm.frame import RET_BASE, Frame
        from statek_vm.vm.interpreter import Interpreter, class_statement_end

        program = compile_program(SOURCE, FILENAME)
        for unit in program.units:
            unit.depth_step = 0
        ns = Namespace(
            {
                "__name__": NAMESPACE_NAME,
                "__builtins__": builtins.__dict__,
                "_list": list,
                "_check_field": _check_field,
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
                "_plain_order": _plain_order,
                "_plain_list": _plain_list,
                "_reordered": _reordered,
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
                "_defaultdict_missing": collections.defaultdict.__missing__,
                "_KeyError": KeyError,
                "_RuntimeError": RuntimeError,
                "_islice_bounds": islice_bounds,
                "_object_new": object.__new__,
                "_inherits_object_new": inherits_object_new,
                "_object_init": object.__init__,
                "_type_new": type.__new__,
                "_abc_init": abc._abc_init,  # type: ignore[attr-defined]
                "_class_statement_end": class_statement_end,
                "_MAXSIZE": sys.maxsize,
                "_OverflowError": OverflowError,
                "_BINARY": BINARY,
                "_native_getitem": future_aware(operator.getitem),
                "_native_setitem": future_aware(operator.setitem),
                "_native_delitem": future_aware(operator.delitem),
                "_native_setattr": future_aware(setattr),
                "_native_iter": future_aware(iter),
                "_repeat": itertools.repeat,
                "_native_product": itertools.product,
                "_native_combinations": itertools.combinations,
                "_native_combinations_with_replacement": itertools.combinations_with_replacement,
                "_native_permutations": itertools.permutations,
                "_ABC_SEQUENCE_ITER": ABC_SEQUENCE_ITER,
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
                "_class_meta": special_calls.class_meta,
                "_class_body": special_calls.class_body,
                "_steps_on_vm": operations.steps_on_vm,
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
                "_native_delattr": delattr,
                "_MethodType": types.MethodType,
                "_callable": callable,
                "_is_script_callable": is_script_callable,
                "_native_lru_cache": native_lru_cache,
                "_CacheInfo": functools._CacheInfo,
                "_update_wrapper": functools.update_wrapper,
                "_exc_info": sys.exc_info,
                "_anext": anext,
                "_StopAsyncIteration": StopAsyncIteration,
                "_StopIteration": StopIteration,
                "_ATHROW_TRIPLE": sys.version_info < (3, 12),
                "_JSONEncoder": json.JSONEncoder,
                "_json_loads": json.loads,
                "_JsonPairs": JsonPairs,
                "_resolved": resolved,
                "_JsonConverted": JsonConverted,
                "_json_unwrap": json_unwrap,
                # What dataclasses.replace raises for a field it cannot set (ValueError before 3.13).
                "_REPLACE_ERROR": TypeError if sys.version_info >= (3, 13) else ValueError,
                # copy: object.__reduce_ex__
                "_copyreg": copyreg,
                "_object_reduce": object.__dict__["__reduce__"],
                "_object_getstate": object.__dict__["__getstate__"],
                "_BuiltinMethod": types.BuiltinMethodType,
                "_default_state": default_state,
                # Native operations run again with their script calls' answers (vm/replay.py).
                "_dict_lookup": future_aware(dict.get),
                # Ordering (sorting, min/max, heapq, bisect).
                "_RUNS_REVERSE_EQUALS": sys.version_info >= (3, 13),
                "_sort_how": sort_how,
                "_native_sorted": operations.native_sorted,
                "_native_order": operations.native_order,
                "_native_min": native_min,
                "_native_max": native_max,
                "_IndexError": IndexError,
                "_object": object,
                "_dataclass_order_fields": dataclass_order_fields,
                # Iteration of script iterables.
                "_KeysView": collections.abc.KeysView,
                # DICT_MERGE names a KeyError of one argument as a keyword given twice (3.12 and later).
                "_KEY_ERROR_IS_TWICE": sys.version_info >= (3, 12),
                "_script_sequence": script_sequence,
                "_same": same,
                "_builtin_iter": iter,
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
                "_gen_close_throw": generator_close_throw,
                "_gen_close_natively": generator_close_natively,
                "_gen_throw_here": generator_throw_here,
                "_CLOSE_RETURNS_VALUE": sys.version_info >= (3, 13),
                # index arguments of host methods and builtins
                "_itertools_islice": itertools.islice,
                "_int_round": int.__round__,
                "_float_round": float.__round__,
            }
        )
        frame = Frame(program.main, ns, builtins.__dict__, ns)
        frame.ret_mode = RET_BASE
        Interpreter().run(frame, frame, resumable=False)
        _namespace, _program = ns, program
    return _namespace


def program() -> Program:
    """The program of the runtime's functions."""
    namespace()
    assert _program is not None
    return _program


# Methods of library classes that call script code, by their function: the
# name of their runtime version (called with the instance first).
# collections.abc.Sequence's generator of items (its __iter__), re-stated
# for a script's Sequence (runtime ``abc_sequence_iter``).
ABC_SEQUENCE_ITER = collections.abc.Sequence.__iter__

RESTATED_METHODS: dict[Any, str] = {
    vars(abc.ABCMeta)["__new__"].__func__: "abc_meta_new",
    string.Template.substitute: "template_substitute",
    string.Template.safe_substitute: "template_safe_substitute",
    contextlib._GeneratorContextManager.__enter__: "gcm_enter",
    contextlib._GeneratorContextManager.__exit__: "gcm_exit",
    contextlib.closing.__exit__: "closing_exit",
    contextlib._AsyncGeneratorContextManager.__aenter__: "agcm_enter",
    contextlib._AsyncGeneratorContextManager.__aexit__: "agcm_exit",
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
    itertools.zip_longest: "zip_longest_",
    **({itertools.pairwise: "pairwise_"} if hasattr(itertools, "pairwise") else {}),
    itertools.compress: "compress_",
    itertools.cycle: "cycle_",
    itertools.product: "product_",
    itertools.combinations: "combinations_",
    itertools.combinations_with_replacement: "combinations_with_replacement_",
    itertools.permutations: "permutations_",
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


def generator_close_natively(gen: Any) -> Any:
    """``gen.close()`` run by host code (a generator paused in ``yield from``)."""
    return type(gen).close(gen)


def generator_close_throw(gen: Any) -> Any:
    """``gen.throw(GeneratorExit())`` for the runtime's ``generator_close_`` (special_calls.py runs it on the VM)."""
    return gen.throw(GeneratorExit())


def generator_throw_here(gen: Any, exc: BaseException | None) -> Any:
    """``exc`` (GeneratorExit if None) raised in ``gen`` at its ``yield from``, its delegate closed already.

    For the runtime's ``generator_close_``: special_calls.py raises it in a
    script generator as a VM frame.  Host code has no such call: the
    nearest, a throw, goes into the delegate first.
    """
    return gen.throw(GeneratorExit() if exc is None else exc)


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
