"""One code object of a script, decoded into numbered instructions.

A :class:`CodeUnit` is the VM's view of a CPython code object: a flat list of
instructions (``CACHE`` entries and ``EXTENDED_ARG`` folded away by the
``bytecode`` package), jump targets resolved to instruction indexes, the
exception handler that covers each instruction, the source line of each
instruction and the value-stack depth before it.  Units are immutable once the
program is built; frames point at them and keep only an index (``pc``).

Every instruction also has a *program-wide* number, ``unit.base + index``.
That number is what a suspended job records as ``next_instr_num``.
"""

from __future__ import annotations

import marshal
import sys
import types
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bytecode import Bytecode, ConcreteBytecode, Instr, Label, SetLineno
from bytecode.instr import CellVar, FreeVar, TryBegin, TryEnd

from statek_vm.program import instructions

if TYPE_CHECKING:
    from statek_vm.program.program import Program

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200
CO_ITERABLE_COROUTINE = 0x100
CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08


@dataclass(frozen=True)
class Handler:
    """The exception-table entry covering an instruction."""

    target: int
    depth: int
    lasti: bool


@dataclass(frozen=True)
class CellSlot:
    """The operand of a fast-local instruction whose slot holds a cell.

    From CPython 3.12 a comprehension is inlined into the function that
    contains it (PEP 709).  When the comprehension's variable is captured by a
    closure, CPython saves the enclosing function's slot with
    ``LOAD_FAST_AND_CLEAR``, makes a fresh cell in it, and puts the saved
    content back with ``STORE_FAST``: those instructions address a slot that
    CPython shares between locals and cells.  From CPython 3.13 ``LOAD_FAST``
    also pushes the cell of a cell or free variable (``LOAD_CLOSURE`` is
    gone).  VM frames keep fast locals and cells apart, so such an operand
    names the cell slot (``Frame.cells[index]``) and the VM runs the cell
    variant of the instruction, which moves what the slot holds (the cell
    object itself) as CPython does.
    """

    index: int


@dataclass(frozen=True)
class Op:
    """A decoded instruction: its name, its argument and its source line.

    ``arg`` is already resolved: jump targets are instruction indexes, local
    and cell operands are slot indexes, ``LOAD_CONST`` of a nested code object
    carries that object's :class:`CodeUnit`.
    """

    name: str
    arg: Any
    line: int | None


