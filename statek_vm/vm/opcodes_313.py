"""CPython 3.13 bytecode: the instructions whose semantics differ from 3.12.

Built like :mod:`statek_vm.vm.opcodes_312`: the 3.13 dispatch table is the
3.12 one without what 3.13 removed, plus the handlers below.  The rules of
the core hold unchanged (atomic instructions; a ``FutureError`` raised by an
operation leaves the frame as it was).

What changed, in short:

- The callable comes first: a call's stack is ``callable, self_or_null,
  args...`` (3.11 and 3.12 had ``method_or_null, callable_or_self, args``).
  ``LOAD_GLOBAL``, ``LOAD_ATTR`` and ``LOAD_SUPER_ATTR`` push the NULL after
  the value; ``CALL_FUNCTION_EX`` finds the callable below a NULL.
- Keyword names travel on the stack (``CALL_KW``) instead of ``KW_NAMES``.
- ``MAKE_FUNCTION`` makes a bare function; ``SET_FUNCTION_ATTRIBUTE`` adds
  defaults, keyword defaults, annotations and the closure one at a time.
- Conversions to bool are explicit (``TO_BOOL``, and ``COMPARE_OP`` with its
  bool bit); f-strings use ``CONVERT_VALUE``/``FORMAT_SIMPLE``/
  ``FORMAT_WITH_SPEC``.
- Pairs of fast-local accesses are single instructions
  (``LOAD_FAST_LOAD_FAST`` and friends), and ``LOAD_FAST`` of a cell or free
  variable pushes the cell itself (``LOAD_CLOSURE`` is gone).
- ``END_FOR`` pops one value and a ``POP_TOP`` pops the iterator: an ended
  loop continues two instructions past ``FOR_ITER``'s target.
"""

from __future__ import annotations

from typing import Any

from statek_vm.future import FUTURE_CLASSES, LIVE_FUTURES
from statek_vm.program.code_unit import CellSlot
from statek_vm.vm import opcodes, opcodes_312, operations
from statek_vm.vm.frame import NULL, UNBOUND, Frame
from statek_vm.vm.handoff import shown
from statek_vm.vm.objects import VMFunction

Handler = opcodes.Handler

CHANGED: dict[str, Handler] = {}
"""Handlers that 3.13 adds or whose meaning changed since 3.12, by opcode name."""

REMOVED = frozenset({"KW_NAMES", "FORMAT_VALUE", "LOAD_CLOSURE"})
"""3.12 instructions that 3.13 no longer has."""


def op(fn: Handler) -> Handler:
    CHANGED[fn.__name__] = fn
    return fn


# ---------------------------------------------------------------- calls --


@op
def LOAD_GLOBAL(vm: Any, f: Frame, arg: tuple[bool, str]) -> None:
    push_null, name = arg
    value = f.globals.get(name, opcodes._MISSING)
    if value is opcodes._MISSING:
        value = f.builtins.get(name, opcodes._MISSING)
        if value is opcodes._MISSING:
            raise opcodes._name_error(name)
    f.stack.append(value)
    if push_null:
        f.stack.append(NULL)


# The bound method and a NULL: CALL then has nothing to insert.
LOAD_ATTR_METHOD = opcodes.load_method(True)


@op
def LOAD_ATTR(vm: Any, f: Frame, arg: tuple[bool, str]) -> Any:
    method, name = arg
    if method:
        return LOAD_ATTR_METHOD(vm, f, name)
    return opcodes_312.LOAD_ATTR_PLAIN(vm, f, name)


@op
def LOAD_SUPER_ATTR(vm: Any, f: Frame, arg: tuple[bool, bool, str]) -> None:
    method, two_args, name = arg
    value = opcodes_312.super_attr(vm, f, two_args, name)
    st = f.stack
    st.append(value)
    if method:
        st.append(NULL)


