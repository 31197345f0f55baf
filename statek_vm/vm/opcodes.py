"""The semantics of each CPython 3.11 instruction, one small function per opcode.

Every handler has the signature ``handler(vm, frame, arg)``.  The dispatch
loop has already advanced ``frame.pc`` past the instruction; a jump sets it.

**Atomic instructions** (DESIGN.md, point 3).  A handler either completes or
raises with the frame exactly as it was: it reads its operands with indexing,
does everything that can raise (including touching a pending future, which
raises ``FutureError``), and only then pops operands and pushes results.  The
loop restores ``pc`` when a handler raises.  So a job that suspends at
instruction *k* and later executes *k* again has executed it exactly once.

A handler returns ``None`` to continue, a :class:`Frame` to call into it, or
one of the signals below.
"""

from __future__ import annotations

import collections.abc
import enum
import operator
import sys
import types
from collections.abc import Callable
from typing import Any

from statek_vm.exceptions import FutureError
from statek_vm.future import FUTURE_API, FUTURE_CLASSES, LIVE_FUTURES
from statek_vm.program.code_unit import CO_ITERABLE_COROUTINE
from statek_vm.vm import operations, replay, script_asyncio
from statek_vm.vm.frame import NULL, UNBOUND, Frame
from statek_vm.vm.handoff import STORE_ONLY_METHODS, STORE_ONLY_NAMES, shown, stored_method
from statek_vm.vm.objects import (
    ASend,
    AsyncGenWrapped,
    VMAsyncGenerator,
    VMCoroutine,
    VMFunction,
    VMGenerator,
)
from statek_vm.vm.operations import RedoOnVM
from statek_vm.vm.script_frames import clean_traceback

_MISSING: Any = object()

SIG_RETURN = 1
SIG_YIELD = 2
SIG_EXC_STATE = 3  # the handled exception changed: the loop re-enters its context

Handler = Callable[[Any, Frame, Any], Any]
HANDLERS: dict[str, Handler] = {}


def op(fn: Handler) -> Handler:
    HANDLERS[fn.__name__] = fn
    return fn


def _resolve(value: Any) -> Any:
    """The value of a future (suspending while it is pending), else ``value``."""
    if type(value) in FUTURE_CLASSES:
        return value.value
    return value


# ---------------------------------------------------------------- stack --


@op
def NOP(vm: Any, f: Frame, arg: Any) -> None:
    return None


@op
def RESUME(vm: Any, f: Frame, arg: Any) -> None:
    return None


HANDLERS["PRECALL"] = RESUME  # method unpacking happens in CALL
HANDLERS["EXTENDED_ARG"] = RESUME


