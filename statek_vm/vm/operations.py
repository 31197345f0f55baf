"""Operations whose native implementation calls script code, run on the VM instead.

An attribute load that finds a script property, ``__getattr__`` or
descriptor; an f-string, ``str()``, ``repr()``, ``format()`` or ``print``
of an object whose ``__str__``, ``__repr__`` or ``__format__`` is script
code: natively, C code calls the script function, so a wait inside it would
have to cross a host frame.  The instruction first tries the native
operation.  When that reaches script code, ``VMFunction.__call__`` sees that
its caller is one of the handlers registered here (``REDO_ON_VM``) and raises
``RedoOnVM`` before the script code starts: the native operation has had no
effect.  The handler then runs the operation's re-statement in
``runtime.py`` as a VM frame, which calls the script's parts as ordinary
calls, so a wait inside any of them is resumable.  Operations on objects with
no script parts never leave the native path and cost nothing more.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import itertools
import math
import operator
import types
from collections.abc import Iterator
from typing import Any

from statek_vm.vm import runtime
from statek_vm.vm.frame import (
    NULL,
    RET_BRANCH,
    RET_DISCARD,
    RET_OPERAND,
    RET_OPERATION,
    RET_PUSH_NULL,
    RET_SEND_STEP,
    Frame,
)
from statek_vm.vm.objects import REDO, REDO_ON_VM, RedoOnVM, VMFunction, VMGenerator

__all__ = [
    "NUMBER_BUILTINS",
    "REDO",
    "REDO_ON_VM",
    "RESTATED_CALLS",
    "RESTATED_STR_METHODS",
    "RedoOnVM",
    "call_restatable",
    "iterates_script",
    "merges_script",
    "no_redo",
    "redo",
    "redo_attribute",
    "redo_binary",
    "redo_branch",
    "redo_iterator",
    "redo_operand",
    "redo_send",
    "redo_store",
    "register",
    "restatement",
    "searched_by_iteration",
]

# Builtins whose native version calls script code (a __str__, a __format__)
# and their re-statements in runtime.py.
RESTATED_CALLS: dict[Any, str] = {
    str: "str_",
    repr: "repr_",
    ascii: "ascii_",
    format: "format_",
    print: "print_",
    len: "len_",
    bool: "bool_",
    sum: "sum_all",
    list: "list_",
    tuple: "tuple_",
    set: "set_",
    frozenset: "frozenset_",
    any: "any_",
    all: "all_",
    # Re-run on the VM when comparing reaches script code (they change nothing before).
    bisect.bisect_left: "bisect_left_",
    bisect.bisect_right: "bisect_right_",
    bisect.insort_left: "insort_left_",
    bisect.insort_right: "insort_right_",
    # numbers: __index__, the numeric conversions and builtins
    range: "range_",
    operator.index: "index_",
    hex: "hex_",
    oct: "oct_",
    bin: "bin_",
    int: "int_",
    float: "float_",
    complex: "complex_",
    abs: "abs_",
    round: "round_",
    divmod: "divmod_",
    pow: "pow_",
    math.floor: "floor_",
    math.ceil: "ceil_",
    math.trunc: "trunc_",
}

# Methods of str whose native version calls script code (a field's
# property, __getitem__ or __format__), by name, and their re-statements.
RESTATED_STR_METHODS: dict[str, str] = {"format": "str_format", "format_map": "str_format_map"}

# Builtins that take an iterable: they consume an iterator before any script
# code runs, so they are re-run on the VM only when given something else (a
# list, a script object whose __iter__ is script code).
_CONSUMERS = frozenset({sum, list, tuple, set, frozenset, any, all})
# Re-statements that never call their own builtin natively (others would
# ask again, so they are not re-run from the runtime's own code).
_SELF_CONTAINED = frozenset({"sum_all", "str_", "repr_", "ascii_", "format_", "len_", "bool_"})
# The number builtins among them (and their re-statements, which never call them natively).
NUMBER_BUILTINS = frozenset(
    {range, operator.index, hex, oct, bin, int, float, complex, abs, round, divmod, pow}
    | {math.floor, math.ceil, math.trunc}
)
_SELF_CONTAINED |= {RESTATED_CALLS[builtin] for builtin in NUMBER_BUILTINS}

# Arguments of these types take a number builtin (or a conversion to str) to no script code.
_PLAIN_NUMBERS: frozenset[Any] = frozenset({int, float, bool, str, complex, type(None)})
# Builtin containers, whose size (and copy into a list or tuple) involves none of their elements.
_SIZED_NATIVELY = _PLAIN_NUMBERS | {list, tuple, dict, set, frozenset, bytes, bytearray, range}
_SIZED_NATIVELY |= {type({}.keys()), type({}.values()), type({}.items())}
# Builtins of RESTATED_CALLS that reach no script code when every argument's type is one of these.
NATIVE_ARGUMENTS: dict[Any, frozenset[Any]] = {
    **dict.fromkeys(NUMBER_BUILTINS, _PLAIN_NUMBERS),
    **dict.fromkeys((str, repr, ascii, format), _PLAIN_NUMBERS),
    **dict.fromkeys((len, bool, list, tuple), _SIZED_NATIVELY),
}

_NATIVE_ITERABLES = frozenset({list, tuple, dict, set, frozenset, type({}.keys()), type({}.items())})

PLAIN, METHOD_NULL_FIRST, METHOD_NULL_AFTER = 0, 1, 2


def restatement(builtin: Any, args: Any, kwargs: Any, caller: Frame) -> str | None:
    """The runtime function to run ``builtin`` on the VM should it reach script code, if any."""
    plain = NATIVE_ARGUMENTS.get(builtin)
    if plain is not None and not kwargs:
        # range(n), int(text), str(n), len(items), tuple(items): these reach no script code.
        for a in args:
            if type(a) not in plain:
                break
        else:
            return None
    name = RESTATED_CALLS.get(builtin)
    if name is None:
        return None
    if caller.unit.filename == runtime.FILENAME and name not in _SELF_CONTAINED:
        return None
    if builtin in _CONSUMERS and args and runtime.lookup(type(args[0]), "__next__") is not runtime.MISSING:
        return None
    if (builtin is set or builtin is frozenset) and len(args) == 1 and type(args[0]) in _NATIVE_ITERABLES:
        # Iterating it calls no script code; hashing its elements may, and is
        # replayed (vm/replay.py): a dict's or set's own hashes are used, as natively.
        return None
    return name


def register(*handlers: Any) -> None:
    """Let these handlers catch ``RedoOnVM`` from script code their native operation calls."""
    for handler in handlers:
        REDO_ON_VM.add(handler.__code__)


def call_restatable(func: Any, args: Any, kwargs: Any) -> Any:
    """Call a builtin of ``RESTATED_CALLS``; script code it calls raises ``RedoOnVM``."""
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


def native_sorted(items: list[Any], reverse: bool) -> list[Any] | None:
    """``items`` sorted natively, or None if comparing them reaches script code (which has not started)."""
    try:
        return sorted(items, reverse=reverse)
    except RedoOnVM:
        REDO.raised = False
        return None


def native_order(keys: list[Any], reverse: bool) -> list[int] | None:
    """The indices of ``keys`` in the order a native keyed sort puts them, or None as ``native_sorted``."""
    try:
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=reverse)
    except RedoOnVM:
        REDO.raised = False
        return None


register(call_restatable, native_sorted, native_order)


def redo(vm: Any, f: Frame, name: str, args: Any, kwargs: Any = None) -> Frame:
    """The frame of runtime function ``name`` called from ``f``."""
    REDO.raised = False
    return vm._callee(f, vm.frame_for(runtime.namespace()[name], args, kwargs))  # type: ignore[no-any-return]


def redo_binary(vm: Any, f: Frame, left: Any, right: Any, op: int, comparison: bool, as_bool: bool = False) -> Frame:
    """``left OP right`` (a binary operator, or a comparison) on the VM.

    The common case, the left operand's own method with no reflected one
    to try first, calls that method directly; only if it returns
    NotImplemented does the runtime's re-statement go on from there.
    """
    if (
        (op == 6 or op == 19)
        and not comparison
        and type(left) is str
        and (type(right) is str or not isinstance(right, str))  # else a str subclass's __rmod__ comes first
    ):
        # str % args: PyUnicode_Format, whatever script code it reached.
        return redo(vm, f, "percent_format", [left, right])
    if comparison:
        name, whole, after = runtime.COMPARISON_NAMES[op], "compare", "compare_after"
        if as_bool:
            whole, after = "compare_bool", "compare_bool_after"
    else:
        name, _, inplace, _ = runtime.BINARY[op]
        whole, after = "binary_op", "binary_after"
        if inplace is not None:
            return redo(vm, f, whole, [left, right, op])
    ta, tb = type(left), type(right)
    method = runtime.lookup(ta, name)
    if type(method) is not VMFunction or (tb is not ta and ta in tb.__mro__):
        return redo(vm, f, whole, [left, right, op])
    REDO.raised = False
    frame: Frame = vm._callee(f, vm.frame_for(method, [left, right], None))
    frame.ret_mode = RET_OPERATION
    frame.ret_info = (after, (left, right, op), as_bool)
    return frame


def redo_store(vm: Any, f: Frame, name: str, args: Any) -> Frame:
    """Runtime function ``name`` for a store: its result is not pushed."""
    frame = redo(vm, f, name, args)
    frame.ret_mode = RET_DISCARD
    return frame


def redo_branch(vm: Any, f: Frame, value: Any, jump_if: bool, target: int, keep: bool) -> Frame:
    """A conditional jump on ``value``'s truth, decided by the VM's ``truth``.

    ``keep``: the value stays on the stack when the jump is taken, and is
    popped when it is not (``JUMP_IF_FALSE_OR_POP``); else it is popped first.
    """
    if not keep:
        f.stack.pop()
    frame = redo(vm, f, "truth", [value])
    frame.ret_mode = RET_BRANCH
    frame.ret_info = (jump_if, target, keep)
    return frame


def redo_attribute(vm: Any, f: Frame, owner: Any, name: str, layout: int) -> Frame:
    """``owner.name`` on the VM; the owner (on top of ``f``'s stack) is replaced by the value."""
    tp = type(owner)
    descr = runtime.lookup(tp, name)
    if (
        type(descr) is property
        and type(descr.fget) is VMFunction
        and runtime.lookup(tp, "__getattr__") is runtime.MISSING
        and type(runtime.lookup(tp, "__getattribute__")) is not VMFunction
    ):
        # The common case, a property's getter: its value is the attribute.
        REDO.raised = False
        frame: Frame = vm._callee(f, vm.frame_for(descr.fget, [owner], None))
    else:
        frame = redo(vm, f, "load_attr", [owner, name])
    st = f.stack
    if layout == METHOD_NULL_FIRST:
        st[-1] = NULL
    else:
        st.pop()
        if layout == METHOD_NULL_AFTER:
            frame.ret_mode = RET_PUSH_NULL
    return frame


# -- iteration ------------------------------------------------------------------------
#
# Native iteration runs script code when an object's __iter__ or __next__ is
# script code, when it has no __iter__ and a script __getitem__ (the sequence
# protocol), when it is a generator of the VM's, and when a length hint asks
# a script __len__ or __length_hint__.  The instructions and builtins that
# iterate an operand decide by its type, before anything runs, whether the
# VM iterates it: once native iteration has taken an item, it cannot be
# asked to stop and start again on the VM.

_PLAIN_ITERABLES: tuple[Any, ...] = (
    [], (), "", b"", bytearray(), range(0), range(1 << 64), set(), collections.deque(),
    {}.keys(), {}.values(), {}.items(), reversed([]), reversed({}),
)  # fmt: skip
# Builtin types whose iteration (or whose absence of one) calls no script code.
PLAIN_TYPES: frozenset[Any] = frozenset(
    {
        list, tuple, dict, set, frozenset, str, bytes, bytearray, range, memoryview,
        int, float, complex, bool, type(None), types.GeneratorType,
        type, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
        enumerate, zip, map, filter, reversed,
        collections.deque, collections.OrderedDict, collections.Counter, collections.defaultdict,
        *map(type, map(iter, _PLAIN_ITERABLES)),
        type({}.keys()), type({}.values()), type({}.items()),
    }
    | {
        getattr(itertools, name)
        for name in (
            "accumulate", "batched", "chain", "combinations", "combinations_with_replacement", "compress",
            "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations",
            "product", "repeat", "starmap", "takewhile", "zip_longest",
        )
        if hasattr(itertools, name)
    }
)  # fmt: skip

_SCRIPT_SIZE = ("__len__", "__length_hint__")


# Library functions that the VM runs from their own source (vm/library.py
# fills it: it is library.ON_VM).  A type's ``__next__`` or ``__anext__``
# that is one of them steps on the VM, as a script's does, not by the type's
# native slot, which would run it natively: CPython 3.13's
# ``asyncio.as_completed()`` returns an iterator of asyncio's whose
# ``__next__`` makes a coroutine of asyncio's.
LIBRARY_ON_VM: dict[Any, str] = {}
_FunctionType = types.FunctionType


def steps_on_vm(step: Any) -> bool:
    """Whether ``step``, a type's ``__next__`` or ``__anext__``, runs on the VM: script code or a library function."""
    t = type(step)
    return t is VMFunction or (t is _FunctionType and step in LIBRARY_ON_VM)


def iterates_script(obj: Any) -> bool:
    """Whether iterating ``obj`` natively would run script code (and the VM should iterate it)."""
    tp = type(obj)
    if tp in PLAIN_TYPES:
        return False
    if tp is VMGenerator:
        return True
    lookup = runtime.lookup
    method = lookup(tp, "__iter__")
    if method is runtime.MISSING or method is runtime.ABC_SEQUENCE_ITER:
        return type(lookup(tp, "__getitem__")) is VMFunction
    return (
        type(method) is VMFunction
        or steps_on_vm(lookup(tp, "__next__"))
        or any(type(lookup(tp, name)) is VMFunction for name in _SCRIPT_SIZE)
    )


def merges_script(obj: Any) -> bool:
    """Whether merging mapping ``obj`` into a dict natively (``**obj``, dict.update) would run script code."""
    tp = type(obj)
    if tp in PLAIN_TYPES:
        return False
    lookup = runtime.lookup
    if isinstance(obj, dict) and lookup(tp, "__iter__") is dict.__iter__:
        return False  # merged from the dict's own table: nothing of the subclass is called
    return (
        type(lookup(tp, "keys")) is VMFunction
        or type(lookup(tp, "__getitem__")) is VMFunction
        or type(lookup(tp, "__iter__")) is VMFunction
    )


def redo_iterator(vm: Any, f: Frame, obj: Any, iterator: Any) -> Frame | None:
    """GET_ITER's iterator, if native stepping would run script code: the VM's, on top of ``f``'s stack instead.

    An iterator whose ``__next__`` is script code (or a library function
    that runs on the VM) is stepped by a generator of the VM's.  So is the
    native iterator the sequence protocol makes for an object with no
    ``__iter__`` (GET_ITER just made it, nothing else holds it): the VM's
    generator calls the script's ``__getitem__`` with 0, 1, ... instead.
    """
    tp = type(iterator)
    if steps_on_vm(runtime.lookup(tp, "__next__")):
        f.stack.pop()
        return redo(vm, f, "steps", [iterator])
    if (
        tp is runtime.SEQUENCE_ITERATOR
        and runtime.lookup(type(obj), "__iter__") is runtime.MISSING
        and runtime.script_sequence(iterator) is obj
    ):
        f.stack.pop()
        return redo(vm, f, "sequence_items", [obj])
    return None


def redo_operand(vm: Any, f: Frame, name: str, args: Any, depth: int) -> Frame:
    """Runtime function ``name`` converts the operand ``depth`` entries down ``f``'s stack; the instruction runs again.

    A ``*iterable`` becomes a tuple, an unpacked iterable a tuple or list of
    its items: with it the instruction runs its native path, and a wait in
    what it does next (a call) finds the operand converted already.
    """
    frame = redo(vm, f, name, args)
    frame.ret_mode = RET_OPERAND
    frame.ret_info = depth
    return frame


def redo_send(vm: Any, f: Frame, receiver: Any, target: int, keep: bool) -> Frame | None:
    """SEND's step of a ``yield from`` delegate whose ``__next__`` is script code, on the VM.

    Natively SEND calls it (tp_iternext); here runtime function
    ``send_step`` calls it as a VM frame.  The value sent (None) is popped;
    ``keep``: the receiver stays below the delegate's return value (3.12's
    END_SEND at the target removes it).
    """
    if not steps_on_vm(runtime.lookup(type(receiver), "__next__")):
        return None
    f.stack.pop()
    frame = redo(vm, f, "send_step", [receiver])
    frame.ret_mode = RET_SEND_STEP
    frame.ret_info = (target, keep)
    return frame


# Containers that ``in`` searches without an iterator of their own: script
# code it reaches (an element's __eq__) finds them as they were.
SEARCHED_IN_PLACE = frozenset(
    {
        list, tuple, dict, set, frozenset, str, bytes, bytearray, range,
        collections.deque, collections.OrderedDict, collections.Counter, collections.defaultdict,
        type({}.keys()), type({}.values()), type({}.items()),
    }
)  # fmt: skip


def searched_by_iteration(container: Any) -> bool | None:
    """How ``item in container`` must run when the container is an iterator.

    An iterator has moved on by the time ``in`` reaches script code (its
    ``__next__``, an item's ``__eq__``): that code cannot be asked to run
    on the VM instead.  True when the VM must search it from the start (a
    generator of the VM's, a script ``__next__``); False for a native
    iterator with no ``__contains__`` (zip, itertools.pairwise...): script
    code it reaches runs where it is reached; None otherwise.
    """
    tp = type(container)
    if tp is VMGenerator:
        return True
    lookup = runtime.lookup
    if lookup(tp, "__contains__") is not runtime.MISSING:
        return None
    step = lookup(tp, "__next__")
    if step is runtime.MISSING:
        return None
    return steps_on_vm(step)


@contextlib.contextmanager
def no_redo() -> Iterator[None]:
    """Script code that native code calls in here runs as any host call's, not redone on the VM."""
    REDO.disabled += 1
    try:
        yield
    finally:
        REDO.disabled -= 1