@op
def CALL(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    func = st[-arg - 2]
    # A self_or_null that is not NULL is the first argument.
    args = st[len(st) - arg :] if st[-arg - 1] is NULL else st[len(st) - arg - 1 :]
    result = vm.call(f, func, args, None)
    del args  # the argument list first: its items go when the stack lets them, as natively
    del st[-arg - 2 :]
    if type(result) is Frame:
        return opcodes.call_nested(vm, f, result)  # (the frame, if tier 1 does not run it now)
    st.append(result)
    return None


@op
def CALL_KW(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    kwnames = st[-1]
    func = st[-arg - 3]
    top = len(st) - 1
    args = st[top - arg : top] if st[-arg - 2] is NULL else st[top - arg - 1 : top]
    nkw = len(kwnames)
    if nkw:
        kwargs: dict[str, Any] | None = dict(zip(kwnames, args[len(args) - nkw :], strict=True))
        args = args[: len(args) - nkw]
    else:
        kwargs = None
    result = vm.call(f, func, args, kwargs)
    del args, kwargs  # the argument list first: its items go when the stack lets them, as natively
    del st[-arg - 3 :]
    if type(result) is Frame:
        return result
    st.append(result)
    return None


@op
def CALL_FUNCTION_EX(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    if arg & 1:
        return opcodes.call_function_ex(vm, f, st[-4], st[-2], st[-1], 4)
    return opcodes.call_function_ex(vm, f, st[-3], st[-1], None, 3)


@op
def DICT_MERGE(vm: Any, f: Frame, arg: int) -> Any:
    return opcodes.dict_merge(vm, f, arg, f.stack[-4 - arg])


@op
def EXIT_INIT_CHECK(vm: Any, f: Frame, arg: Any) -> None:
    value = f.stack[-1]
    if value is not None:
        raise TypeError(f"__init__() should return None, not '{type(value).__name__}'")
    f.stack.pop()


# (``raise exc from Cause``: 3.13 checks what calling the cause class made)
RAISE_VARARGS = op(opcodes.raise_varargs(True))


# ------------------------------------------------------------- functions --


@op
def MAKE_FUNCTION(vm: Any, f: Frame, arg: Any) -> None:
    unit = f.stack[-1]
    f.stack[-1] = VMFunction(unit, f.globals)
    if unit._dispatch is None:
        vm.dispatch_table(unit)


@op
def SET_FUNCTION_ATTRIBUTE(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    value, func = st[-2], st[-1]
    if arg == 0x01:
        func._defaults = value
    elif arg == 0x02:
        func._kwdefaults = value
    elif arg == 0x04:
        func._annotations = dict(zip(value[::2], value[1::2], strict=True)) if isinstance(value, tuple) else value
    elif arg == 0x08:
        func._closure = value
    del st[-2]


# ------------------------------------------------------------ conversions --


@op
def TO_BOOL(vm: Any, f: Frame, arg: Any) -> Any:
    value = f.stack[-1]
    if value is not True and value is not False:
        try:
            f.stack[-1] = bool(value)
        except operations.RedoOnVM:
            return operations.redo(vm, f, "truth", [f.stack.pop()])
    return None


def _compare(arg: int) -> Handler:
    index = arg & 15
    compare = opcodes._COMPARE_OPS[index]
    if not arg & 16:
        return opcodes.COMPARE_OP

    def COMPARE_OP_BOOL(vm: Any, f: Frame, arg: Any) -> Any:
        st = f.stack
        try:
            result = bool(compare(st[-2], st[-1]))
        except operations.RedoOnVM:
            left, right = st[-2], st[-1]
            del st[-2:]
            return operations.redo_binary(vm, f, left, right, index, comparison=True, as_bool=True)
        del st[-1]
        st[-1] = result
        return None

    return COMPARE_OP_BOOL


_COMPARE_STEPS = {arg: _compare(arg) for arg in (*range(6), *range(16, 22))}


@op
def COMPARE_OP(vm: Any, f: Frame, arg: int) -> Any:
    return _COMPARE_STEPS[arg](vm, f, arg & 15)


@op
def CONVERT_VALUE(vm: Any, f: Frame, arg: int) -> Any:
    value = f.stack[-1]
    if type(value) in FUTURE_CLASSES:
        value = value.value
    elif LIVE_FUTURES:
        value = shown(value)
    try:
        f.stack[-1] = str(value) if arg == 1 else repr(value) if arg == 2 else ascii(value)
    except operations.RedoOnVM:
        f.stack.pop()
        return operations.redo(vm, f, ("str_", "repr_", "ascii_")[arg - 1], [value])
    return None


@op
def FORMAT_SIMPLE(vm: Any, f: Frame, arg: Any) -> Any:
    value = f.stack[-1]
    if type(value) is not str:
        if type(value) in FUTURE_CLASSES:
            value = value.value
        elif LIVE_FUTURES:
            value = shown(value)
        try:
            f.stack[-1] = format(value, "")
        except operations.RedoOnVM:
            f.stack.pop()
            return operations.redo(vm, f, "format_", [value, ""])
    return None


@op
def FORMAT_WITH_SPEC(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    value, spec = st[-2], st[-1]
    if type(value) in FUTURE_CLASSES:
        value = value.value
    elif LIVE_FUTURES:
        value = shown(value)
    try:
        result = format(value, spec)
    except operations.RedoOnVM:
        del st[-2:]
        return operations.redo(vm, f, "format_", [value, spec])
    del st[-1]
    st[-1] = result
    return None


# ---------------------------------------------------------------- locals --


def LOAD_FAST_LOAD_FAST(vm: Any, f: Frame, arg: tuple[int, int]) -> None:
    # The compiler pairs only loads of locals it knows are bound.
    fast = f.fast
    a, b = fast[arg[0]], fast[arg[1]]
    if a is UNBOUND or b is UNBOUND:
        name = f.unit.varnames[arg[0] if a is UNBOUND else arg[1]]
        raise opcodes._unbound_local(f, name)
    f.stack.append(a)
    f.stack.append(b)


def STORE_FAST_LOAD_FAST(vm: Any, f: Frame, arg: tuple[int, int]) -> None:
    fast = f.fast
    value = f.stack[-1]
    b = value if arg[1] == arg[0] else fast[arg[1]]
    if b is UNBOUND:
        raise opcodes._unbound_local(f, f.unit.varnames[arg[1]])
    fast[arg[0]] = value
    f.stack[-1] = b


def STORE_FAST_STORE_FAST(vm: Any, f: Frame, arg: tuple[int, int]) -> None:
    fast, st = f.fast, f.stack
    fast[arg[0]] = st.pop()
    fast[arg[1]] = st.pop()


_PAIR_STEPS: dict[str, Handler] = {
    "LOAD_FAST_LOAD_FAST": LOAD_FAST_LOAD_FAST,
    "STORE_FAST_LOAD_FAST": STORE_FAST_LOAD_FAST,
    "STORE_FAST_STORE_FAST": STORE_FAST_STORE_FAST,
}
_PAIR_HALVES = {
    "LOAD_FAST_LOAD_FAST": ("LOAD_FAST", "LOAD_FAST"),
    "STORE_FAST_LOAD_FAST": ("STORE_FAST", "LOAD_FAST"),
    "STORE_FAST_STORE_FAST": ("STORE_FAST", "STORE_FAST"),
}


def _composed_pair(name: str, arg: tuple[Any, Any]) -> tuple[Handler, Any] | None:
    """A pair that touches a cell slot: the two halves' own steps, one after the other.

    Neither half can fail (the compiler pairs only accesses of bound slots),
    so running them in turn keeps the instruction atomic.
    """
    first, second = _PAIR_HALVES[name]
    one = opcodes_312.specialize(first, arg[0]) or (opcodes.HANDLERS[first], arg[0])
    two = opcodes_312.specialize(second, arg[1]) or (opcodes.HANDLERS[second], arg[1])
    (h1, a1), (h2, a2) = one, two

    def pair(vm: Any, f: Frame, arg: Any) -> None:
        h1(vm, f, a1)
        h2(vm, f, a2)

    pair.__name__ = name
    return pair, arg


# ------------------------------------------------------------ iteration --


# The target is END_FOR, then POP_TOP pops the iterator: an ended loop continues after both.
FOR_ITER = op(opcodes.for_iter(2))


@op
def END_FOR(vm: Any, f: Frame, arg: Any) -> None:
    f.stack.pop()


# ------------------------------------------------------------ the table --


def build_handlers(previous: dict[str, Handler]) -> dict[str, Handler]:
    """The 3.13 dispatch table: the 3.12 table without what 3.13 removed, plus :data:`CHANGED`."""
    table = {name: fn for name, fn in previous.items() if name not in REMOVED}
    table.update(CHANGED)
    table.update(_PAIR_STEPS)
    return table


def specialize(name: str, arg: Any) -> tuple[Handler, Any] | None:
    """A handler chosen by the operand when the dispatch table is built (see 3.12's)."""
    if name == "LOAD_ATTR":
        method, attr = arg
        return (LOAD_ATTR_METHOD if method else opcodes_312.LOAD_ATTR_PLAIN), attr
    if name == "COMPARE_OP":
        step = _COMPARE_STEPS.get(int(arg))
        return None if step is None else (step, int(arg) & 15)
    if name in _PAIR_STEPS:
        if type(arg[0]) is CellSlot or type(arg[1]) is CellSlot:
            return _composed_pair(name, arg)
        return None
    return opcodes_312.specialize(name, arg)


operations.register(LOAD_ATTR_METHOD, CONVERT_VALUE, FORMAT_SIMPLE, FORMAT_WITH_SPEC, TO_BOOL, _COMPARE_STEPS[16 | 2])