@op
def POP_TOP(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.pop()


@op
def PUSH_NULL(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.append(NULL)


@op
def COPY(vm: Any, f: Frame, arg: int) -> None:
    f.stack.append(f.stack[-arg])


@op
def SWAP(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    st[-1], st[-arg] = st[-arg], st[-1]


@op
def LOAD_CONST(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.append(arg)


# ---------------------------------------------------------------- names --


def _unbound_local(f: Frame, name: str) -> UnboundLocalError:
    return UnboundLocalError(f"cannot access local variable '{name}' where it is not associated with a value")


@op
def LOAD_FAST(vm: Any, f: Frame, arg: int) -> None:
    value = f.fast[arg]
    if value is UNBOUND:
        raise _unbound_local(f, f.unit.varnames[arg])
    f.stack.append(value)


@op
def STORE_FAST(vm: Any, f: Frame, arg: int) -> None:
    f.fast[arg] = f.stack.pop()


@op
def DELETE_FAST(vm: Any, f: Frame, arg: int) -> None:
    if f.fast[arg] is UNBOUND:
        raise _unbound_local(f, f.unit.varnames[arg])
    f.fast[arg] = UNBOUND


def _name_error(name: str) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


@op
def LOAD_GLOBAL(vm: Any, f: Frame, arg: tuple[bool, str]) -> None:
    # Errors are raised outside ``except`` blocks throughout: an exception
    # raised inside one would be chained to the lookup's KeyError.
    push_null, name = arg
    value = f.globals.get(name, _MISSING)
    if value is _MISSING:
        value = f.builtins.get(name, _MISSING)
        if value is _MISSING:
            raise _name_error(name)
    if push_null:
        f.stack.append(NULL)
    f.stack.append(value)


@op
def STORE_GLOBAL(vm: Any, f: Frame, arg: str) -> None:
    f.globals[arg] = f.stack[-1]
    f.stack.pop()


@op
def DELETE_GLOBAL(vm: Any, f: Frame, arg: str) -> None:
    if arg not in f.globals:
        raise _name_error(arg)
    del f.globals[arg]


@op
def LOAD_NAME(vm: Any, f: Frame, arg: str) -> Any:
    ns = f.locals
    if ns is None:
        raise SystemError(f"no locals when loading {arg!r}")
    if type(ns) is dict:
        value = ns.get(arg, _MISSING)
    else:
        try:
            value = _mapping_lookup(ns, arg)
        except RedoOnVM:  # (a namespace's script __getitem__, which may wait)
            return operations.redo(vm, f, "load_name", [ns, arg, f.globals, f.builtins])
    if value is _MISSING:
        value = f.globals.get(arg, _MISSING)
        if value is _MISSING:
            value = f.builtins.get(arg, _MISSING)
            if value is _MISSING:
                raise _name_error(arg)
    f.stack.append(value)


def _lookup(ns: Any, name: str) -> Any:
    if type(ns) is dict:
        return ns.get(name, _MISSING)
    try:
        return ns[name]
    except KeyError:
        return _MISSING


@op
def STORE_NAME(vm: Any, f: Frame, arg: str) -> Any:
    ns = f.locals
    if ns is None:
        raise SystemError(f"no locals found when storing {arg!r}")
    if type(ns) is dict:
        ns[arg] = f.stack[-1]
    else:
        try:
            _mapping_store(ns, arg, f.stack[-1])
        except RedoOnVM:  # (a namespace's script __setitem__, which may wait)
            return operations.redo_store(vm, f, "setitem", [ns, arg, f.stack.pop()])
    f.stack.pop()
    return None


# A class body's namespace that a metaclass's __prepare__ made: its script
# __getitem__ and __setitem__ are redone on the VM.  (Only these helpers ask
# it: a finalizer that a plain store runs is not such a call.)
def _mapping_lookup(ns: Any, name: str) -> Any:
    try:
        return ns[name]
    except KeyError:
        return _MISSING


def _mapping_store(ns: Any, name: str, value: Any) -> None:
    ns[name] = value


@op
def DELETE_NAME(vm: Any, f: Frame, arg: str) -> None:
    ns = f.locals
    if ns is None:
        raise SystemError(f"no locals when deleting {arg!r}")
    missing = False
    try:
        del ns[arg]
    except KeyError:
        missing = True
    if missing:
        raise _name_error(arg)


# ---------------------------------------------------------------- cells --


@op
def MAKE_CELL(vm: Any, f: Frame, arg: int) -> None:
    name = f.unit.cellvars[arg]
    index = f.unit._var_index.get(name)
    if index is not None and f.fast[index] is not UNBOUND:
        f.cells[arg] = _new_cell(f.fast[index])  # an argument captured by a closure
    else:
        f.cells[arg] = _new_cell()


_new_cell = types.CellType


@op
def COPY_FREE_VARS(vm: Any, f: Frame, arg: int) -> None:
    closure = f.func._closure
    base = len(f.unit.cellvars)
    f.cells[base : base + arg] = closure[:arg]


@op
def LOAD_CLOSURE(vm: Any, f: Frame, arg: int) -> None:
    f.stack.append(f.cells[arg])


def _cell_name(f: Frame, index: int) -> str:
    ncell = len(f.unit.cellvars)
    return f.unit.cellvars[index] if index < ncell else f.unit.freevars[index - ncell]


def _unbound_cell(f: Frame, index: int) -> Exception:
    name = _cell_name(f, index)
    if index < len(f.unit.cellvars):
        return _unbound_local(f, name)
    return NameError(
        f"cannot access free variable '{name}' where it is not associated with a value in enclosing scope",
        name=name,
    )


@op
def LOAD_DEREF(vm: Any, f: Frame, arg: int) -> None:
    try:
        value = f.cells[arg].cell_contents
    except ValueError:
        value = _MISSING
    if value is _MISSING:
        raise _unbound_cell(f, arg)
    f.stack.append(value)


@op
def LOAD_CLASSDEREF(vm: Any, f: Frame, arg: int) -> None:
    name = _cell_name(f, arg)
    ns = f.locals
    if ns is not None and name in ns:
        f.stack.append(ns[name])
        return
    LOAD_DEREF(vm, f, arg)


@op
def STORE_DEREF(vm: Any, f: Frame, arg: int) -> None:
    f.cells[arg].cell_contents = f.stack.pop()


@op
def DELETE_DEREF(vm: Any, f: Frame, arg: int) -> None:
    cell = f.cells[arg]
    try:
        del cell.cell_contents
    except ValueError:
        cell = None
    if cell is None:
        raise _unbound_cell(f, arg)


# ------------------------------------------------------------ operators --

BINARY_OPS: list[Callable[[Any, Any], Any]] = [
    operator.add, operator.and_, operator.floordiv, operator.lshift, operator.matmul,
    operator.mul, operator.mod, operator.or_, operator.pow, operator.rshift,
    operator.sub, operator.truediv, operator.xor,
    operator.iadd, operator.iand, operator.ifloordiv, operator.ilshift, operator.imatmul,
    operator.imul, operator.imod, operator.ior, operator.ipow, operator.irshift,
    operator.isub, operator.itruediv, operator.ixor,
]  # fmt: skip


def checked_binary_ops(meter: Any) -> list[Callable[[Any, Any], Any]]:
    """BINARY_OP's operations for a job under a memory limit: a large result is refused before it is made."""
    from statek_vm.limits import size_of_power, size_of_repeat

    def repeat(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def checked(a: Any, b: Any) -> Any:
            # (numbers pass at once: they are most of the products)
            ta, tb = type(a), type(b)
            if ta is not tb and (ta is int or tb is int):
                size = size_of_repeat(a, b) if tb is int else size_of_repeat(b, a)
                if size is not None:
                    meter.large(size)
            return op(a, b)

        return checked

    def power(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def checked(a: Any, b: Any) -> Any:
            if type(b) is int and b >= 100_000:
                size = size_of_power(a, b)
                if size is not None:
                    meter.large(size)
            return op(a, b)

        return checked

    def shift(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def checked(a: Any, b: Any) -> Any:
            if type(b) is int and b > 800_000 and type(a) is int and a:
                meter.large(b // 8 + a.bit_length() // 8)
            return op(a, b)

        return checked

    ops = list(BINARY_OPS)
    for i in (5, 18):  # * *=
        ops[i] = repeat(ops[i])
    for i in (8, 21):  # ** **=
        ops[i] = power(ops[i])
    for i in (3, 16):  # << <<=
        ops[i] = shift(ops[i])
    return ops


@op
def BINARY_OP(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    try:
        if LIVE_FUTURES and (arg == 6 or arg == 19) and type(st[-2]) is str:
            result = st[-2] % shown(st[-1])  # %-formatting shows what its operand holds
        else:
            result = vm.binary_ops[arg](st[-2], st[-1])
    except RedoOnVM:
        left, right = st[-2], st[-1]
        del st[-2:]
        return operations.redo_binary(vm, f, left, right, arg, comparison=False)
    del st[-1]
    st[-1] = result


_COMPARE_OPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]


@op
def COMPARE_OP(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    try:
        result = _COMPARE_OPS[arg](st[-2], st[-1])
    except RedoOnVM:
        left, right = st[-2], st[-1]
        del st[-2:]
        return operations.redo_binary(vm, f, left, right, arg, comparison=True)
    del st[-1]
    st[-1] = result
    return None


@op
def IS_OP(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    left, right = st[-2], st[-1]
    if type(left) in FUTURE_CLASSES or type(right) in FUTURE_CLASSES:
        left, right = _resolve(left), _resolve(right)
    result = (left is right) ^ bool(arg)
    del st[-1]
    st[-1] = result


@op
def CONTAINS_OP(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    if type(st[-1]) not in operations.SEARCHED_IN_PLACE:
        searched = operations.searched_by_iteration(st[-1])
        if searched is not None:
            item, container = st[-2], st[-1]
            if searched:
                # A generator of the VM's, an iterator whose __next__ is
                # script code: searched on the VM from the start.
                del st[-2:]
                return operations.redo(vm, f, "contains", [container, item, bool(arg)])
            # A native iterator: the items it has taken when script code is
            # reached are gone, so that code runs as any host call's.
            with operations.no_redo():
                result = (item in container) ^ bool(arg)
            del st[-1]
            st[-1] = result
            return None
    try:
        result = (st[-2] in st[-1]) ^ bool(arg)
    except RedoOnVM:
        item, container = st[-2], st[-1]
        del st[-2:]
        return operations.redo(vm, f, "contains", [container, item, bool(arg)])
    del st[-1]
    st[-1] = result
    return None


@op
def UNARY_POSITIVE(vm: Any, f: Frame, arg: Any) -> Any:
    try:
        f.stack[-1] = +f.stack[-1]
    except RedoOnVM:
        return operations.redo(vm, f, "unary_op", [f.stack.pop(), "__pos__", "+"])
    return None


@op
def UNARY_NEGATIVE(vm: Any, f: Frame, arg: Any) -> Any:
    try:
        f.stack[-1] = -f.stack[-1]
    except RedoOnVM:
        return operations.redo(vm, f, "unary_op", [f.stack.pop(), "__neg__", "-"])
    return None


@op
def UNARY_NOT(vm: Any, f: Frame, arg: Any) -> Any:
    try:
        f.stack[-1] = not f.stack[-1]
    except RedoOnVM:
        return operations.redo(vm, f, "not_", [f.stack.pop()])
    return None


@op
def UNARY_INVERT(vm: Any, f: Frame, arg: Any) -> Any:
    try:
        f.stack[-1] = ~f.stack[-1]
    except RedoOnVM:
        return operations.redo(vm, f, "unary_op", [f.stack.pop(), "__invert__", "~"])
    return None


@op
def BINARY_SUBSCR(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    try:
        result = st[-2][st[-1]]
    except RedoOnVM:
        container, key = st[-2], st[-1]
        del st[-2:]
        return operations.redo(vm, f, "getitem", [container, key])
    del st[-1]
    st[-1] = result
    return None


@op
def STORE_SUBSCR(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    try:
        st[-2][st[-1]] = st[-3]
    except RedoOnVM:
        value, container, key = st[-3], st[-2], st[-1]
        del st[-3:]
        return operations.redo_store(vm, f, "setitem", [container, key, value])
    del st[-3:]
    return None


@op
def DELETE_SUBSCR(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    try:
        del st[-2][st[-1]]
    except RedoOnVM:
        container, key = st[-2], st[-1]
        del st[-2:]
        return operations.redo_store(vm, f, "delitem", [container, key])
    del st[-2:]
    return None


@op
def BUILD_SLICE(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    value = slice(st[-3], st[-2], st[-1]) if arg == 3 else slice(st[-2], st[-1])
    del st[-arg:]
    st.append(value)


@op
def GET_LEN(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.append(len(f.stack[-1]))


# --------------------------------------------------------------- jumps --


@op
def JUMP_FORWARD(vm: Any, f: Frame, arg: int) -> None:
    f.pc = arg


HANDLERS["JUMP_BACKWARD"] = JUMP_FORWARD
HANDLERS["JUMP_BACKWARD_NO_INTERRUPT"] = JUMP_FORWARD
HANDLERS["JUMP"] = JUMP_FORWARD
HANDLERS["JUMP_NO_INTERRUPT"] = JUMP_FORWARD


@op
def POP_JUMP_FORWARD_IF_FALSE(vm: Any, f: Frame, arg: int) -> Any:
    value = f.stack[-1]
    try:
        if value is False or (value is not True and not value):
            f.pc = arg
    except RedoOnVM:
        return operations.redo_branch(vm, f, value, False, arg, keep=False)
    f.stack.pop()
    return None


@op
def POP_JUMP_FORWARD_IF_TRUE(vm: Any, f: Frame, arg: int) -> Any:
    value = f.stack[-1]
    try:
        if value is True or (value is not False and value):
            f.pc = arg
    except RedoOnVM:
        return operations.redo_branch(vm, f, value, True, arg, keep=False)
    f.stack.pop()
    return None


@op
def POP_JUMP_FORWARD_IF_NONE(vm: Any, f: Frame, arg: int) -> None:
    value = f.stack[-1]
    if type(value) in FUTURE_CLASSES:
        value = _resolve(value)
    if value is None:
        f.pc = arg
    f.stack.pop()


@op
def POP_JUMP_FORWARD_IF_NOT_NONE(vm: Any, f: Frame, arg: int) -> None:
    value = f.stack[-1]
    if type(value) in FUTURE_CLASSES:
        value = _resolve(value)
    if value is not None:
        f.pc = arg
    f.stack.pop()


HANDLERS["POP_JUMP_BACKWARD_IF_FALSE"] = POP_JUMP_FORWARD_IF_FALSE
HANDLERS["POP_JUMP_BACKWARD_IF_TRUE"] = POP_JUMP_FORWARD_IF_TRUE
HANDLERS["POP_JUMP_BACKWARD_IF_NONE"] = POP_JUMP_FORWARD_IF_NONE
HANDLERS["POP_JUMP_BACKWARD_IF_NOT_NONE"] = POP_JUMP_FORWARD_IF_NOT_NONE
HANDLERS["POP_JUMP_IF_FALSE"] = POP_JUMP_FORWARD_IF_FALSE
HANDLERS["POP_JUMP_IF_TRUE"] = POP_JUMP_FORWARD_IF_TRUE
HANDLERS["POP_JUMP_IF_NONE"] = POP_JUMP_FORWARD_IF_NONE
HANDLERS["POP_JUMP_IF_NOT_NONE"] = POP_JUMP_FORWARD_IF_NOT_NONE


@op
def JUMP_IF_FALSE_OR_POP(vm: Any, f: Frame, arg: int) -> Any:
    try:
        if not f.stack[-1]:
            f.pc = arg
        else:
            f.stack.pop()
    except RedoOnVM:
        return operations.redo_branch(vm, f, f.stack[-1], False, arg, keep=True)
    return None


@op
def JUMP_IF_TRUE_OR_POP(vm: Any, f: Frame, arg: int) -> Any:
    try:
        if f.stack[-1]:
            f.pc = arg
        else:
            f.stack.pop()
    except RedoOnVM:
        return operations.redo_branch(vm, f, f.stack[-1], True, arg, keep=True)
    return None


# ----------------------------------------------------------- containers --


@op
def BUILD_TUPLE(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    if arg:
        value = tuple(st[-arg:])
        del st[-arg:]
    else:
        value = ()
    st.append(value)


@op
def BUILD_LIST(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    if arg:
        value = st[-arg:]
        del st[-arg:]
    else:
        value = []
    st.append(value)


@op
def BUILD_SET(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    value = set(st[-arg:]) if arg else set()
    if arg:
        del st[-arg:]
    st.append(value)


@op
def BUILD_MAP(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    items = st[len(st) - 2 * arg :] if arg else []
    # Not a comprehension: a script __hash__ the dict calls must find this
    # handler as its caller (vm/replay.py).
    value = dict(zip(items[0::2], items[1::2], strict=True))
    if arg:
        del st[-2 * arg :]
    st.append(value)


@op
def BUILD_CONST_KEY_MAP(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    keys = st[-1]
    values = st[-1 - arg : -1]
    value = dict(zip(keys, values, strict=True))
    del st[-1 - arg :]
    st.append(value)


@op
def BUILD_STRING(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    if arg:
        value = "".join(st[-arg:])
        del st[-arg:]
    else:
        value = ""
    st.append(value)


@op
def LIST_APPEND(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    st[-1 - arg].append(st[-1])
    st.pop()


@op
def SET_ADD(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    st[-1 - arg].add(st[-1])
    st.pop()


@op
def MAP_ADD(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    st[-2 - arg][st[-2]] = st[-1]
    del st[-2:]


@op
def LIST_EXTEND(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    iterable = st[-1]
    target = st[-1 - arg]
    if not hasattr(type(iterable), "__iter__") and not hasattr(type(iterable), "__getitem__"):
        raise TypeError(f"Value after * must be an iterable, not {type(iterable).__name__}")
    if operations.iterates_script(iterable):
        st.pop()
        return operations.redo_store(vm, f, "list_extend", [target, iterable])
    target.extend(iterable)
    st.pop()
    return None


@op
def SET_UPDATE(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    if operations.iterates_script(st[-1]):
        iterable = st.pop()
        return operations.redo_store(vm, f, "set_update", [st[-arg], iterable])
    st[-1 - arg].update(st[-1])
    st.pop()
    return None


@op
def DICT_UPDATE(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    update = st[-1]
    if not hasattr(update, "keys"):
        raise TypeError(f"'{type(update).__name__}' object is not a mapping")
    if operations.merges_script(update):
        st.pop()
        return operations.redo_store(vm, f, "dict_update_display", [st[-arg], update])
    st[-1 - arg].update(update)
    st.pop()
    return None


@op
def DICT_MERGE(vm: Any, f: Frame, arg: int) -> Any:
    return dict_merge(vm, f, arg, f.stack[-3 - arg])


def dict_merge(vm: Any, f: Frame, arg: int, func: Any) -> Any:
    """``DICT_MERGE``: ``func`` is the callable, named in errors (versions place it differently)."""
    st = f.stack
    update = st[-1]
    target = st[-1 - arg]
    if not hasattr(update, "keys"):
        raise TypeError(f"{_func_desc(func)} argument after ** must be a mapping, not {type(update).__name__}")
    if operations.merges_script(update):
        st.pop()
        return operations.redo_store(vm, f, "dict_merge_call", [target, update, _func_desc(func)])
    for key in update.keys():  # noqa: SIM118 - the mapping protocol is keys() + __getitem__
        if key in target:
            raise TypeError(f"{_func_desc(func)} got multiple values for keyword argument '{key}'")
        target[key] = update[key]
    st.pop()
    return None


def _func_desc(func: Any) -> str:
    # CPython's _PyObject_FunctionStr: "module.qualname()" for functions.
    name = getattr(func, "__qualname__", None)
    if not isinstance(name, str):
        return f"{type(func).__name__} object"
    module = getattr(func, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return f"{module}.{name}()"
    return f"{name}()"


@op
def LIST_TO_TUPLE(vm: Any, f: Frame, arg: Any) -> None:
    f.stack[-1] = tuple(f.stack[-1])


@op
def UNPACK_SEQUENCE(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    seq = st[-1]
    cls = type(seq)
    if (cls is tuple or cls is list) and len(seq) == arg:
        items = seq
    else:
        items = []
        if not hasattr(type(seq), "__iter__") and not hasattr(type(seq), "__getitem__"):
            raise TypeError(f"cannot unpack non-iterable {type(seq).__name__} object")
        if operations.iterates_script(seq):
            return operations.redo_operand(vm, f, "unpack", [seq, arg], 1)
        for value in seq:
            if len(items) == arg:
                raise ValueError(f"too many values to unpack (expected {arg})")
            items.append(value)
        if len(items) < arg:
            raise ValueError(f"not enough values to unpack (expected {arg}, got {len(items)})")
    st.pop()
    st.extend(reversed(items))
    return None


@op
def UNPACK_EX(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    before = arg & 0xFF
    after = arg >> 8
    seq = st[-1]
    if not hasattr(type(seq), "__iter__") and not hasattr(type(seq), "__getitem__"):
        raise TypeError(f"cannot unpack non-iterable {type(seq).__name__} object")
    if type(seq) is not list and operations.iterates_script(seq):
        return operations.redo_operand(vm, f, "unpack_ex", [seq, before, after], 1)
    items = list(seq)
    if len(items) < before + after:
        raise ValueError(f"not enough values to unpack (expected at least {before + after}, got {len(items)})")
    middle = items[before : len(items) - after]
    values = [*items[:before], middle, *items[len(items) - after :]]
    st.pop()
    st.extend(reversed(values))
    return None


# ------------------------------------------------------------ attributes --


@op
def LOAD_ATTR(vm: Any, f: Frame, arg: str) -> Any:
    owner = f.stack[-1]
    if type(owner) in FUTURE_CLASSES and arg not in FUTURE_API:
        owner = owner.value
    try:
        f.stack[-1] = getattr(owner, arg)
    except RedoOnVM:
        return operations.redo_attribute(vm, f, owner, arg, operations.PLAIN)
    return None


def load_method(null_after: bool) -> Handler:
    """A method load (``LOAD_METHOD``; ``LOAD_ATTR`` with its method bit) that pushes a NULL and the bound method.

    3.11 and 3.12 push ``NULL, method``; 3.13 ``method, NULL`` (``null_after``).
    """
    layout = operations.METHOD_NULL_AFTER if null_after else operations.METHOD_NULL_FIRST

    def LOAD_METHOD(vm: Any, f: Frame, arg: str) -> Any:
        owner = f.stack[-1]
        if type(owner) in FUTURE_CLASSES and arg not in FUTURE_API:
            owner = owner.value
        try:
            if arg in STORE_ONLY_NAMES and arg in STORE_ONLY_METHODS.get(type(owner), ()):
                method = stored_method(owner, arg)
            else:
                method = getattr(owner, arg)
        except RedoOnVM:
            return operations.redo_attribute(vm, f, owner, arg, layout)
        if null_after:
            f.stack[-1] = method
            f.stack.append(NULL)
        else:
            f.stack[-1] = NULL
            f.stack.append(method)
        return None

    LOAD_METHOD.null_after = null_after  # type: ignore[attr-defined]  # (read by tier 1)
    return LOAD_METHOD


LOAD_METHOD = op(load_method(False))


@op
def STORE_ATTR(vm: Any, f: Frame, arg: str) -> Any:
    st = f.stack
    owner = _resolve(st[-1])
    try:
        setattr(owner, arg, st[-2])
    except RedoOnVM:
        value = st[-2]
        del st[-2:]
        return operations.redo_store(vm, f, "store_attr", [owner, arg, value])
    del st[-2:]
    return None


@op
def DELETE_ATTR(vm: Any, f: Frame, arg: str) -> Any:
    st = f.stack
    owner = _resolve(st[-1])
    try:
        delattr(owner, arg)
    except RedoOnVM:
        # A script __delattr__, a property's deleter or a descriptor's
        # __delete__ was reached before anything was deleted: on the VM.
        st.pop()
        return operations.redo_store(vm, f, "delete_attr", [owner, arg])
    st.pop()
    return None


# ------------------------------------------------------------- f-strings --


@op
def FORMAT_VALUE(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    have_spec = arg & 4
    spec = st[-1] if have_spec else ""
    value = st[-2] if have_spec else st[-1]
    if type(value) in FUTURE_CLASSES:
        value = value.value
    elif LIVE_FUTURES:
        value = shown(value)
    conv = arg & 3
    original = value
    try:
        if conv == 1:
            value = str(value)
        elif conv == 2:
            value = repr(value)
        elif conv == 3:
            value = ascii(value)
        result = value if (not spec and type(value) is str) else format(value, spec)
    except RedoOnVM:
        if have_spec:
            del st[-1]
        st.pop()
        # Script code was called before anything else: by the conversion,
        # or (with none) by format.
        return operations.redo(vm, f, "format_value", [original, conv, spec])
    if have_spec:
        del st[-1]
    st[-1] = result
    return None


# ---------------------------------------------------------------- calls --


@op
def KW_NAMES(vm: Any, f: Frame, arg: tuple[str, ...]) -> None:
    f.kwnames = arg


# A called script function's frame, run at once by its tier-1 function when
# it has one (tier1.call_nested, set by vm/tier1.py), or handed back.
call_nested: Any = None


@op
def CALL(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    below = st[-arg - 2]
    if below is NULL:
        func = st[-arg - 1]
        args = st[len(st) - arg :] if arg else []
    else:
        func = below
        args = st[len(st) - arg - 1 :]
    kwnames = f.kwnames
    if kwnames:
        nkw = len(kwnames)
        kwargs = dict(zip(kwnames, args[len(args) - nkw :], strict=True))
        args = args[: len(args) - nkw]
    else:
        kwargs = None
    result = vm.call(f, func, args, kwargs)
    del args, kwargs  # the argument list first: its items go when the stack lets them, as natively
    del st[-arg - 2 :]
    f.kwnames = None
    if type(result) is Frame:
        return call_nested(vm, f, result)  # (the frame, if tier 1 does not run it now)
    st.append(result)
    return None


@op
def CALL_FUNCTION_EX(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    if arg & 1:
        return call_function_ex(vm, f, st[-3], st[-2], st[-1], 4)
    return call_function_ex(vm, f, st[-2], st[-1], None, 3)


def call_function_ex(vm: Any, f: Frame, func: Any, callargs: Any, kwargs: Any, n: int) -> Any:
    """``CALL_FUNCTION_EX`` once the operands are found; ``n`` stack entries are replaced by the result."""
    st = f.stack
    if type(callargs) is not tuple:
        if not hasattr(callargs, "__iter__") and not hasattr(callargs, "__getitem__"):
            raise TypeError(f"{_func_desc(func)} argument after * must be an iterable, not {type(callargs).__name__}")
        if operations.iterates_script(callargs):
            return operations.redo_operand(vm, f, "tuple_", [callargs], n - 2)  # below it: kwargs, if any
        callargs = tuple(callargs)
        # In place of the iterable, consumed now: if the call suspends the
        # job before it starts (a pending future among the arguments), the
        # instruction runs again with the same arguments.
        st[-2 if kwargs is not None else -1] = callargs
    if kwargs is not None and type(kwargs) is not dict:
        if not hasattr(kwargs, "keys"):
            raise TypeError(f"{_func_desc(func)} argument after ** must be a mapping, not {type(kwargs).__name__}")
        kwargs = st[-1] = dict(kwargs)
    result = vm.call(f, func, callargs, kwargs or None)
    del st[-n:]
    if type(result) is Frame:
        return result
    st.append(result)
    return None


@op
def MAKE_FUNCTION(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    i = len(st) - 1
    unit = st[i]
    closure = annotations = kwdefaults = defaults = None
    if arg & 0x08:
        i -= 1
        closure = st[i]
    if arg & 0x04:
        i -= 1
        ann = st[i]
        annotations = dict(zip(ann[::2], ann[1::2], strict=True)) if isinstance(ann, tuple) else ann
    if arg & 0x02:
        i -= 1
        kwdefaults = st[i]
    if arg & 0x01:
        i -= 1
        defaults = st[i]
    func = VMFunction(unit, f.globals, defaults, kwdefaults, annotations, closure)
    if unit._dispatch is None:
        vm.dispatch_table(unit)
    del st[i:]
    st.append(func)


@op
def RETURN_VALUE(vm: Any, f: Frame, arg: Any) -> int:
    return SIG_RETURN


@op
def RETURN_RESULT(vm: Any, f: Frame, arg: Any) -> int:
    """Not CPython's: the POP_TOP of a job's final expression statement, returning its value (the job's result).

    A job's program puts it in place of that POP_TOP
    (statek_vm/program/program.py): the module body returns the value
    rather than dropping it and returning None.
    """
    return SIG_RETURN


@op
def LOAD_BUILD_CLASS(vm: Any, f: Frame, arg: Any) -> None:
    build_class = f.builtins.get("__build_class__")
    if build_class is None:
        raise NameError("__build_class__ not found")
    f.stack.append(build_class)


@op
def SETUP_ANNOTATIONS(vm: Any, f: Frame, arg: Any) -> None:
    ns = f.locals
    if ns is None:
        raise SystemError("no locals found when setting up annotations")
    if _lookup(ns, "__annotations__") is _MISSING:
        ns["__annotations__"] = {}


@op
def LOAD_ASSERTION_ERROR(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.append(AssertionError)


@op
def PRINT_EXPR(vm: Any, f: Frame, arg: Any) -> None:
    sys.displayhook(f.stack[-1])
    f.stack.pop()


# -------------------------------------------------------------- imports --


@op
def IMPORT_NAME(vm: Any, f: Frame, arg: str) -> None:
    st = f.stack
    level, fromlist = st[-2], st[-1]
    import_ = f.builtins.get("__import__")
    if import_ is None:
        raise ImportError("__import__ not found")
    module = import_(arg, f.globals, f.locals if f.locals is not None else None, fromlist, level)
    del st[-2:]
    st.append(module)


@op
def IMPORT_FROM(vm: Any, f: Frame, arg: str) -> None:
    module = f.stack[-1]
    try:
        value = getattr(module, arg)
    except AttributeError:
        value = _import_from_fallback(module, arg)
    f.stack.append(value)


def _import_from_fallback(module: Any, name: str) -> Any:
    pkgname = getattr(module, "__name__", None)
    if isinstance(pkgname, str):
        full = f"{pkgname}.{name}"
        if full in sys.modules:
            return sys.modules[full]
    path = getattr(module, "__file__", None)
    shown = pkgname if isinstance(pkgname, str) else "<unknown module name>"
    where = f" ({path})" if path else " (unknown location)"
    raise ImportError(f"cannot import name '{name}' from '{shown}'{where}", name=pkgname, path=path)


@op
def IMPORT_STAR(vm: Any, f: Frame, arg: Any) -> None:
    import_star(f, f.stack[-1])
    f.stack.pop()


def import_star(f: Frame, module: Any) -> None:
    """``from module import *`` into ``f``'s namespace (3.12 and 3.13: an intrinsic)."""
    ns = f.locals
    if ns is None:
        raise SystemError("no locals found during 'import *'")
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in getattr(module, "__dict__", {}) if not n.startswith("_")]
    for name in names:
        ns[name] = getattr(module, name)


# ----------------------------------------------------------- exceptions --


def raise_varargs(check_cause: bool) -> Handler:
    """``RAISE_VARARGS``: a bare ``raise``, ``raise exc``, ``raise exc from cause``.

    ``check_cause``: what calling a cause class made must be an exception
    (3.13; 3.11 and 3.12 take it as it is).
    """

    def RAISE_VARARGS(vm: Any, f: Frame, arg: int) -> None:
        st = f.stack
        vm.raise_kind = 1
        if arg == 0:
            exc = vm.current_exc()
            if exc is None:
                raise RuntimeError("No active exception to reraise")
            vm.raise_kind = 3
            vm.reraised = (exc, exc.__context__, exc.__suppress_context__, exc.__traceback__)
            raise exc
        if arg == 2:
            exc, cause = _exception_instance(st[-2]), st[-1]
            if cause is None:
                exc.__cause__ = None
            elif isinstance(cause, type) and issubclass(cause, BaseException):
                made: Any = cause()  # (a class's __new__ may return anything)
                if check_cause and not isinstance(made, BaseException):
                    vm.raise_kind = 0
                    raise TypeError(
                        f"calling {cause!r} should have returned an instance of BaseException, not {type(made)!r}"
                    )
                exc.__cause__ = made
            elif isinstance(cause, BaseException):
                exc.__cause__ = cause
            else:
                vm.raise_kind = 0
                raise TypeError("exception causes must derive from BaseException")
            raise exc
        raise _exception_instance(st[-1])

    return RAISE_VARARGS


RAISE_VARARGS = op(raise_varargs(False))


def _exception_instance(value: Any) -> BaseException:
    if isinstance(value, type) and issubclass(value, BaseException):
        exc = value()
        if not isinstance(exc, BaseException):
            raise TypeError(
                f"calling {value!r} should have returned an instance of BaseException, not {type(exc).__name__}"
            )
        return exc
    if isinstance(value, BaseException):
        return value
    raise TypeError("exceptions must derive from BaseException")


@op
def RERAISE(vm: Any, f: Frame, arg: int) -> None:
    # The handler is looked up at this instruction, not at the pushed lasti
    # (which only tells CPython which line to report), and no traceback entry
    # is added: the exception already has one for this frame.
    exc = f.stack[-1]
    vm.raise_kind = 2
    vm.reraised = (exc, exc.__context__, exc.__suppress_context__, exc.__traceback__)
    raise exc


@op
def PUSH_EXC_INFO(vm: Any, f: Frame, arg: Any) -> int:
    st = f.stack
    exc = st[-1]
    items = vm.exc_items
    st[-1] = items[-1]
    st.append(exc)
    items[-1] = exc
    return SIG_EXC_STATE


@op
def POP_EXCEPT(vm: Any, f: Frame, arg: Any) -> int:
    vm.exc_items[-1] = f.stack.pop()
    return SIG_EXC_STATE


@op
def CHECK_EXC_MATCH(vm: Any, f: Frame, arg: Any) -> None:
    st = f.stack
    right = st[-1]
    _check_except_type(right)
    st[-1] = isinstance(st[-2], right)


def _check_except_type(right: Any) -> None:
    items = right if isinstance(right, tuple) else (right,)
    for item in items:
        if not (isinstance(item, type) and issubclass(item, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")


@op
def CHECK_EG_MATCH(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    match_type = st[-1]
    _check_except_type(match_type)
    items = match_type if isinstance(match_type, tuple) else (match_type,)
    for item in items:
        if issubclass(item, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
    exc_value = st[-2]
    match, rest = _exception_group_match(exc_value, match_type)
    if match is None:
        st[-1] = None
        return None
    st[-2] = rest
    st[-1] = match
    vm.exc_items[-1] = match
    return SIG_EXC_STATE


def _exception_group_match(exc_value: Any, match_type: Any) -> tuple[Any, Any]:
    if exc_value is None:
        return None, None
    if isinstance(exc_value, match_type):
        if isinstance(exc_value, BaseExceptionGroup):
            return exc_value, None
        # A naked exception matched: wrap it in a group, as CPython does.
        wrapped = BaseExceptionGroup("", [exc_value])
        wrapped.__traceback__ = exc_value.__traceback__
        return wrapped, None
    if isinstance(exc_value, BaseExceptionGroup):
        match, rest = exc_value.split(match_type)
        return match, rest
    return None, None


@op
def PREP_RERAISE_STAR(vm: Any, f: Frame, arg: Any) -> None:
    st = f.stack
    excs, orig = st[-1], st[-2]
    result = _prep_reraise_star(orig, excs)
    del st[-1]
    st[-1] = result


def _prep_reraise_star(orig: Any, excs: list[Any]) -> Any:
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception was caught and wrapped: at most one except*
        # clause ran, so there is at most one exception to raise.
        return excs[0]
    raised: list[BaseException] = []
    reraised: list[BaseException] = []
    for e in excs:
        if e is None:
            continue
        if _same_metadata(e, orig):
            reraised.append(e)
        else:
            raised.append(e)
    keep: set[int] = set()
    for e in reraised:
        _leaf_ids(e, keep)
    reraised_eg = None
    if keep:
        reraised_eg, _ = orig.split(lambda leaf: id(leaf) in keep)
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) > 1:
        return (
            ExceptionGroup("", raised)
            if all(isinstance(e, Exception) for e in raised)
            else BaseExceptionGroup("", raised)
        )
    return raised[0]


def _same_metadata(e: BaseException, orig: BaseException) -> bool:
    return (
        getattr(e, "__notes__", None) is getattr(orig, "__notes__", None)
        and e.__traceback__ is orig.__traceback__
        and e.__cause__ is orig.__cause__
        and e.__context__ is orig.__context__
    )


def _leaf_ids(e: BaseException, into: set[int]) -> None:
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            _leaf_ids(sub, into)
    else:
        into.add(id(e))


# ------------------------------------------------------------ with-blocks --


def _special_lookup(obj: Any, name: str) -> Any:
    cls = type(obj)
    for klass in cls.__mro__:
        if name in klass.__dict__:
            attr = klass.__dict__[name]
            getter = getattr(type(attr), "__get__", None)
            return attr if getter is None else getter(attr, obj, cls)
    return _MISSING


def _before_with(vm: Any, f: Frame, enter_name: str, exit_name: str, protocol: str) -> Any:
    # The manager on the stack is replaced by its bound exit; its enter's result is pushed.
    st = f.stack
    mgr = _resolve(st[-1])
    enter = _special_lookup(mgr, enter_name)
    if enter is _MISSING:
        raise TypeError(f"'{type(mgr).__name__}' object does not support the {protocol} protocol")
    exit_ = _special_lookup(mgr, exit_name)
    if exit_ is _MISSING:
        raise TypeError(
            f"'{type(mgr).__name__}' object does not support the {protocol} protocol (missed {exit_name} method)"
        )
    result = vm.call(f, enter, [], None)
    st[-1] = exit_
    if type(result) is Frame:
        return result
    st.append(result)
    return None


@op
def BEFORE_WITH(vm: Any, f: Frame, arg: Any) -> Any:
    return _before_with(vm, f, "__enter__", "__exit__", "context manager")


@op
def BEFORE_ASYNC_WITH(vm: Any, f: Frame, arg: Any) -> Any:
    return _before_with(vm, f, "__aenter__", "__aexit__", "asynchronous context manager")


@op
def WITH_EXCEPT_START(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    exit_func = st[-4]
    val = st[-1]
    result = vm.call(f, exit_func, [type(val), val, val.__traceback__], None)
    if type(result) is Frame:
        return result
    st.append(result)
    return None


# ------------------------------------------------------------ iteration --


@op
def GET_ITER(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    obj = st[-1]
    try:
        it = iter(obj)
    except RedoOnVM:
        return operations.redo(vm, f, "iter_", [st.pop()])
    st[-1] = it
    kind = type(it)
    if kind in _STEPPED_NATIVELY:
        if kind is _GeneratorType and it.gi_code is _ABC_SEQUENCE_ITER_CODE:
            # A script's collections.abc.Sequence: its items from a generator of the VM's.
            it.close()  # (not started: runs nothing)
            st.pop()
            return operations.redo(vm, f, "abc_sequence_iter", [obj])
        if kind is _GeneratorType and it.gi_code is _FLAG_ITER_CODE:
            # A Flag value's members (``for grant in Grant.READ | Grant.WRITE``):
            # enum's generator runs no script code and the value cannot
            # change, so the members are taken at once, in a list iterator a
            # snapshot can carry.
            st[-1] = iter(list(it))
        return None
    # An iterator whose __next__ is script code, or the sequence protocol's
    # iterator of a script __getitem__: stepped on the VM.
    return operations.redo_iterator(vm, f, obj, it)


_GeneratorType = types.GeneratorType
_ABC_SEQUENCE_ITER_CODE = collections.abc.Sequence.__iter__.__code__
_FLAG_ITER_CODE = enum.Flag.__iter__.__code__


_STEPPED_NATIVELY = operations.PLAIN_TYPES | {VMGenerator}


@op
def GET_YIELD_FROM_ITER(vm: Any, f: Frame, arg: Any) -> None:
    value = f.stack[-1]
    if isinstance(value, VMCoroutine) or _is_native_coroutine(value):
        if not (f.unit.flags & 0x180):
            raise TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
        return
    if isinstance(value, VMGenerator) or _is_native_generator(value):
        return
    f.stack[-1] = iter(value)


# Delegates whose step is no script code's (native generators, coroutines, the builtin iterators).
_NATIVE_DELEGATES = operations.PLAIN_TYPES | {types.CoroutineType}


def _is_native_coroutine(value: Any) -> bool:
    return isinstance(value, types.CoroutineType)


def _is_native_generator(value: Any) -> bool:
    return isinstance(value, types.GeneratorType)


# A ``for`` of tier-0 code over a script generator, stepped by its tier-1
# function when it has one (tier1.step_nested, set by vm/tier1.py), else by the
# dispatch (Interpreter.enter_generator_for).
step_nested: Any = None


def for_iter(past_target: int) -> Handler:
    """``FOR_ITER`` whose ended loop continues ``past_target`` instructions after its target.

    3.11 jumps to its target, past the loop; from 3.12 the target is the
    loop's ``END_FOR``, and an ended loop continues after it (3.12), or
    after it and the ``POP_TOP`` that follows it (3.13), with the iterator
    popped, as CPython does.
    """

    def FOR_ITER(vm: Any, f: Frame, arg: int) -> Any:
        it = f.stack[-1]
        if type(it) is VMGenerator:
            return step_nested(vm, f, it, arg + past_target)
        try:
            value = next(it)
        except StopIteration:
            f.stack.pop()
            f.pc = arg + past_target
            return None
        f.stack.append(value)
        return None

    if past_target:
        FOR_ITER.past_target = past_target  # type: ignore[attr-defined]  # (read by tier 1)
    return FOR_ITER


FOR_ITER = op(for_iter(0))


@op
def RETURN_GENERATOR(vm: Any, f: Frame, arg: Any) -> int:
    flags = f.unit.flags
    if flags & 0x200:
        gen: Any = VMAsyncGenerator(f)
    elif flags & 0x80:
        gen = VMCoroutine(f)
    else:
        gen = VMGenerator(f)
    vm.new_generator = gen  # frame.generator is a weak reference
    return SIG_RETURN_GENERATOR


SIG_RETURN_GENERATOR = 4


@op
def YIELD_VALUE(vm: Any, f: Frame, arg: Any) -> int:
    return SIG_YIELD


@op
def ASYNC_GEN_WRAP(vm: Any, f: Frame, arg: Any) -> None:
    f.stack[-1] = AsyncGenWrapped(f.stack[-1])


def send(keeps_receiver: bool) -> Handler:
    """``SEND``: one step of the delegate of a ``yield from`` or ``await``.

    A delegate that returns leaves its value in place of ``receiver,
    value`` at the target (3.11), or, keeping the receiver
    (``keeps_receiver``, 3.12 and 3.13), in place of ``value`` for
    ``END_SEND`` at the target.  A script generator run inline returns past
    ``END_SEND`` (``Interpreter._deliver_return`` replaces the receiver),
    which is the state ``END_SEND`` makes.
    """
    past = 1 if keeps_receiver else 0

    def SEND(vm: Any, f: Frame, arg: int) -> Any:
        st = f.stack
        receiver, value = st[-2], st[-1]
        cls = type(receiver)
        if (cls is VMGenerator or cls is VMCoroutine) and not receiver._running:
            return vm.enter_generator_send(f, receiver, value, arg + past)
        throwing = vm.throw_at_send is not None
        if cls is ASend and not throwing:
            entered = vm.enter_asend(f, receiver, value, arg + past)
            if entered is not None:
                return entered
        if value is None and cls not in _NATIVE_DELEGATES and not throwing:
            stepped = operations.redo_send(vm, f, receiver, arg, keeps_receiver)
            if stepped is not None:
                return stepped
        try:
            result = step_host_delegate(vm, f, receiver, value)
        except StopIteration as stop:
            if keeps_receiver:
                st[-1] = stop.value
            else:
                del st[-2:]
                st.append(stop.value)
            f.pc = arg
            return None
        st[-1] = result
        return None

    return SEND


SEND = op(send(False))


def step_host_delegate(vm: Any, f: Frame, receiver: Any, value: Any) -> Any:
    """One step of a host delegate of ``yield from`` or ``await``, by SEND.

    ``send(value)`` (``next()`` for an iterator that has no ``send``), or
    the throw the VM passes down a chain of awaits (``vm.throw_at_send``:
    a task of the script's event loop cancelled): a delegate with no
    ``throw`` has it raised where it is awaited, as natively.  A real
    future that host code yields, to wait on it, is bridged to the
    script's event loop (vm/script_asyncio.py).
    """
    throwing = vm.throw_at_send
    if throwing is not None:
        vm.throw_at_send = None
        throw = getattr(receiver, "throw", None)
        if throw is None:
            raise throwing
        result = throw(throwing)
    elif value is None and not (_is_native_generator(receiver) or _is_native_coroutine(receiver)):
        result = next(receiver)
    else:
        result = receiver.send(value)
    if type(result) in _REAL_FUTURES:
        return script_asyncio.bridge(f, result)
    return result


_REAL_FUTURES = script_asyncio.REAL_FUTURES


@op
def GET_AWAITABLE(vm: Any, f: Frame, arg: int) -> None:
    obj = f.stack[-1]
    f.stack[-1] = _awaitable_iter(obj, arg)


def _awaitable_iter(obj: Any, where: int) -> Any:
    cls = type(obj)
    if cls is VMCoroutine:
        if _yieldfrom_running(obj):
            raise RuntimeError("coroutine is being awaited already")
        return obj
    if _is_native_coroutine(obj):
        return obj
    # A generator of a function made a coroutine by types.coroutine (its code
    # flagged CO_ITERABLE_COROUTINE) is awaited as it is, as CPython does.
    if cls is VMGenerator and obj._frame.unit.flags & CO_ITERABLE_COROUTINE:
        return obj
    if cls is types.GeneratorType and obj.gi_code.co_flags & CO_ITERABLE_COROUTINE:
        return obj
    if cls in FUTURE_CLASSES:
        return obj.__await__()
    getter = getattr(type(obj), "__await__", None)
    if getter is None:
        if where == 1:
            raise TypeError(
                f"'async with' received an object from __aenter__ that does not implement __await__: {cls.__name__}"
            )
        if where == 2:
            raise TypeError(
                f"'async with' received an object from __aexit__ that does not implement __await__: {cls.__name__}"
            )
        raise TypeError(f"object {cls.__name__} can't be used in 'await' expression")
    # A library's __await__ that runs on the VM (asyncio's Future.__iter__ of
    # the script's event loop, script_asyncio.YieldOnce's): its VM version.
    name = operations.LIBRARY_ON_VM.get(getter)
    if name is not None:
        from statek_vm.vm import library

        getter = library.function(name) or getter
    res = getter(obj)
    if _is_native_coroutine(res) or isinstance(res, VMCoroutine):
        raise TypeError("__await__() returned a coroutine")
    if not hasattr(res, "__next__"):
        raise TypeError(f"__await__() returned non-iterator of type '{type(res).__name__}'")
    return res


def _yieldfrom_running(coro: Any) -> bool:
    from statek_vm.vm.objects import _yieldfrom

    return _yieldfrom(coro) is not None


@op
def GET_AITER(vm: Any, f: Frame, arg: Any) -> None:
    obj = f.stack[-1]
    getter = getattr(type(obj), "__aiter__", None)
    if getter is None:
        raise TypeError(f"'async for' requires an object with __aiter__ method, got {type(obj).__name__}")
    it = getter(obj)
    if getattr(type(it), "__anext__", None) is None:
        raise TypeError(
            f"'async for' received an object from __aiter__ that does not implement __anext__: {type(it).__name__}"
        )
    f.stack[-1] = it


@op
def GET_ANEXT(vm: Any, f: Frame, arg: Any) -> None:
    aiter = f.stack[-1]
    getter = getattr(type(aiter), "__anext__", None)
    if getter is None:
        raise TypeError(f"'async for' requires an iterator with __anext__ method, got {type(aiter).__name__}")
    if type(getter) is types.FunctionType and getter in operations.LIBRARY_ON_VM:
        # A library's __anext__ that runs on the VM (asyncio's as_completed()
        # iterator on 3.13): its VM version makes the awaitable, as _awaitable_iter's do.
        from statek_vm.vm import library

        getter = library.function(operations.LIBRARY_ON_VM[getter]) or getter
    awaitable = getter(aiter)
    try:
        f.stack.append(_awaitable_iter(awaitable, 0))
    except FutureError:
        raise  # a pending future's __await__: the job suspends here
    except Exception as error:
        # As CPython: whatever made it no awaitable is the cause (without
        # the VM's frames, which would keep this handler's locals alive).
        error.__traceback__ = clean_traceback(error.__traceback__)
        raise TypeError(f"'async for' received an invalid object from __anext__: {type(awaitable).__name__}") from error


@op
def END_ASYNC_FOR(vm: Any, f: Frame, arg: Any) -> None:
    st = f.stack
    exc = st[-1]
    if isinstance(exc, StopAsyncIteration):
        del st[-2:]
        return
    vm.raise_kind = 2
    vm.reraised = (exc, exc.__context__, exc.__suppress_context__, exc.__traceback__)
    raise exc


# ---------------------------------------------------------------- match --

_TPFLAGS_SEQUENCE = 1 << 5
_TPFLAGS_MAPPING = 1 << 6
_MATCH_SELF_TYPES = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)


@op
def MATCH_MAPPING(vm: Any, f: Frame, arg: Any) -> None:
    subject = _resolve(f.stack[-1])
    f.stack.append(bool(type(subject).__flags__ & _TPFLAGS_MAPPING))


@op
def MATCH_SEQUENCE(vm: Any, f: Frame, arg: Any) -> None:
    subject = _resolve(f.stack[-1])
    f.stack.append(bool(type(subject).__flags__ & _TPFLAGS_SEQUENCE))


@op
def MATCH_KEYS(vm: Any, f: Frame, arg: Any) -> None:
    st = f.stack
    subject, keys = st[-2], st[-1]
    if not keys:
        st.append(())
        return
    get = subject.get
    seen: list[Any] = []
    values = []
    for key in keys:
        if key in seen:
            raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
        seen.append(key)
        value = get(key, _MISSING)
        if value is _MISSING:
            st.append(None)
            return
        values.append(value)
    st.append(tuple(values))


@op
def MATCH_CLASS(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    subject, cls, names = _resolve(st[-3]), st[-2], st[-1]
    try:
        result = _match_class(subject, cls, arg, names)
    except RedoOnVM:
        # (a property's getter, a __getattr__ or an __instancecheck__ of the
        # script's: nothing was done yet, all of it again on the VM)
        del st[-3:]
        return operations.redo(vm, f, "match_class_", [subject, cls, arg, names, _MATCH_SELF_TYPES])
    del st[-2:]
    st[-1] = result
    return None


def _match_class(subject: Any, cls: Any, nargs: int, names: tuple[str, ...]) -> Any:
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a class")
    if not isinstance(subject, cls):
        return None
    attrs: list[Any] = []
    seen: list[str] = []
    if nargs:
        match_self = False
        try:
            match_args = cls.__match_args__  # type: ignore[attr-defined]
        except AttributeError:
            match_self = any(c in _MATCH_SELF_TYPES for c in cls.__mro__)
            match_args = ()
        else:
            if not isinstance(match_args, tuple):
                raise TypeError(f"{cls.__name__}.__match_args__ must be a tuple (got {type(match_args).__name__})")
        allowed = 1 if match_self else len(match_args)
        if allowed < nargs:
            plural = "" if allowed == 1 else "s"
            raise TypeError(f"{cls.__name__}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)")
        if match_self:
            attrs.append(subject)
        else:
            for name in match_args[:nargs]:
                if not isinstance(name, str):
                    raise TypeError(f"__match_args__ elements must be strings (got {type(name).__name__})")
                if name in seen:
                    raise TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
                seen.append(name)
                value = getattr(subject, name, _MISSING)
                if value is _MISSING:
                    return None
                attrs.append(value)
    for name in names:
        if name in seen:
            raise TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
        seen.append(name)
        value = getattr(subject, name, _MISSING)
        if value is _MISSING:
            return None
        attrs.append(value)
    return tuple(attrs)


# Their native operations call a key's script __hash__ and __eq__ before they
# have any effect: run again with the calls' answers (vm/replay.py).
replay.register_handlers(BUILD_SET, BUILD_MAP, BUILD_CONST_KEY_MAP, SET_ADD, MAP_ADD)

operations.register(
    _match_class,
    _mapping_lookup,
    _mapping_store,
    STORE_ATTR,
    DELETE_ATTR,
    BINARY_OP,
    UNARY_POSITIVE,
    UNARY_NEGATIVE,
    UNARY_INVERT,
    BINARY_SUBSCR,
    STORE_SUBSCR,
    DELETE_SUBSCR,
    GET_ITER,
    LOAD_ATTR,
    LOAD_METHOD,
    FORMAT_VALUE,
    COMPARE_OP,
    CONTAINS_OP,
    UNARY_NOT,
    POP_JUMP_FORWARD_IF_FALSE,
    POP_JUMP_FORWARD_IF_TRUE,
    JUMP_IF_FALSE_OR_POP,
    JUMP_IF_TRUE_OR_POP,
)
