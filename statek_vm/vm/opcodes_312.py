"""CPython 3.12 bytecode: the instructions whose semantics differ from 3.11.

The VM's core (:mod:`statek_vm.vm.opcodes`) states CPython 3.11's
instructions.  Most of them mean the same in 3.12; this module holds only what
3.12 added or changed, and :func:`build_handlers` makes the 3.12 dispatch
table from the 3.11 one.  The rules of the core hold here unchanged: every
handler is atomic (it reads its operands, does everything that can raise,
and only then changes the stack), and a ``FutureError`` raised by an
operation leaves the frame exactly as it was.

What changed, in short:

- ``LOAD_ATTR`` carries the method bit that 3.11 expressed as
  ``LOAD_METHOD``; ``super().name`` is one ``LOAD_SUPER_ATTR``.
- Slices have their own instructions (``BINARY_SLICE``/``STORE_SLICE``).
- A loop ends at ``END_FOR`` and a delegation at ``END_SEND``; CPython jumps
  *past* them when the iterator ends (``FOR_ITER``) or the delegate returns
  (``SEND``), and so does the VM.  ``SEND`` keeps the receiver on the stack.
- Comprehensions are inlined (PEP 709): ``LOAD_FAST_AND_CLEAR`` saves the
  enclosing slot and ``STORE_FAST`` puts it back; a slot that holds a cell is
  addressed through :class:`~statek_vm.program.code_unit.CellSlot`.
- Rare operations became intrinsics (``CALL_INTRINSIC_1``/``_2``), chosen by
  the operand when the dispatch table is built.
- Generators convert ``StopIteration`` in an exception handler of their own
  (``INTRINSIC_STOPITERATION_ERROR``), and ``CLEANUP_THROW`` finishes a
  ``throw()`` into a delegate.
- ``LOAD_CLASSDEREF`` became ``LOAD_LOCALS`` + ``LOAD_FROM_DICT_OR_DEREF``.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

from statek_vm.program.code_unit import CellSlot
from statek_vm.vm import opcodes, operations
from statek_vm.vm.frame import NULL, UNBOUND, Frame
from statek_vm.vm.objects import AsyncGenWrapped

Handler = opcodes.Handler

# Typed loosely: 3.12's typing has arguments (infer_variance) and classes
# (TypeAliasType) that the 3.11 stubs the package is checked against lack.
_typing: Any = importlib.import_module("typing")

_MISSING: Any = opcodes._MISSING

CHANGED: dict[str, Handler] = {}
"""Handlers that 3.12 adds or whose meaning changed, by opcode name."""

REMOVED = frozenset(
    {
        "ASYNC_GEN_WRAP",
        "JUMP_IF_FALSE_OR_POP",
        "JUMP_IF_TRUE_OR_POP",
        "LIST_TO_TUPLE",
        "LOAD_CLASSDEREF",
        "LOAD_METHOD",
        "POP_JUMP_BACKWARD_IF_FALSE",
        "POP_JUMP_BACKWARD_IF_NONE",
        "POP_JUMP_BACKWARD_IF_NOT_NONE",
        "POP_JUMP_BACKWARD_IF_TRUE",
        "POP_JUMP_FORWARD_IF_FALSE",
        "POP_JUMP_FORWARD_IF_NONE",
        "POP_JUMP_FORWARD_IF_NOT_NONE",
        "POP_JUMP_FORWARD_IF_TRUE",
        "PRECALL",
        "PREP_RERAISE_STAR",
        "PRINT_EXPR",
        "IMPORT_STAR",
        "UNARY_POSITIVE",
    }
)
"""3.11 instructions that 3.12 no longer has (kept out of its table)."""


def op(fn: Handler) -> Handler:
    CHANGED[fn.__name__] = fn
    return fn


# ------------------------------------------------------------ returns --


@op
def RETURN_CONST(vm: Any, f: Frame, arg: Any) -> int:
    f.stack.append(arg)
    return opcodes.SIG_RETURN


# ---------------------------------------------------------------- locals --


@op
def LOAD_FAST_AND_CLEAR(vm: Any, f: Frame, arg: int) -> None:
    # The slot may be unbound: the marker is saved on the stack and put back
    # by STORE_FAST when the inlined comprehension ends.
    fast = f.fast
    f.stack.append(fast[arg])
    fast[arg] = UNBOUND


CHANGED["LOAD_FAST_CHECK"] = opcodes.LOAD_FAST


def LOAD_FAST_AND_CLEAR_CELL(vm: Any, f: Frame, arg: int) -> None:
    cells = f.cells
    f.stack.append(cells[arg])
    cells[arg] = None


def STORE_FAST_CELL(vm: Any, f: Frame, arg: int) -> None:
    f.cells[arg] = f.stack.pop()


def LOAD_FAST_CELL(vm: Any, f: Frame, arg: int) -> None:
    # An outer use of a name that an inlined comprehension holds in a cell:
    # the slot holds the plain value (CPython's DEF_COMP_CELL).
    value = f.cells[arg]
    if value is None or value is UNBOUND:
        raise opcodes._unbound_local(f, f.unit.cellvars[arg])
    f.stack.append(value)


def DELETE_FAST_CELL(vm: Any, f: Frame, arg: int) -> None:
    value = f.cells[arg]
    if value is None or value is UNBOUND:
        raise opcodes._unbound_local(f, f.unit.cellvars[arg])
    f.cells[arg] = None


_CELL_VARIANTS: dict[str, Handler] = {
    "LOAD_FAST_AND_CLEAR": LOAD_FAST_AND_CLEAR_CELL,
    "STORE_FAST": STORE_FAST_CELL,
    "LOAD_FAST": LOAD_FAST_CELL,
    "LOAD_FAST_CHECK": LOAD_FAST_CELL,
    "DELETE_FAST": DELETE_FAST_CELL,
}


@op
def MAKE_CELL(vm: Any, f: Frame, arg: int) -> None:
    # An inlined comprehension whose variable shadows a free variable of the
    # function makes a fresh cell in the free variable's slot (CPython 3.12
    # addresses it by slot; the 3.11 core knows only cell-variable slots).
    if arg >= len(f.unit.cellvars):
        f.cells[arg] = types.CellType()
        return
    opcodes.MAKE_CELL(vm, f, arg)


# ---------------------------------------------------------- class bodies --


@op
def LOAD_LOCALS(vm: Any, f: Frame, arg: Any) -> None:
    ns = f.locals
    if ns is None:
        raise SystemError("no locals found")
    f.stack.append(ns)


@op
def LOAD_FROM_DICT_OR_DEREF(vm: Any, f: Frame, arg: int) -> None:
    st = f.stack
    mapping = st[-1]
    name = opcodes._cell_name(f, arg)
    value = opcodes._lookup(mapping, name)
    if value is _MISSING:
        try:
            value = f.cells[arg].cell_contents
        except ValueError:
            value = _MISSING
        if value is _MISSING:
            raise opcodes._unbound_cell(f, arg)
    st[-1] = value


@op
def LOAD_FROM_DICT_OR_GLOBALS(vm: Any, f: Frame, arg: str) -> None:
    st = f.stack
    value = opcodes._lookup(st[-1], arg)
    if value is _MISSING:
        value = f.globals.get(arg, _MISSING)
        if value is _MISSING:
            value = f.builtins.get(arg, _MISSING)
            if value is _MISSING:
                raise opcodes._name_error(arg)
    st[-1] = value


# ------------------------------------------------------------ attributes --


# (the attribute load of 3.11, by its operand here: see ``specialize``)
LOAD_ATTR_PLAIN = opcodes.LOAD_ATTR


@op
def LOAD_ATTR(vm: Any, f: Frame, arg: tuple[bool, str]) -> Any:
    # Only reached when the dispatch table was not specialized (see
    # ``specialize``): the method bit chooses the layout.
    method, name = arg
    if method:
        return opcodes.LOAD_METHOD(vm, f, name)
    return LOAD_ATTR_PLAIN(vm, f, name)


def super_attr(vm: Any, f: Frame, two_args: bool, name: str) -> Any:
    """The attribute ``name`` of ``super(cls, self)``, its three operands popped."""
    st = f.stack
    global_super, cls, self_ = st[-3], st[-2], st[-1]
    if global_super is super:
        proxy = super(cls, self_)
    else:
        # ``super`` rebound by the script: call it as written (``super()``
        # or ``super(cls, self)``), natively.
        proxy = vm.call_host(global_super, [cls, self_] if two_args else [], None)
    value = getattr(proxy, name)
    del st[-3:]
    return value


@op
def LOAD_SUPER_ATTR(vm: Any, f: Frame, arg: tuple[bool, bool, str]) -> None:
    method, two_args, name = arg
    value = super_attr(vm, f, two_args, name)
    st = f.stack
    if method:
        st.append(NULL)
    st.append(value)


# ------------------------------------------------------------- slices --


@op
def BINARY_SLICE(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    try:
        result = st[-3][slice(st[-2], st[-1])]
    except operations.RedoOnVM:
        container, key = st[-3], slice(st[-2], st[-1])
        del st[-3:]
        return operations.redo(vm, f, "getitem", [container, key])
    del st[-2:]
    st[-1] = result
    return None


@op
def STORE_SLICE(vm: Any, f: Frame, arg: Any) -> Any:
    st = f.stack
    try:
        st[-3][slice(st[-2], st[-1])] = st[-4]
    except operations.RedoOnVM:
        value, container, key = st[-4], st[-3], slice(st[-2], st[-1])
        del st[-4:]
        return operations.redo_store(vm, f, "setitem", [container, key, value])
    del st[-4:]
    return None


operations.register(BINARY_SLICE, STORE_SLICE)


# ------------------------------------------------------------ iteration --


FOR_ITER = op(opcodes.for_iter(1))


@op
def END_FOR(vm: Any, f: Frame, arg: Any) -> None:
    del f.stack[-2:]


SEND = op(opcodes.send(True))


@op
def END_SEND(vm: Any, f: Frame, arg: Any) -> None:
    del f.stack[-2]


@op
def CLEANUP_THROW(vm: Any, f: Frame, arg: Any) -> None:
    # The handler of a yield inside ``yield from``/``await`` when ``throw()``
    # made the delegate fail: a StopIteration is the delegate's return value.
    st = f.stack
    exc = st[-1]
    if isinstance(exc, StopIteration):
        value = exc.value
        del st[-3:]
        st.append(None)
        st.append(value)
        return
    vm.raise_kind = 2
    vm.reraised = (exc, exc.__context__, exc.__suppress_context__, exc.__traceback__)
    raise exc


# ------------------------------------------------------------ intrinsics --


def _intrinsic_print(vm: Any, f: Frame, value: Any) -> Any:
    sys.displayhook(value)
    return None


def _intrinsic_import_star(vm: Any, f: Frame, module: Any) -> Any:
    opcodes.import_star(f, module)
    return None


def _intrinsic_stopiteration_error(vm: Any, f: Frame, exc: Any) -> Any:
    # PEP 479, done by a handler that covers the whole generator body.
    flags = f.unit.flags
    if flags & 0x200:
        what = "async generator"
    elif flags & 0x80:
        what = "coroutine"
    else:
        what = "generator"
    if isinstance(exc, StopIteration):
        new: BaseException = RuntimeError(f"{what} raised StopIteration")
    elif flags & 0x200 and isinstance(exc, StopAsyncIteration):
        new = RuntimeError("async generator raised StopAsyncIteration")
    else:
        return exc
    new.__cause__ = exc
    new.__context__ = exc
    return new


def _intrinsic_async_gen_wrap(vm: Any, f: Frame, value: Any) -> Any:
    return AsyncGenWrapped(value)


def _intrinsic_unary_positive(vm: Any, f: Frame, value: Any) -> Any:
    return +value


def _intrinsic_list_to_tuple(vm: Any, f: Frame, value: Any) -> Any:
    return tuple(value)


def _intrinsic_typevar(vm: Any, f: Frame, name: Any) -> Any:
    return _typing.TypeVar(name, infer_variance=True)


def _intrinsic_paramspec(vm: Any, f: Frame, name: Any) -> Any:
    return _typing.ParamSpec(name, infer_variance=True)


def _intrinsic_typevartuple(vm: Any, f: Frame, name: Any) -> Any:
    return _typing.TypeVarTuple(name)


def _intrinsic_subscript_generic(vm: Any, f: Frame, params: Any) -> Any:
    # ``class C[*Ts]`` subscripts Generic with ``*Ts``, unpacked.
    unpacked = tuple(next(iter(p)) if isinstance(p, _typing.TypeVarTuple) else p for p in params)
    return _typing.Generic.__class_getitem__(unpacked)


def _intrinsic_typealias(vm: Any, f: Frame, args: Any) -> Any:
    # CPython evaluates the value lazily, on first access; the VM evaluates
    # it when the alias is made (a script function cannot be the lazy
    # evaluator of a native TypeAliasType).
    name, type_params, compute = args
    value = vm.call_host(compute, [], None)
    return _typing.TypeAliasType(name, value, type_params=type_params or ())


INTRINSICS_1: dict[int, Callable[[Any, Frame, Any], Any]] = {
    1: _intrinsic_print,
    2: _intrinsic_import_star,
    3: _intrinsic_stopiteration_error,
    4: _intrinsic_async_gen_wrap,
    5: _intrinsic_unary_positive,
    6: _intrinsic_list_to_tuple,
    7: _intrinsic_typevar,
    8: _intrinsic_paramspec,
    9: _intrinsic_typevartuple,
    10: _intrinsic_subscript_generic,
    11: _intrinsic_typealias,
}


def _intrinsic_prep_reraise_star(vm: Any, f: Frame, orig: Any, excs: Any) -> Any:
    return opcodes._prep_reraise_star(orig, excs)


def _intrinsic_typevar_with_bound(vm: Any, f: Frame, name: Any, evaluate: Any) -> Any:
    return _typing.TypeVar(name, bound=vm.call_host(evaluate, [], None), infer_variance=True)


def _intrinsic_typevar_with_constraints(vm: Any, f: Frame, name: Any, evaluate: Any) -> Any:
    return _typing.TypeVar(name, *vm.call_host(evaluate, [], None), infer_variance=True)


def _intrinsic_set_function_type_params(vm: Any, f: Frame, func: Any, params: Any) -> Any:
    func.__type_params__ = params
    return func


INTRINSICS_2: dict[int, Callable[[Any, Frame, Any, Any], Any]] = {
    1: _intrinsic_prep_reraise_star,
    2: _intrinsic_typevar_with_bound,
    3: _intrinsic_typevar_with_constraints,
    4: _intrinsic_set_function_type_params,
}


def _call_intrinsic_1(fn: Callable[[Any, Frame, Any], Any]) -> Handler:
    def CALL_INTRINSIC_1(vm: Any, f: Frame, arg: Any) -> None:
        st = f.stack
        result = fn(vm, f, st[-1])
        st[-1] = result

    return CALL_INTRINSIC_1


def _call_intrinsic_2(fn: Callable[[Any, Frame, Any, Any], Any]) -> Handler:
    def CALL_INTRINSIC_2(vm: Any, f: Frame, arg: Any) -> None:
        st = f.stack
        result = fn(vm, f, st[-2], st[-1])
        del st[-1]
        st[-1] = result

    return CALL_INTRINSIC_2


_INTRINSIC_1_STEPS = {number: _call_intrinsic_1(fn) for number, fn in INTRINSICS_1.items()}
_INTRINSIC_2_STEPS = {number: _call_intrinsic_2(fn) for number, fn in INTRINSICS_2.items()}


@op
def CALL_INTRINSIC_1(vm: Any, f: Frame, arg: int) -> None:
    _INTRINSIC_1_STEPS[int(arg)](vm, f, arg)


@op
def CALL_INTRINSIC_2(vm: Any, f: Frame, arg: int) -> None:
    _INTRINSIC_2_STEPS[int(arg)](vm, f, arg)


# ------------------------------------------------------------ the table --


def build_handlers(core: dict[str, Handler]) -> dict[str, Handler]:
    """The 3.12 dispatch table: the 3.11 ``core`` without what 3.12 removed, plus :data:`CHANGED`."""
    table = {name: fn for name, fn in core.items() if name not in REMOVED}
    table.update(CHANGED)
    return table


def specialize(name: str, arg: Any) -> tuple[Handler, Any] | None:
    """A handler chosen by the operand when the dispatch table is built, if any.

    The method bit of ``LOAD_ATTR`` and the number of an intrinsic are known
    when the program is built, so the step for each instruction is chosen
    then, not on every execution.
    """
    if type(arg) is CellSlot:
        variant = _CELL_VARIANTS.get(name)
        return None if variant is None else (variant, arg.index)
    if name == "LOAD_ATTR":
        method, attr = arg
        return (opcodes.LOAD_METHOD if method else LOAD_ATTR_PLAIN), attr
    if name == "CALL_INTRINSIC_1":
        step = _INTRINSIC_1_STEPS.get(int(arg))
        return None if step is None else (step, int(arg))
    if name == "CALL_INTRINSIC_2":
        step2 = _INTRINSIC_2_STEPS.get(int(arg))
        return None if step2 is None else (step2, int(arg))
    return None


operations.register(LOAD_ATTR_PLAIN, BINARY_SLICE, STORE_SLICE)