class CodeUnit:
    """A decoded code object; see the module docstring."""

    def __init__(self, program: Program, index: int, code: types.CodeType, base: int) -> None:
        self.program = program
        self.index = index
        self.code = code
        self.base = base
        self.name = code.co_name
        self.qualname = getattr(code, "co_qualname", code.co_name)
        self.filename = code.co_filename
        self.firstlineno = code.co_firstlineno
        self.flags = code.co_flags
        self.varnames = code.co_varnames
        self.cellvars = code.co_cellvars
        self.freevars = code.co_freevars
        self.argcount = code.co_argcount
        self.posonlyargcount = code.co_posonlyargcount
        self.kwonlyargcount = code.co_kwonlyargcount
        self.is_generator = bool(code.co_flags & CO_GENERATOR)
        self.is_coroutine = bool(code.co_flags & CO_COROUTINE)
        self.is_async_generator = bool(code.co_flags & CO_ASYNC_GENERATOR)
        # How much a frame of this unit adds to the recursion depth: the VM's
        # re-stated builtins (statek_vm/vm/runtime.py) stand for native
        # builtins, whose calls add no Python frame, and set it to 0.
        self.depth_step = 1
        # Index of each cell variable that is also an argument: MAKE_CELL moves
        # the argument's value into its cell.
        self._var_index = {name: i for i, name in enumerate(self.varnames)}
        self.ncells = len(self.cellvars) + len(self.freevars)
        self.children: list[CodeUnit] = []
        # Built by the VM on first use: (handler, argument) per instruction.
        self._dispatch: list[tuple[Any, Any]] | None = None
        # The same with the checking handlers of a sandboxed job (vm/sandboxed.py).
        self._sandboxed_dispatch: list[tuple[Any, Any]] | None = None
        # The same with tier 1's entries at loop heads (vm/tier1.py), and the
        # length of each basic block tier 1 compiled, by its first instruction.
        self._tier1_dispatch: list[tuple[Any, Any]] | None = None
        self.blocks_t1: dict[int, int] = {}
        # Its tier-1 functions, plain and counting (None: it cannot be compiled).
        self.tier1_runs: dict[bool, Any] = {}
        # A function's tier-1 function, plain and counting, once compiled (tier-1 code calls it directly).
        self.tier1_calls: list[Any] = [None, None]
        # What tier 1 needs to make a frame of this unit for a call of only
        # positional arguments: their number (-1: the unit takes other kinds),
        # and its other fast locals, unbound (set with ``tier1_calls``).
        # (A generator's, coroutine's or async generator's call makes its object: tier 1 runs no such call nested.)
        plain = not code.co_kwonlyargcount and not code.co_flags & (
            CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
        )
        self.positional = code.co_argcount if plain else -1
        self.unbound: list[Any] = []
        # Made by the VM on first use: the code of the native stand-ins that
        # name this unit to host code (vm/script_frames.py).  They hold no
        # job's objects, so every job running this unit shares them.
        self.trampoline_code: dict[int, types.CodeType] | None = None  # by line
        self.fake_frame_code: types.CodeType | None = None
        self.ops: list[Op] = []
        self.handlers: list[Handler | None] = []
        self.depths: list[int] = []
        self._decode()
        # Where a generator's, coroutine's or async generator's call makes its object: its RETURN_GENERATOR (else -1).
        self.generator_made_at = next((i for i, op in enumerate(self.ops) if op.name == "RETURN_GENERATOR"), -1)
        # What tier 1 compiles of it and where it is entered, once it is asked (vm/tier1.py, ``_shape``).
        self.tier1_shape: Any = None

    # -- decoding ---------------------------------------------------------

    def _decode(self) -> None:
        try:
            bc = Bytecode.from_code(self.code)
        except (IndexError, KeyError, ValueError) as error:
            # The ``bytecode`` package does not know every layout a CPython
            # version produces (3.13: a comprehension variable that shadows a
            # free variable of its function).
            from statek_vm.exceptions import VMInternalError

            raise VMInternalError(
                f"cannot decode the bytecode of {self.qualname} ({self.filename}:{self.firstlineno}) "
                f"on CPython {PY_MINOR}: {type(error).__name__}: {error}"
            ) from error
        # First pass: give every real instruction an index and every label the
        # index of the instruction that follows it.
        labels: dict[int, int] = {}
        items: list[tuple[Instr, TryBegin | None, int | None]] = []
        current_try: TryBegin | None = None
        line: int | None = None
        for item in bc:
            if isinstance(item, Label):
                labels[id(item)] = len(items)
            elif isinstance(item, TryBegin):
                current_try = item
            elif isinstance(item, TryEnd):
                if current_try is item.entry:
                    current_try = None
            elif isinstance(item, SetLineno):
                line = item.lineno
            else:
                if item.lineno is not None:
                    line = item.lineno
                items.append((item, current_try, item.lineno if item.lineno is not None else line))
        for instr, _try, lineno in items:
            self.ops.append(Op(instr.name, self._resolve_arg(instr, labels), lineno))
        self.handlers = self._exception_handlers(len(items))
        instrs = [instr for instr, _, _ in items]
        self.depths = self._compute_depths(instrs)
        self.blocks = self._basic_blocks(instrs)
        # Generators: the index after RETURN_GENERATOR + POP_TOP.  A generator
        # whose pc has not passed it has not started.
        self.first_resume = next((i + 2 for i, op in enumerate(self.ops) if op.name == "RETURN_GENERATOR"), 0)

    def _exception_handlers(self, count: int) -> list[Handler | None]:
        # The abstract form's TryBegin does not carry the real stack depth, so
        # the table is read from the concrete form, whose offsets count CACHE
        # and EXTENDED_ARG code units; map those offsets to instruction indexes.
        concrete = ConcreteBytecode.from_code(self.code)
        offset_to_index: dict[int, int] = {}
        index = 0
        offset = 0
        for instr in concrete:
            units = instr.size // 2  # an instruction with EXTENDED_ARG prefixes spans several
            if instr.name == "CACHE":
                # A cache entry belongs to the instruction before it.
                offset_to_index[offset] = index - 1
            else:
                for k in range(units):
                    offset_to_index[offset + k] = index
                index += 1
            offset += units
        handlers: list[Handler | None] = [None] * count
        for entry in getattr(concrete, "exception_table", ()):
            handler = Handler(offset_to_index[entry.target], entry.stack_depth, bool(entry.push_lasti))
            first = offset_to_index[entry.start_offset]
            last = offset_to_index[entry.stop_offset]
            for i in range(first, last + 1):
                if handlers[i] is None:
                    handlers[i] = handler
        return handlers

    def _resolve_arg(self, instr: Instr, labels: dict[int, int]) -> Any:
        arg: Any = instr.arg
        name = instr.name
        if name in _FAST_OPS:
            return self._fast_slot(arg)
        if name in _FAST_PAIR_OPS:
            return (self._fast_slot(arg[0]), self._fast_slot(arg[1]))
        if isinstance(arg, Label):
            return labels[id(arg)]
        if isinstance(arg, CellVar):
            return self.cellvars.index(arg.name)
        if isinstance(arg, FreeVar):
            return len(self.cellvars) + self.freevars.index(arg.name)
        if name == "LOAD_CONST" and isinstance(arg, types.CodeType):
            return self.program._unit_for_code(arg, self)
        if name == "COMPARE_OP":
            return int(arg)
        return arg

    def _fast_slot(self, arg: Any) -> int | CellSlot:
        """The operand of a fast-local instruction: a local's index, or a :class:`CellSlot`."""
        if isinstance(arg, CellVar):
            return CellSlot(self.cellvars.index(arg.name))
        if isinstance(arg, FreeVar):
            return CellSlot(len(self.cellvars) + self.freevars.index(arg.name))
        if arg in self.cellvars:
            return CellSlot(self.cellvars.index(arg))
        if arg not in self._var_index and arg in self.freevars:
            return CellSlot(len(self.cellvars) + self.freevars.index(arg))
        return self._var_index[arg]

    def _compute_depths(self, instrs: list[Instr]) -> list[int]:
        """Stack depth before each instruction, by flow analysis.

        ``bytecode`` only reports the maximum; the VM needs the depth at every
        instruction to check frames and to cut the stack when unwinding.
        """
        n = len(instrs)
        depths = [-1] * n
        work: list[tuple[int, int]] = [(0, 0)] if n else []
        for handler in self.handlers:
            if handler is not None:
                work.append((handler.target, handler.depth + (1 if handler.lasti else 0) + 1))
        while work:
            i, depth = work.pop()
            while 0 <= i < n:
                if depths[i] != -1:
                    break
                depths[i] = depth
                instr = instrs[i]
                op = self.ops[i]
                if instr.has_jump():
                    target = op.arg
                    work.append((target, depth + instr.stack_effect(jump=True)))
                    if instr.is_uncond_jump():
                        break
                    depth += instr.stack_effect(jump=False)
                elif instr.name == "RETURN_GENERATOR":
                    depth += 1  # the first send() pushes its value before POP_TOP
                else:
                    depth += instr.stack_effect(jump=False)
                if instr.is_final():
                    break
                i += 1
        return depths

    def _basic_blocks(self, instrs: list[Instr]) -> list[range]:
        """Maximal straight-line runs of instructions, as index ranges.

        A block starts at the first instruction, at every jump target and
        exception handler, and after every jump, return, raise and yield;
        control enters a block only at its first instruction (the exception
        table aside: any instruction may raise to a handler).
        """
        n = len(instrs)
        starts = {0} if n else set()
        for i, instr in enumerate(instrs):
            if instr.has_jump():
                target = self.ops[i].arg
                starts.add(target)
                if instr.name in EXIT_PAST_TARGET:
                    starts.add(target + EXIT_PAST_TARGET[instr.name])
            if instr.has_jump() or instr.is_final() or instr.name in instructions.LEAVES_FRAME:
                starts.add(i + 1)
        for handler in self.handlers:
            if handler is not None:
                starts.add(handler.target)
        ordered = sorted(s for s in starts if 0 <= s < n)
        return [range(a, b) for a, b in zip(ordered, [*ordered[1:], n], strict=True)]

    # -- queries ----------------------------------------------------------

    def line_of(self, index: int) -> int:
        """The source line of instruction ``index`` (the unit's first line if unknown)."""
        if 0 <= index < len(self.ops):
            line = self.ops[index].line
            if line is not None:
                return line
        return self.firstlineno

    def number(self, index: int) -> int:
        """The program-wide number of instruction ``index``."""
        return self.base + index

    def __len__(self) -> int:
        return len(self.ops)

    def __repr__(self) -> str:
        last = self.base + len(self.ops) - 1
        return f"<CodeUnit {self.qualname} {self.filename}:{self.firstlineno} #{self.base}..{last}>"

    def __reduce__(self) -> tuple[Any, ...]:
        # A unit is part of its program: it is stored by reference (program
        # hash and unit index), never copied into a snapshot.  But a unit
        # made at run time (``func.__code__ = ...``, as ``types.coroutine``
        # does) is not in the program another process compiles: its code
        # travels, and the loading process adds its unit again.
        if self.index >= self.program.compiled:
            return (_unit_of_code, (self.program, marshal.dumps(self.code)))
        return (_unit_by_ref, (self.program, self.index))


_FAST_OPS = frozenset({"LOAD_FAST", "STORE_FAST", "DELETE_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_AND_CLEAR"})
_FAST_PAIR_OPS = frozenset({"LOAD_FAST_LOAD_FAST", "STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"})  # 3.13

# How many instructions past its jump target a FOR_ITER or SEND continues
# when it ends (declared in program/instructions.py): a block starts there.
EXIT_PAST_TARGET = instructions.EXIT_PAST_TARGET


def _unit_by_ref(program: Program, index: int) -> CodeUnit:
    return program.units[index]


def _unit_of_code(program: Program, marshalled: bytes) -> CodeUnit:
    return program.unit_for_loaded_code(marshalled)


PY_MINOR = f"{sys.version_info[0]}.{sys.version_info[1]}"
