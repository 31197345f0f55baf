"""Tier 1: a code unit's hot loops compiled to a Python function.

Tier 0 (``interpreter.py``) runs one instruction per call of its handler.
Tier 1 compiles a whole code unit into one generated Python function that
runs its instructions without a call each: the value stack lives in the
function's own locals (``s0``, ``s1``, ... by depth), fast locals stay in
the frame's list, and control flow is a loop over the unit's basic blocks.
The frame stays the state: whenever tier 1 hands control back — before an
instruction it leaves to tier 0, after a handler it called returned a frame
to run, on an exception, when its share of the instruction budget is used —
it writes the stack it holds into ``frame.stack`` and the instruction index
into ``frame.pc``, so the frame is exactly the one tier 0 would have at that
instruction boundary.  Which tier ran an instruction is invisible.

How an instruction runs in tier 1 is decided by its tier-0 handler (never by
its name alone, so a version whose handler differs runs tier 0's):

- *inline*: the handlers whose effect is plain data movement (loads and
  stores of locals and constants, stack shuffles, jumps) are written out;
  operators, subscripts, truth tests and ``for`` steps are written out
  behind a type guard that admits only built-in types whose native operation
  runs no Python code (``int``, ``float``, ``str``, ``list``, ...).  A
  future, a script object or anything else fails the guard;
- *call-out*: every other instruction, and a guarded one whose guard
  fails, calls its tier-0 handler with the stack written to the frame, as
  tier 0 would call it.  So each instruction has one definition of what it
  does with anything that is not plain data: the handler's;
- *stop*: returns, yields and the instructions that change the handled
  exception end the tier-1 run before them; tier 0 runs them.

Entries are the loop heads of a unit (the targets of backward jumps): the
tier-1 table of a unit (``Interpreter`` with tier 1 on) holds a counting
handler there, which compiles the unit once the loops have run
:data:`HOT` times, and the entry handler afterwards.

Instructions are counted as tier 0 counts them (``Interpreter.executed``):
a tier-1 run takes at most the instructions left before the next
checkpoint, and takes them from the dispatch's chunk.  Jobs with a memory
budget (checked operators), sandboxed jobs and counting runs run tier 0.
"""

from __future__ import annotations

import abc
import operator
import os
import re
import sys
import types
from collections import deque
from collections.abc import Callable
from itertools import islice
from typing import Any, NamedTuple

from statek_vm.exceptions import FutureError, VMInternalError
from statek_vm.future import FUTURE_CLASSES, LIVE_FUTURES
from statek_vm.program import instructions
from statek_vm.program.code_unit import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CodeUnit
from statek_vm.vm import opcodes, operations, runtime
from statek_vm.vm.dialect import DIALECT
from statek_vm.vm.frame import (
    NULL,
    RET_BASE,
    RET_DISCARD,
    RET_GEN_FOR,
    RET_GEN_SEND,
    RET_INIT,
    RET_OPERATION,
    RET_PUSH,
    UNBOUND,
    Frame,
    tracing,
)
from statek_vm.vm.handoff import STORE_ONLY_METHODS, STORE_ONLY_NAMES, stored_method
from statek_vm.vm.not_resumable import PENDING as PENDING_FAILURES
from statek_vm.vm.objects import VMFunction as _VMFunction
from statek_vm.vm.objects import _script_tracing
from statek_vm.vm.operations import REDO, RedoOnVM
from statek_vm.vm.replay import NATIVE_WORK

__all__ = ["HOT", "SPAN", "STATS", "compile_unit", "enabled", "tier1_table", "with_entries"]

HOT = int(os.environ.get("STATEK_VM_TIER1_HOT", "16"))
"""How many times a unit's loop heads run in tier 0 before the unit is compiled ($STATEK_VM_TIER1_HOT)."""

SPAN = 8_000
"""The instructions a tier-1 run may take before a checkpoint where no instruction budget applies."""


class _Stats:
    """What this process ran in tier 1 (benchmarks and tests read it)."""

    __slots__ = ("executed",)

    def __init__(self) -> None:
        self.executed = 0  # instructions


STATS = _Stats()

# The signal of a tier-1 run that ended on an exception (``Interpreter.t1_error``).
SIG_T1_EXC = 101

# What a nested run returns to its caller's run when it ends without returning.
UNWIND: Any = type("Unwind", (), {"__repr__": lambda self: "<tier-1 unwind>"})()

# The code flags of a unit whose call makes a generator, coroutine or async generator object.
_MAKES_GENERATOR = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR

NEST = 40
"""How deep tier-1 runs nest (calls between tier-1 functions are Python calls); deeper calls return to the dispatch."""

_ENV = "STATEK_VM_TIER"


def enabled() -> bool:
    """Whether tier 1 runs by default (``STATEK_VM_TIER=0`` turns it off)."""
    return os.environ.get(_ENV, "1") != "0"


# Built-in types whose operators, comparisons and truth tests run no Python code.
_NUMBERS = (int, float, bool)
_ITERABLES: list[Any] = [[], (), range(0), range(1 << 64, 1 << 64), "", {}, {}.values(), {}.items()]
_ITERATORS = tuple(type(iter(x)) for x in _ITERABLES)
_TRUTH = frozenset({bool, int, float, str, list, tuple, dict, type(None)})
_SUBSCRIPTED = {list: (int, slice), tuple: (int, slice), str: (int, slice), dict: (str, int)}
_MISSING: Any = object()
# A tier-1 run that ran nothing (its entry runs the instruction in tier 0).
_NOTHING: Any = object()

# Opcodes tier 0 runs (tier 1 stops before them): declared in program/instructions.py.
_STOPS = instructions.TIER0_ONLY
# A generator's ``yield from`` steps its delegate in tier 1 (a script
# generator nested, see _Compiler._callout); a coroutine's ``await`` is tier 0's.
_GENERATOR_STOPS = _STOPS - {"SEND"}


def stops_of(unit: CodeUnit) -> frozenset[str]:
    """The opcodes tier 1 leaves to tier 0 in ``unit``."""
    return _GENERATOR_STOPS if is_plain_generator(unit) else _STOPS


_JUMPS = instructions.JUMPS
_BRANCHES = instructions.TRUTH_BRANCHES
_NONE_BRANCHES = instructions.NONE_BRANCHES
# What tier 1 knows of a constant's type.
_KINDS = {int: "num", float: "num", str: "str", bool: "bool"}
_NAME_CHARS = re.compile(r"[A-Za-z0-9_]*")
_NUMERIC = "(type({a}) is int or type({a}) is float) and (type({b}) is int or type({b}) is float)"
_BINARY_SYMBOLS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"]
_COMPARE_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="]


class _Unsupported(Exception):
    """The unit cannot be compiled (it runs in tier 0)."""


# -- the tables ------------------------------------------------------------------


def tier1_table(unit: CodeUnit) -> list[tuple[Any, Any]]:
    """The dispatch table of ``unit`` with tier 1 on: the plain table, its loop heads entering tier 1."""
    table = unit._tier1_dispatch
    if table is None:
        from statek_vm.vm.interpreter import _dispatch_table

        table = unit._tier1_dispatch = with_entries(unit, _dispatch_table(unit), counting=False)
    return table


def with_entries(unit: CodeUnit, plain: list[tuple[Any, Any]], counting: bool) -> list[tuple[Any, Any]]:
    """``plain`` (a unit's table) with tier-1 entries at its loop heads, counting instructions or not."""
    table = list(plain)
    if unit.program.library or (unit.filename == _runtime_filename() and counting):
        # Library code the VM runs stays in tier 0, and so do the VM's own
        # re-statements of builtins in counting runs, which count none of
        # their instructions.  (Their units are shared by every job of the
        # process: what tier 1 compiled of them depends on the jobs run
        # before, which no job's instruction count shows: each tier counts
        # every instruction once.)
        return table
    heads = _shape(unit).heads
    if heads:
        warm = _Warming(unit, table, plain, sorted(heads), counting)
        for pc in heads:
            table[pc] = (warm.handler, pc)
    return table


class _Shape(NamedTuple):
    """What tier 1 compiles of a unit, and where the dispatch enters it; the same for every compile of the unit."""

    heads: frozenset[int]  # its loop heads, and a function's first instruction
    region: frozenset[int]  # the instructions compiled (see _region)
    entries: frozenset[int]  # the heads, and the other entries of _entries but a record's resumes


def _shape(unit: CodeUnit) -> _Shape:
    shape: _Shape | None = unit.tier1_shape
    if shape is None:
        heads = set(_loop_heads(unit))
        if is_function(unit):
            heads.add(0)
        region = _region(unit)
        entries = set(heads)
        if not unit.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR | _CO_ITERABLE_COROUTINE):
            entries.update(i + 1 for i, op in enumerate(unit.ops) if op.name in _HANDLER_EDGES and i + 1 in region)
        shape = unit.tier1_shape = _Shape(frozenset(heads), frozenset(region), frozenset(entries))
    return shape


def _region(unit: CodeUnit) -> set[int]:
    """The instructions tier 1 compiles: a function's or generator's all, else its loops'."""
    if _whole(unit):
        return set(range(len(unit.ops)))
    region: set[int] = set()
    for i, op in enumerate(unit.ops):
        if name_jumps(op.name) and isinstance(op.arg, int) and op.arg <= i:
            region.update(range(op.arg, i + 1))
    return region


def _vm_function() -> type:
    from statek_vm.vm.objects import VMFunction

    return VMFunction


def _is_compare(handler: Any) -> bool:
    """Whether ``handler`` is ``COMPARE_OP``'s (3.13's with its bool bit too: the same for numbers and strings)."""
    return handler is opcodes.COMPARE_OP or getattr(handler, "__name__", "") == "COMPARE_OP_BOOL"


def _load_attribute(owner: Any, name: str) -> Any:
    """``owner.name`` for tier 1: script code it reaches raises ``RedoOnVM`` first (as in ``LOAD_ATTR``'s handler)."""
    return getattr(owner, name)


def _store_attribute(owner: Any, name: str, value: Any) -> None:
    """``owner.name = value`` for tier 1, as :func:`_load_attribute`."""
    setattr(owner, name, value)


operations.register(_load_attribute, _store_attribute)

_PLAIN_METATYPES = frozenset({type, abc.ABCMeta})


def _property_load(owner: Any, name: str) -> bool:
    """Whether ``owner.name`` is a script property's getter: its load asks to run on the VM.

    As the native load would ask it (a property's ``__get__`` calls its
    getter, which raises ``RedoOnVM``), without starting that load: the
    handler's redo (``operations.redo_attribute``) decides all the same.
    Asked only where a load raised ``RedoOnVM`` before.
    """
    tp = type(owner)
    if type(tp) not in _PLAIN_METATYPES:
        return False  # (a script metaclass's lookup would run script code)
    # (in the dicts of the type's MRO: getattr on the type would call a
    # descriptor's __get__, script code that natively does not run here)
    descr = runtime.lookup(tp, name)
    return (
        type(descr) is property
        and type(descr.fget) is _VMFunction
        and not REDO.disabled
        and not NATIVE_WORK.depth
        and not _script_tracing()
    )


def _method_load(handler: Any) -> bool | None:
    """Whether method load ``handler`` pushes ``method, NULL`` (3.13) or ``NULL, method`` (False); else None."""
    return getattr(handler, "null_after", None)  # (set by opcodes.load_method)


# Exact types whose attribute lookup runs no Python code.
_PLAIN_OWNERS = frozenset({str, list, dict, set, frozenset, tuple, bytes, int, float, bool, type(None)})

# Values an f-string formats without script code (no __format__, __str__ or __repr__ of a script's).
_FORMATTED = frozenset({str, int, float, bool, type(None)})

# Arguments that no builtin hashes, compares or converts by calling script code.
_SIMPLE = frozenset({str, int, float, bool, type(None), bytes})
# Methods of builtin types that, given arguments of these types, reach no script code
# (none of them compares, hashes or converts the container's own elements).
_PLAIN_METHODS: dict[tuple[Any, str], frozenset[Any]] = {
    **{
        (str, name): _SIMPLE | {tuple}
        for name in (
            "upper",
            "lower",
            "strip",
            "lstrip",
            "rstrip",
            "split",
            "rsplit",
            "startswith",
            "endswith",
            "replace",
            "find",
            "rfind",
            "title",
            "capitalize",
            "casefold",
            "isdigit",
            "isalpha",
            "isalnum",
            "isspace",
            "isupper",
            "islower",
            "isnumeric",
            "isdecimal",
            "isidentifier",
            "count",
            "splitlines",
            "zfill",
            "center",
            "ljust",
            "rjust",
            "partition",
            "rpartition",
            "removeprefix",
            "removesuffix",
            "swapcase",
            "expandtabs",
            "encode",
        )
    },
    (str, "join"): frozenset({list, tuple}),
    (dict, "get"): _SIMPLE | {list, dict, tuple, set},
    (dict, "keys"): frozenset(),
    (dict, "values"): frozenset(),
    (dict, "items"): frozenset(),
    (list, "pop"): frozenset({int}),
    (list, "reverse"): frozenset(),
    (list, "clear"): frozenset(),
    (set, "add"): _SIMPLE,
    (set, "discard"): _SIMPLE,
    (bytes, "decode"): frozenset({str}),
}


def _plain_call(func: Any, args: list[Any]) -> bool:
    """Whether ``func(*args)`` (a builtin function or method) runs no script code, as ``Interpreter.call`` decides.

    A builtin of ``NATIVE_ARGUMENTS`` with arguments of its plain types, or a
    method of :data:`_PLAIN_METHODS` whose arguments are of its types (a
    ``str.join`` of strings only, ``dict.get`` of a simple key).
    """
    plain = _PLAIN_CALLS.get(func)
    if plain is None:
        owner = func.__self__
        plain = _PLAIN_METHODS.get((type(owner), func.__name__))
        if plain is None:
            return False
        if func.__name__ == "join":
            return all(type(a) is str for a in args[0]) if len(args) == 1 and type(args[0]) in plain else False
        if func.__name__ == "get" and args and type(args[0]) not in _SIMPLE:
            return False
    return all(type(a) in plain for a in args)


def _pure_stores() -> frozenset[Any]:
    from statek_vm.vm.interpreter import _PURE_STORES

    return _PURE_STORES


# Interpreter._PLAIN_CALLS (set as the first unit is compiled: the interpreter imports this module).
_PLAIN_CALLS: dict[Any, Any] = {}


def _bind_interpreter() -> None:
    from statek_vm.vm.interpreter import _PLAIN_CALLS as plain_calls

    _PLAIN_CALLS.update(plain_calls)


def _vm_generator() -> type:
    from statek_vm.vm.objects import VMGenerator

    return VMGenerator


def _runtime_filename() -> str:
    from statek_vm.vm.runtime import FILENAME

    return FILENAME


def is_function(unit: CodeUnit) -> bool:
    """Whether ``unit`` is a plain function's (not a module or class body, generator or coroutine).

    Tier 1 compiles such a unit whole, enters it at its first instruction
    too, and runs its calls from other tier-1 code as nested runs.
    """
    return bool(unit.flags & _CO_OPTIMIZED) and not (
        unit.is_generator or unit.is_coroutine or unit.is_async_generator or unit.flags & _CO_ITERABLE_COROUTINE
    )


def is_plain_generator(unit: CodeUnit) -> bool:
    """Whether ``unit`` is a generator function's (not a coroutine's): compiled whole, stepped nested by ``for``."""
    return unit.is_generator and not (unit.is_coroutine or unit.is_async_generator)


def _whole(unit: CodeUnit) -> bool:
    return is_function(unit) or is_plain_generator(unit)


_CO_OPTIMIZED = 0x1
_CO_ITERABLE_COROUTINE = 0x100


def _loop_heads(unit: CodeUnit) -> list[int]:
    """The targets of a unit's backward jumps (where tier 1 is entered)."""
    heads = set()
    for i, op in enumerate(unit.ops):
        jumps = op.name in _JUMPS or op.name in _BRANCHES or op.name in _NONE_BRANCHES
        if jumps and isinstance(op.arg, int) and op.arg <= i and unit.ops[op.arg].name not in stops_of(unit):
            heads.add(op.arg)
    return sorted(heads)


class _Warming:
    """The loop heads of a unit not compiled yet: counted, then compiled."""

    def __init__(self, unit: CodeUnit, table: list[Any], plain: list[Any], heads: list[int], counting: bool) -> None:
        self.unit = unit
        self.table = table
        self.plain = plain
        self.heads = heads
        self.counting = counting
        self.hits = 0

    def handler(self, vm: Any, f: Frame, pc: int) -> Any:
        self.hits += 1
        if self.hits >= HOT:
            self._compile()
        fn, arg = self.plain[pc]
        return fn(vm, f, arg)

    def _compile(self) -> None:
        table, plain, unit = self.table, self.plain, self.unit
        records = unit.tier1_runs
        record = records.get(self.counting, _MISSING)
        if record is _MISSING:
            record = _Record(unit, self.counting)
            try:
                record.compile()
            except _Unsupported:
                record = None
            records[self.counting] = record
        if record is None:
            for pc in self.heads:
                table[pc] = plain[pc]
            return
        record.tables.append((table, plain))
        for pc in self.heads:
            table[pc] = (_Entry(record, plain[pc], unit.blocks_t1[pc], table, pc).handler, pc)
        for pc in sorted(_entries(unit, record) - set(self.heads)):
            if pc in unit.blocks_t1 and table[pc] == plain[pc]:
                table[pc] = (_Entry(record, plain[pc], unit.blocks_t1[pc], table, pc).handler, pc)


def _entries(unit: CodeUnit, record: _Record) -> frozenset[int]:
    """Where the dispatch's tables enter a compiled unit's tier-1 function.

    Its loop heads, a function's first instruction, and where tier 0 goes on
    after it ran a frame that a call-out handed it (``_Record.came_back``),
    or an instruction tier 1 leaves to it that enters or leaves an
    exception handler (``PUSH_EXC_INFO``, ``POP_EXCEPT``: the ``except``
    body after it, the code after the ``try`` statement), in the compiled
    region.  (In a coroutine or async generator only the loop heads: their
    ``await``s are tier 0's.)
    """
    return _shape(unit).entries | record.resumes


# The instructions tier 0 runs after which it goes on in an exception handler's code, or after it.
_HANDLER_EDGES = frozenset({"PUSH_EXC_INFO", "POP_EXCEPT"})


class _Record:
    """A unit's tier-1 function, and where its speculation failed.

    An operator or comparison is compiled for the types it is expected to
    meet (numbers, or strings where the block knows one operand is a
    string); on others the run leaves tier 1 before it.  After
    :data:`_FAILURES` such exits at one instruction, the unit is compiled
    again with that instruction calling its tier-0 handler for the other
    types and going on.
    """

    __slots__ = ("counting", "failures", "generic", "resumes", "returned", "run", "tables", "unit")

    def __init__(self, unit: CodeUnit, counting: bool) -> None:
        self.unit = unit
        self.counting = counting
        self.generic: set[int] = set()
        self.failures: dict[int, int] = {}
        # Where the dispatch went on after a call-out handed it a frame to
        # run (the instruction after the call-out's), how often, and those
        # made entries (block starts, entered from the dispatch's table).
        self.returned: dict[int, int] = {}
        self.resumes: set[int] = set()
        self.tables: list[tuple[list[Any], list[Any]]] = []  # (the tier-1 table, the plain one) of each table
        self.run: Any = None

    def compile(self) -> None:
        self.run = _Compiler(self.unit, self.counting, self).build()
        if _whole(self.unit):
            # (what tier-1 code of any unit calls: see call-outs in _Compiler._callout)
            unit = self.unit
            unit.unbound = [UNBOUND] * (len(unit.varnames) - unit.argcount)
            unit.tier1_calls[self.counting] = self.run

    def failed(self, pc: int) -> None:
        n = self.failures[pc] = self.failures.get(pc, 0) + 1
        if n == _FAILURES:
            self.generic.add(pc)
            self.compile()

    def came_back(self, pc: int) -> None:
        """A run left before instruction ``pc`` for the dispatch to run a frame a call-out returned.

        The dispatch runs that frame (the VM's re-statement of a builtin, a
        function tier 1 does not run nested) and then the rest of this
        one from ``pc``, in tier 0 up to the next entry.  After
        :data:`_RETURNS` such exits, ``pc`` becomes an entry: the unit is
        compiled again with a block starting there, and its tables enter
        tier 1 there.
        """
        n = self.returned[pc] = self.returned.get(pc, 0) + 1
        if n != _RETURNS:
            return
        self.resumes.add(pc)
        if pc not in self.unit.blocks_t1:
            try:
                self.compile()
            except _Unsupported:
                self.resumes.discard(pc)
                self.compile()
                return
        else:
            self.compile()  # (its call-outs before ``pc`` tell of it no more)
        first = self.unit.blocks_t1.get(pc)
        if first is None:
            return
        for table, plain in self.tables:
            if table[pc] == plain[pc]:
                table[pc] = (_Entry(self, plain[pc], first, table, pc).handler, pc)


_FAILURES = 8
_RETURNS = 8


class _Entry:
    """A loop head's entry into the unit's tier-1 function.

    An entry whose runs are short (the loop calls script functions or steps
    generators that tier 1 does not run, at every iteration) costs more than it
    saves: after :data:`_TRIAL` runs that took fewer than :data:`_SHORT`
    instructions on average, the loop head goes back to tier 0's handler for
    a while (:data:`_BACKOFF` runs, twice as many each time), then tries
    again: what the loop calls may have been compiled since.
    """

    __slots__ = ("backoff", "first", "handler", "pc", "plain", "record", "runs", "table", "used", "waited")

    def __init__(self, record: _Record, plain: tuple[Any, Any], first: int, table: list[Any], pc: int) -> None:
        self.record = record
        self.plain = plain
        self.first = first  # instructions of the entry's block: the least a run takes
        self.table = table
        self.pc = pc
        self.runs = 0
        self.used = 0
        self.backoff = _BACKOFF
        self.waited = 0
        self.handler = self._handler

    def _waiting(self, vm: Any, f: Frame, pc: int) -> Any:
        self.waited += 1
        if self.waited >= self.backoff:
            self.runs = self.used = self.waited = 0
            self.backoff = min(self.backoff * 2, _BACKOFF_MAX)
            self.table[self.pc] = (self.handler, self.pc)
        fn, arg = self.plain
        return fn(vm, f, arg)

    def _handler(self, vm: Any, f: Frame, pc: int) -> Any:
        available = widened(vm, chunk_left(vm, vm.ticks) + 1)  # (+1: the entry's own step)
        if available >= self.first and vm.binary_ops is opcodes.BINARY_OPS:
            before = STATS.executed
            outer, vm.t1_now = vm.t1_now, f
            try:
                r = self.record.run(vm, f, pc, available, 0)
            finally:
                vm.t1_now = outer
            if self.runs < _TRIAL:
                self.runs += 1
                self.used += STATS.executed - before
                if self.runs == _TRIAL and self.used < _SHORT * _TRIAL:
                    self.table[self.pc] = (self._waiting, self.pc)
            if r is not _NOTHING:
                return r
            f.pc = pc + 1  # (as the dispatch left it for the handler: the run wrote back its own instruction)
        fn, arg = self.plain
        return fn(vm, f, arg)


_TRIAL = 32
_SHORT = 12
_BACKOFF = 256
_BACKOFF_MAX = 1 << 16


def leave(vm: Any, used: int, result: Any, f: Frame, nest: int) -> Any:
    """End a tier-1 run of ``f`` that took ``used`` instructions and continues in the dispatch; ``result`` for it.

    A nested run (``nest``: a call from tier-1 code, see :func:`call_nested`)
    returns :data:`UNWIND` to its caller's run, which ends too, and so on to
    the run the dispatch entered; that one returns what the dispatch needs
    to go on in ``f`` (see :func:`_for_dispatch`).

    The dispatch counts its chunk's steps by their index (``Interpreter._dispatch``):
    the entry's step is counted there.  The others are taken from the chunk
    when the dispatch goes on with a next step of it (``result`` None), so
    the next checkpoint comes where it would in tier 0; otherwise (a frame
    to run, which may end the dispatch, a signal, or more than the chunk
    holds) they are added to the count and the chunk ends here.
    """
    if nest:
        vm.t1_used = used
        vm.t1_result = _for_dispatch(vm, result, f)
        return UNWIND
    if used <= 0:
        return _NOTHING  # the entry runs its instruction in tier 0
    STATS.executed += used
    extra = used - 1
    if extra > 0:
        ticks = vm.ticks
        # (taken while the chunk has a step after them: the dispatch's next
        # step index counts them; one that ends the chunk would not)
        if result is None and extra < operator.length_hint(ticks):
            next(islice(ticks, extra - 1, None), None)
            return None
        deque(ticks, maxlen=0)
        vm.executed += extra
    return result


def _for_dispatch(vm: Any, result: Any, f: Frame) -> Any:
    """What the dispatch is given for a nested run that ended in frame ``f`` with ``result``.

    The dispatch runs the frame a handler returns (the deepest frame here, or
    the one it called, whose caller is set to it); a signal is the deepest
    frame's (``Interpreter.t1_frame``).
    """
    if result is None:
        return f
    if type(result) is Frame:
        if result.back is None:
            result.back = f
        return result
    vm.t1_frame = f
    return result


def widened(vm: Any, available: int) -> int:
    """``available`` instructions to the next checkpoint, at least :data:`SPAN` when no instruction budget counts them.

    Checkpoints come every CHECK_EVERY instructions for the time limit,
    cancel and pause; tier 1 runs them several times faster, so it takes
    SPAN between two (about the wall-clock time tier 0 takes for
    CHECK_EVERY), the count exact all the same.
    """
    meter = vm.meter
    if meter is None or meter.limits.instructions is None:
        return max(available, SPAN)
    return available


NOT_ENTERED: Any = type("NotEntered", (), {"__repr__": lambda self: "<tier-1 not entered>"})()


def run_from_start(vm: Any, sub: Any, frame: Frame, available: int) -> Any:
    """Run ``frame`` from its first instruction by its unit's tier-1 function ``sub``, nested.

    Returns its value, :data:`UNWIND` (the run ended otherwise: see
    :func:`leave`), or :data:`NOT_ENTERED` when fewer instructions are left
    to the next checkpoint than its first block holds.  ``vm.t1_used``
    tells the instructions it took.
    """
    available = enterable(vm, frame.unit, 0, available)
    if available < 0:
        return NOT_ENTERED
    return run_nested(vm, sub, frame, 0, available)


def enterable(vm: Any, unit: CodeUnit, pc: int, available: int) -> int:
    """The instructions a nested run of ``unit`` from ``pc`` may take (see :func:`widened`), or -1.

    -1 when they are fewer than the block at ``pc`` holds: a run takes at
    least its first block.
    """
    available = widened(vm, available)
    return available if available >= unit.blocks_t1.get(pc, available + 1) else -1


def run_nested(vm: Any, sub: Any, frame: Frame, pc: int, available: int) -> Any:
    """``sub(...)``: run ``frame`` from ``pc`` by its unit's tier-1 function, nested, as the run of tier 1 now."""
    outer, vm.t1_now = vm.t1_now, frame
    try:
        return sub(vm, frame, pc, available, 1)
    finally:
        vm.t1_now = outer


def chunk_left(vm: Any, ticks: Any) -> int:
    """The instructions left to the next checkpoint after the dispatch's current step (``ticks``: its chunk's)."""
    left: int = vm.next_check - vm.chunk_end + operator.length_hint(ticks)
    return left


def new_generator(vm: Any, frame: Frame, available: int) -> Any:
    """The object a call of a generator, coroutine or async generator function makes, for tier-1 code.

    ``frame``, the call's new frame, runs to its ``RETURN_GENERATOR`` (cells
    made and free variables copied before it) by the tier-0 handlers, and
    is left as the dispatch's run loop leaves it, its object handed to the
    caller.  ``vm.t1_used``: the instructions that took (counted in a
    counting run, as the dispatch counts them).  :data:`NOT_ENTERED` when
    fewer than those are ``available``.
    """
    unit = frame.unit
    ops = unit.ops
    last = unit.generator_made_at
    if frame.pc != 0 or last < 0 or last >= available:
        return NOT_ENTERED
    counting = vm._counting_table(unit) if vm.counts is not None else None
    for i in range(last + 1):
        fn, arg = counting[i] if counting is not None else DIALECT.step(ops[i].name, ops[i].arg)
        frame.pc = i + 1
        fn(vm, frame, arg)  # type: ignore[misc]  # (a decoded unit's instructions all have handlers)
    gen, vm.new_generator = vm.new_generator, None
    frame.back = None
    vm.t1_used = last + 1
    return gen


def runs_here(vm: Any) -> bool:
    """Whether tier 1 runs the code of ``vm``'s job: on, and the job neither sandboxed nor under a memory budget."""
    return bool(vm.tier1) and vm.sandbox is None and vm.binary_ops is opcodes.BINARY_OPS


def call_nested(vm: Any, f: Frame, frame: Frame) -> Any:
    """A call that tier-0 code makes (``CALL``'s handler) of a function tier 1 has compiled: run nested, now.

    As tier-1 code runs its calls (``_Compiler._call``): the callee's
    tier-1 function is called with the instructions left to the next
    checkpoint; its return value is pushed on ``f``'s stack (then None:
    the dispatch goes on in ``f``), and its instructions are taken from the
    dispatch's chunk as an entry's are (:func:`leave`).  A run that ends
    otherwise returns what the dispatch goes on with, as an entry's run
    does.  ``frame`` itself (run by the dispatch) when tier 1 does not
    apply: tier-1 code calling out for ``f``, a run that is sandboxed or
    under a memory budget, a frame that is not a plain call's, too few
    instructions left.
    """
    unit = frame.unit
    sub = unit.tier1_calls[vm.counts is not None]
    if (
        sub is None
        or vm.t1_now is f
        or frame.ret_mode != RET_PUSH
        or frame.generator is not None
        or unit.flags & _MAKES_GENERATOR  # (its first instruction makes the generator: the dispatch's)
        or not runs_here(vm)
    ):
        return frame
    ticks = vm.ticks
    if ticks is None:
        return frame
    frame.back = f
    value = run_from_start(vm, sub, frame, chunk_left(vm, ticks))
    if value is NOT_ENTERED:
        frame.back = None  # (the dispatch links it)
        return frame
    frame = None  # type: ignore[assignment]  # (the callee's frame goes as natively: now)
    return _nested_ended(vm, f, value, ticks)


def step_nested(vm: Any, f: Frame, gen: Any, target: int) -> Any:
    """``FOR_ITER`` of tier-0 code over a script generator whose tier-1 function exists: its next item, nested now.

    As tier-1 code steps one (``_Compiler._step_generator``), and as
    :func:`call_nested` runs a call: the item is pushed on ``f``'s stack
    (then None: the dispatch goes on in ``f``); anything else the nested
    run ends with is what the dispatch goes on with.  Else, and when the
    generator has a handled exception of its own or is to have one thrown
    in, the dispatch enters it (``Interpreter.enter_generator_for``).  So
    the generators that the VM's re-statements of builtins consume (``sum``,
    ``any``, ``"".join`` of a generator expression) run in tier 1.
    """
    gf = gen._frame
    unit = gf.unit
    sub = unit.tier1_calls[vm.counts is not None]
    ticks = vm.ticks
    if (
        sub is None
        or ticks is None
        or vm.t1_now is f
        or gen._running
        or gen._finished
        or gen._exc_state is not None
        or vm.throwing is not None
        or not runs_here(vm)
    ):
        return vm.enter_generator_for(f, gen, target)
    deep = f.depth + unit.depth_step
    available = enterable(vm, unit, gf.pc, chunk_left(vm, ticks))
    if deep >= vm.recursion_limit or available < 0:
        return vm.enter_generator_for(f, gen, target)
    gf.depth = deep
    gf.stack.append(None)
    gf.ret_mode = RET_GEN_FOR
    gf.ret_info = target
    gen._running = True
    vm.exc_items.append(None)
    gf.back = f
    value = run_nested(vm, sub, gf, gf.pc, available)
    gf = gen = None
    return _nested_ended(vm, f, value, ticks)


def _nested_ended(vm: Any, f: Frame, value: Any, ticks: Any) -> Any:
    """Account for a nested run that tier-0 code's instruction in ``f`` made: push its ``value``, or end the chunk.

    Its instructions are taken from the dispatch's chunk (the instruction's
    own step is the dispatch's); a run that ended without a value returns
    what the dispatch goes on with.
    """
    used = vm.t1_used
    STATS.executed += used
    if value is not UNWIND:
        f.stack.append(value)
        value = None
        if used < operator.length_hint(ticks):
            next(islice(ticks, used - 1, None), None)
            return None
        deque(ticks, maxlen=0)
        vm.executed += used
        return None
    result, vm.t1_result = vm.t1_result, None
    vm.executed += used
    if result != SIG_T1_EXC:
        deque(ticks, maxlen=0)  # (the dispatch goes on elsewhere: its count is the chunk's so far and these)
    return result


opcodes.call_nested = call_nested
opcodes.step_nested = step_nested


def unwind(vm: Any, used: int, nest: int) -> Any:
    """End a tier-1 run whose nested call ended without returning (its result is ``vm.t1_result``)."""
    if nest:
        vm.t1_used = used
        return UNWIND
    result, vm.t1_result = vm.t1_result, None
    return leave(vm, used, result, None, 0)  # type: ignore[arg-type]


def fail(vm: Any, used: int, error: BaseException, f: Frame, nest: int) -> Any:
    """End a tier-1 run on ``error``: the dispatch raises it as an instruction's."""
    vm.t1_error = error
    if nest:
        vm.t1_used = used
        vm.t1_frame = f
        vm.t1_result = SIG_T1_EXC
        return UNWIND
    STATS.executed += used
    vm.executed += used - 1
    return SIG_T1_EXC


# -- compiling -------------------------------------------------------------------


def compile_unit(unit: CodeUnit, counting: bool = False) -> Any:
    """The tier-1 function of ``unit``: ``run(vm, frame, pc, available)``.

    ``counting``: the build of counting runs, which adds one to
    ``vm.counts[(program hash, instruction number)]`` for every instruction
    it executes, as tier 0's counting table does (an instruction counts once
    it completed or raised an exception the script sees; not when it
    suspends).
    """
    record = _Record(unit, counting)
    record.compile()
    return record.run


class _Compiler:
    def __init__(self, unit: CodeUnit, counting: bool, record: Any = None) -> None:
        self.unit = unit
        self.counting = counting
        # Speculation: where a guard fails the run leaves tier 1 before the
        # instruction (its record counts it); instructions that failed too
        # often (``record.generic``) call their handler instead and go on.
        self.record = record
        self.generic: frozenset[int] = frozenset(record.generic) if record is not None else frozenset()
        # What the code emitted so far in the current block has checked:
        # the type of a temporary or local ("num": int or float, "str",
        # "bool"), that a local is bound, and which local a temporary was
        # loaded from (checking it tells of the local too).
        self.known: dict[str, str] = {}
        self.loaded_from: dict[str, int] = {}
        self.ops = unit.ops
        self.stops = stops_of(unit)
        # The stack depth before each instruction as the VM has it (3.11's
        # compiler charges a call's arguments to PRECALL, though they stay
        # on the stack until CALL).
        self.depths = list(unit.depths)
        if DIALECT.precall_holds_call_args:
            for i, op in enumerate(unit.ops):
                if op.name == "CALL":
                    self.depths[i] += op.arg
        self.consts: dict[int, Any] = {}
        self.const_index = {id(c): i for i, c in enumerate(unit.code.co_consts)}
        self.names: dict[str, Any] = {}
        self.lines: list[str] = []
        # line number of the generated source -> (pc, block start, block length, call-out)
        self.where: dict[int, tuple[int, int, int, bool]] = {}
        self.region: frozenset[int] = frozenset()
        self.entries: frozenset[int] = frozenset()  # (where the dispatch's tables enter this unit's tier-1 function)

    def const(self, value: Any) -> str:
        kind = type(value)
        shared = (
            kind is bool
            or value is None
            or (kind is int and -5 <= value <= 256)
            or (kind is str and _NAME_CHARS.fullmatch(value) is not None)
        )  # (one object however made: the small ints, interned strings)
        index = self.const_index.get(id(value))
        if index is not None and not shared:
            # The unit's own constant, from its code object: its identity and
            # reference count are as natively (tier 1 holds no reference of its own).
            return f"K[{index}]"
        if type(value) in (int, str, bool, type(None)) or (
            type(value) is float and value == value and value not in (float("inf"), float("-inf"))
        ):
            text = repr(value)
            if len(text) < 200:
                return text
        name = f"k{id(value)}"
        self.names[name] = value
        return name

    def ref(self, value: Any, hint: str) -> str:
        name = f"{hint}{id(value)}"
        self.names[name] = value
        return name

    def emit(self, text: str, pc: int = -1, block: tuple[int, int] = (0, 0), callout: bool = False) -> None:
        self.lines.append(text)
        if pc >= 0:
            self.where[len(self.lines)] = (pc, block[0], block[1], callout)

    def build(self) -> Any:
        if not _PLAIN_CALLS:
            _bind_interpreter()
        unit = self.unit
        ops = self.ops
        n = len(ops)
        if n == 0 or any(d < 0 for d in self.depths):
            raise _Unsupported
        leaders = {0}
        for i, op in enumerate(ops):
            name = op.name
            if name in _JUMPS or name in _BRANCHES or name in _NONE_BRANCHES or name == "FOR_ITER":
                if isinstance(op.arg, int):
                    leaders.add(op.arg)
                    # (3.12 and 3.13: an ended loop goes on past its END_FOR)
                    leaders.add(op.arg + getattr(DIALECT.step(name, op.arg)[0], "past_target", 0))
                leaders.add(i + 1)
            if name in self.stops or name not in DIALECT.handlers:
                leaders.add(i)
                leaders.add(i + 1)
            handler = unit.handlers[i]
            if handler is not None:
                leaders.add(handler.target)
        if self.record is not None:
            leaders.update(self.record.resumes)
        starts = sorted(s for s in leaders if s < n)
        blocks = {}
        for k, s in enumerate(starts):
            blocks[s] = (starts[k + 1] if k + 1 < len(starts) else n) - s
        unit.blocks_t1 = blocks
        # A module or class body's loops are compiled (the instructions from
        # a loop head to its backward jump; control that leaves them goes
        # back to tier 0), a function or generator whole.
        self.region = _shape(unit).region
        if self.record is not None:
            self.entries = _entries(unit, self.record)
        starts = [start for start in starts if start in self.region]
        if not starts:
            raise _Unsupported("no loop")
        maxdepth = max(self.depths) + 4
        temps = [f"s{i}" for i in range(maxdepth)]
        self.emit("def run(vm, f, pc, available, nest):")
        self.emit("    fast = f.fast")
        self.emit("    st = f.stack")
        self.emit("    depth = len(st)")
        self.emit("    if not depth: pass")
        for d in range(1, maxdepth):
            self.emit(f"    elif depth == {d}: {', '.join(temps[:d])}, = st")
        self.emit("    if depth: st.clear()")  # (held by the temporaries now; written back when the run hands back)
        self.emit("    n = available")
        if self.counting:
            self.emit("    cnt = vm.counts")
        self.emit("    while True:")
        self.emit("        try:")
        self._tree(starts, blocks, 3)
        self.emit("        except BaseException as e:")
        self.emit("            return failed(vm, f, e, n, available, nest)")
        where = self.where
        text = "\n".join(self.lines) + "\n"
        filename = os.path.join(os.path.dirname(__file__), f"<tier1 {unit.qualname} {unit.base}>")
        namespace: dict[str, Any] = dict(self.names)
        namespace.update(
            UNBOUND=UNBOUND,
            NULL=NULL,
            FUTURE_CLASSES=FUTURE_CLASSES,
            LIVE_FUTURES=LIVE_FUTURES,
            leave=leave,
            unbound=_unbound,
            unwind=unwind,
            K=unit.code.co_consts,
            UNWIND=UNWIND,
            NEST=NEST,
            RET_PUSH=RET_PUSH,
            RET_INIT=RET_INIT,
            RET_BASE=RET_BASE,
            RET_DISCARD=RET_DISCARD,
            RET_OPERATION=RET_OPERATION,
            RET_GEN_FOR=RET_GEN_FOR,
            MAKES_GENERATOR=_MAKES_GENERATOR,
            new_generator=new_generator,
            NOT_ENTERED=NOT_ENTERED,
            RET_GEN_SEND=RET_GEN_SEND,
            VMFunction=_vm_function(),
            CALLED=_MISSING,
            VMGenerator=_vm_generator(),
            BuiltinMethod=types.BuiltinMethodType,
            MethodType=types.MethodType,
            PENDING_FAILURES=PENDING_FAILURES,
            PURE_STORES=_pure_stores(),
            plain_call=_plain_call,
            load_attribute=_load_attribute,
            property_load=_property_load,
            store_attribute=_store_attribute,
            redo_attribute=operations.redo_attribute,
            redo_store=operations.redo_store,
            int=int,
            float=float,
            str=str,
            bool=bool,
            list=list,
            tuple=tuple,
            dict=dict,
            slice=slice,
            zip=zip,
            format=format,
            repr=repr,
            ascii=ascii,
            type=type,
            len=len,
            MISSING=_MISSING,
            NoneType=type(None),
            Frame=Frame,
        )
        try:
            code = compile(text, filename, "exec")
        except SyntaxError as error:
            raise VMInternalError(
                f"tier 1 made code for {unit.qualname} ({unit.filename}) that is not Python: {error}"
            ) from error

        depths = self.depths
        counting = self.counting

        def failed(vm: Any, f: Frame, error: BaseException, left: int, available: int, nest: int) -> Any:
            tb = error.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename != filename:
                tb = tb.tb_next
            assert tb is not None, "an exception in tier 1 without its frame"
            values: Any = {}
            try:
                pc, start, length, callout = where[tb.tb_lineno]
                if tb.tb_next is None and type(error) in (NameError, UnboundLocalError):
                    raise KeyError(error)  # (the generated code's own mistake, no script's)
                values = tb.tb_frame.f_locals
                if not callout:
                    f.stack[:] = [values[f"s{i}"] for i in range(depths[pc])]
            except KeyError:
                raise VMInternalError(
                    f"tier 1 of {unit.qualname} ({unit.filename}) failed at line {tb.tb_lineno} of its code: {error!r}"
                ) from error
            finally:
                tb = None
                if type(values) is dict and not tracing():
                    values.clear()  # (3.11, 3.12: the copy of its locals the frame object keeps: see native_locals)
                values = {}
            used = available - left - (length - (pc - start)) + 1
            f.pc = pc
            if counting and (type(error) is not FutureError or vm.raise_kind != 0):
                # (as tier 0's counting table: it raised an exception the script sees)
                vm.counts[(unit.program.hash, unit.base + pc)] += 1
            return fail(vm, used, error, f, nest)

        namespace["failed"] = failed
        exec(code, namespace)
        return namespace["run"]

    def _tree(self, starts: list[int], blocks: dict[int, int], indent: int) -> None:
        pad = "    " * indent
        if len(starts) == 1:
            self._block(starts[0], blocks[starts[0]], indent)
            return
        mid = len(starts) // 2
        self.emit(f"{pad}if pc < {starts[mid]}:")
        self._tree(starts[:mid], blocks, indent + 1)
        self.emit(f"{pad}else:")
        self._tree(starts[mid:], blocks, indent + 1)

    def _stack(self, depth: int) -> str:
        """The statement that writes the ``depth`` temporaries into the frame's stack."""
        return f"st[:] = ({', '.join(f's{i}' for i in range(depth))}{',' if depth == 1 else ''})"

    def _exit_lines(self, pc: int, not_run: int) -> list[str]:
        """Statements that end the run before instruction ``pc`` (``not_run``: of its block's counted ones)."""
        leave = f"return leave(vm, available - n - {not_run}, None, f, nest)"
        return [self._stack(self.depths[pc]), f"f.pc = {pc}", leave]

    def _exit(self, pad: str, pc: int) -> None:
        for line in self._exit_lines(pc, 0):
            self.emit(pad + line)

    def _block(self, start: int, length: int, indent: int) -> None:
        pad = "    " * indent
        block = (start, length)
        if self.ops[start].name in self.stops or self.ops[start].name not in DIALECT.handlers:
            self._return(start, pad)
            self._exit(pad, start)
            return
        self.emit(f"{pad}if n < {length}:")
        self._exit(pad + "    ", start)
        self.emit(f"{pad}n -= {length}")
        self.known = {}
        self.loaded_from = {}
        for pc in range(start, start + length):
            done = self._instruction(pc, block, pad)
            if done:
                return
        nxt = start + length
        if nxt >= len(self.ops):
            raise _Unsupported("the last block runs off the end of the unit")
        if nxt not in self.region:
            self._exit(pad, nxt)
            return
        self.emit(f"{pad}pc = {nxt}")
        self.emit(f"{pad}continue")

    def _return(self, pc: int, pad: str) -> None:
        """A return of a nested run: the value goes to the calling run (which pushes it) as a Python return.

        As the dispatch does at a return to a call (a frame that returns to a
        ``RET_PUSH`` caller, no generator's: the only frames run nested).
        """
        op = self.ops[pc]
        handler, harg = DIALECT.step(op.name, op.arg)
        if _is(handler, "YIELD_VALUE") and self.depths[pc] >= 1:
            self._yield(pc, pad)
            return
        # (an __init__ that returns something else than None: tier 0 raises
        # its TypeError; an operator's method that returns NotImplemented,
        # or not a bool where one is needed: the dispatch goes on with the
        # runtime's re-statement; RET_BASE: the base of a nested run, run
        # nested first: Interpreter._tier1_first)
        returns = "f.ret_mode == RET_PUSH or f.ret_mode == RET_BASE or f.ret_mode == RET_DISCARD"
        if _is(handler, "RETURN_VALUE") and self.depths[pc] >= 1:
            value = f"s{self.depths[pc] - 1}"
            returns += (
                f" or f.ret_mode == RET_INIT and {value} is None"
                f" or f.ret_mode == RET_OPERATION and {value} is not NotImplemented"
                f" and (type({value}) is bool or not f.ret_info[2])"
            )
        elif _is(handler, "RETURN_CONST"):
            value = self.const(harg)  # (known here: no test of it in the code)
            if harg is None:
                returns += " or f.ret_mode == RET_INIT"
            if harg is not NotImplemented:
                returns += " or f.ret_mode == RET_OPERATION" + ("" if type(harg) is bool else " and not f.ret_info[2]")
        else:
            return
        returns = f"({returns})"
        block = (pc, 1)
        self.emit(f"{pad}if nest and n > 0 and {returns}:", pc, block)
        count = self._count(pc)
        if count:
            self.emit(f"{pad}    {count}", pc, block)
        self.emit(f"{pad}    f.back = None", pc, block)
        self.emit(f"{pad}    vm.t1_used = available - n + 1", pc, block)
        self.emit(f"{pad}    return {value}", pc, block)

    def _yield(self, pc: int, pad: str) -> None:
        """A yield of a generator that a ``for`` of tier-1 code steps nested: the value goes to it.

        As the dispatch does at a yield to ``FOR_ITER`` when the generator's
        handled-exception slot is empty (otherwise tier 0 runs the yield).
        """
        d = self.depths[pc]
        block = (pc, 1)

        def e(text: str) -> None:
            self.emit(pad + text, pc, block)

        e("stepped = f.ret_mode == RET_GEN_FOR or f.ret_mode == RET_GEN_SEND")
        e("if nest and n > 0 and stepped and vm.exc_items[-1] is None:")
        count = self._count(pc)
        if count:
            e("    " + count)
        e("    gen = f.generator()")
        e("    gen._running = False")
        e("    gen._exc_state = vm.exc_items.pop()")
        e("    gen = None")
        e("    " + self._stack(d - 1))
        e(f"    f.pc = {pc + 1}")
        e("    f.back = None")
        e("    vm.t1_used = available - n + 1")
        e(f"    return s{d - 1}")

    def _drop(self, e: Callable[[str], None], *temps: str) -> None:
        """Let go of temporaries popped off the stack: their objects go when natively they would.

        (A value whose type is known to be a number, a bool or a str is
        left: no finalizer or weak reference tells when it goes.)
        """
        dropped = [t for t in temps if self.known.get(t) not in ("num", "bool", "str")]
        if dropped:
            e(" = ".join(dropped) + " = None")
        for t in temps:
            self._forget(t)

    def _forget(self, temp: str) -> None:
        self.known.pop(temp, None)
        self.loaded_from.pop(temp, None)

    def _target(self, pc: int) -> None:
        """Check that control can go to ``pc``: the dispatch finds blocks by their first instruction."""
        if pc not in self.unit.blocks_t1:
            raise _Unsupported(f"a jump to {pc}, inside a block")

    def _forget_local(self, index: int) -> None:
        for temp, local in list(self.loaded_from.items()):
            if local == index:
                del self.loaded_from[temp]
        self.known.pop(f"L{index}", None)

    def _forget_temps(self) -> None:
        self.known = {k: v for k, v in self.known.items() if not k.startswith("s")}
        self.loaded_from = {}

    def _copy_knowledge(self, source: str, target: str) -> None:
        self._forget(target)
        if source in self.known:
            self.known[target] = self.known[source]
        if source in self.loaded_from:
            self.loaded_from[target] = self.loaded_from[source]

    def _speculate(self, pc: int, block: tuple[int, int], pad: str, temps: list[str], kind: str) -> None:
        """Leave tier 1 before instruction ``pc`` unless each of ``temps`` is a ``kind`` ("num" or "str")."""
        tests = {"num": "type({t}) is int or type({t}) is float", "str": "type({t}) is str"}[kind]
        unknown = [t for t in dict.fromkeys(temps) if self.known.get(t) != kind]
        if not unknown:
            return
        # Two temporaries loaded from one local (``i * i``) hold one value: check it once.
        checked: dict[Any, str] = {}
        for t in unknown:
            checked.setdefault(self.loaded_from.get(t, t), t)
        tested = list(checked.values())
        record = self.ref(self.record, "record")
        test = " and ".join(f"({tests.format(t=t)})" for t in tested)
        self.emit(f"{pad}if not ({test}):", pc, block)
        self.emit(f"{pad}    {record}.failed({pc})", pc, block)
        for line in self._exit_lines(pc, block[1] - (pc - block[0])):
            self.emit(f"{pad}    {line}", pc, block)
        for t in unknown:
            self._learn(t, kind)

    def _learn(self, temp: str, kind: str) -> None:
        self.known[temp] = kind
        local = self.loaded_from.get(temp)
        if local is not None:
            self.known[f"L{local}"] = kind
            for other, source in self.loaded_from.items():
                if source == local:
                    self.known[other] = kind

    def _count(self, pc: int) -> str:
        """The statement that counts instruction ``pc`` in the counting build ("" otherwise)."""
        if not self.counting:
            return ""
        key = self.ref((self.unit.program.hash, self.unit.base + pc), "c")
        return f"cnt[{key}] += 1"

    def _jump(self, e: Callable[[str], None], pc: int, target: int, indent: str = "") -> None:
        """Go to ``target`` after instruction ``pc`` (the last of its block), or to tier 0 there."""
        self._target(target)
        count = self._count(pc)
        if count:
            e(indent + count)
        if target not in self.region:
            for line in self._exit_lines(target, 0):
                e(indent + line)
            return
        e(f"{indent}pc = {target}")
        e(indent + "continue")

    def _instruction(self, pc: int, block: tuple[int, int], pad: str) -> bool:
        """Emit instruction ``pc``; True if it ends the block (control went elsewhere)."""
        op = self.ops[pc]
        name = op.name
        d = self.depths[pc]
        s = [f"s{i}" for i in range(d + 3)]
        handler, harg = DIALECT.step(name, op.arg)
        H = opcodes

        def e(text: str) -> None:
            self.emit(pad + text, pc, block)

        count = self._count(pc)
        if handler is None:
            raise _Unsupported
        if handler is H.RESUME or handler is H.NOP:
            pass
        elif handler is H.POP_TOP:
            self._drop(e, s[d - 1])
        elif handler is H.PUSH_NULL:
            e(f"{s[d]} = NULL")
        elif handler is H.COPY:
            e(f"{s[d]} = {s[d - harg]}")
            self._copy_knowledge(s[d - harg], s[d])
        elif handler is H.SWAP:
            e(f"{s[d - 1]}, {s[d - harg]} = {s[d - harg]}, {s[d - 1]}")
            top, other = s[d - 1], s[d - harg]
            known_top, known_other = self.known.pop(top, None), self.known.pop(other, None)
            from_top, from_other = self.loaded_from.pop(top, None), self.loaded_from.pop(other, None)
            for temp, kind, local in ((top, known_other, from_other), (other, known_top, from_top)):
                if kind is not None:
                    self.known[temp] = kind
                if local is not None:
                    self.loaded_from[temp] = local
        elif handler is H.LOAD_CONST:
            e(f"{s[d]} = {self.const(harg)}")
            self._forget(s[d])
            kind = _KINDS.get(type(harg))
            if kind is not None:
                self.known[s[d]] = kind
        elif handler is H.LOAD_FAST and isinstance(harg, int):
            e(f"{s[d]} = fast[{harg}]")
            # (from 3.12 the compiler emits LOAD_FAST only where the local is bound)
            bound = (name == "LOAD_FAST" and sys.version_info >= (3, 12)) or f"B{harg}" in self.known
            if not bound:
                e(f"if {s[d]} is UNBOUND: unbound(f, {harg})")
            self._forget(s[d])
            self.known[f"B{harg}"] = "bound"
            self.loaded_from[s[d]] = harg
            if f"L{harg}" in self.known:
                self.known[s[d]] = self.known[f"L{harg}"]
        elif handler is H.STORE_FAST and isinstance(harg, int):
            e(f"fast[{harg}] = {s[d - 1]}")
            for temp, local in list(self.loaded_from.items()):
                if local == harg:
                    del self.loaded_from[temp]
            self.known.pop(f"L{harg}", None)
            if s[d - 1] in self.known:
                self.known[f"L{harg}"] = self.known[s[d - 1]]
                self.known[f"B{harg}"] = "bound"  # (3.12's comprehensions store an unbound local back)
            else:
                self.known.pop(f"B{harg}", None)
            self._drop(e, s[d - 1])
        elif handler is H.LOAD_GLOBAL:
            push_null, gname = harg
            slot = s[d + 1] if push_null else s[d]
            e(f"{slot} = f.globals.get({gname!r}, MISSING)")
            e(f"if {slot} is MISSING:")
            e(f"    {slot} = f.builtins.get({gname!r}, MISSING)")
            e(f"    if {slot} is MISSING:")
            self._callout(pc, block, pad + "        ", handler, harg, d, counted=False)
            if push_null:
                e(f"{s[d]} = NULL")
        elif _method_load(handler) is not None and isinstance(harg, str):
            # A method of a builtin container, str or number: its lookup runs no script code.
            o = s[d - 1]
            self.names["PLAIN_OWNERS"] = _PLAIN_OWNERS
            e(f"if type({o}) in PLAIN_OWNERS:")
            if harg in STORE_ONLY_NAMES:
                self.names["STORE_ONLY_METHODS"] = STORE_ONLY_METHODS
                self.names["stored_method"] = stored_method
                e(f"    if {harg!r} in STORE_ONLY_METHODS.get(type({o}), ()):")
                e(f"        m = stored_method({o}, {harg!r})")
                e("    else:")
                e(f"        m = getattr({o}, {harg!r})")
            else:
                e(f"    m = getattr({o}, {harg!r})")
            if not _method_load(handler):  # [NULL, method]
                e(f"    {s[d - 1]}, {s[d]} = NULL, m")
            else:  # 3.13: [method, NULL]
                e(f"    {s[d - 1]}, {s[d]} = m, NULL")
            e("    m = None")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(s[d - 1])
            self._forget(s[d])
        elif handler is H.KW_NAMES and _is(handler, name):
            e(f"f.kwnames = {self.const(harg) if type(harg) is not tuple else self.ref(harg, 'a')}")
        elif handler is H.IS_OP and _is(handler, name):
            a, b = s[d - 2], s[d - 1]
            e(f"if type({a}) in FUTURE_CLASSES or type({b}) in FUTURE_CLASSES:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            e("else:")
            e(f"    {a} = {a} is {'not ' if harg else ''}{b}")
            self._forget(a)
            self.known[a] = "bool"
            self._drop(e, b)
        elif handler is H.UNPACK_SEQUENCE and _is(handler, name) and isinstance(harg, int) and harg >= 1:
            # a tuple or list of that length: its items, the first on top
            seq = s[d - 1]
            targets = ", ".join(f"s{d - 1 + harg - 1 - i}" for i in range(harg))
            e(f"if (type({seq}) is tuple or type({seq}) is list) and len({seq}) == {harg}:")
            e(f"    {targets}, = {seq}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            for i in range(harg):
                self._forget(f"s{d - 1 + i}")
        elif handler is H.UNARY_NOT and _is(handler, name):
            v = s[d - 1]
            self.names["TRUTH"] = _TRUTH
            e(f"if type({v}) in TRUTH:")
            e(f"    {v} = not {v}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(v)
            self.known[v] = "bool"
        elif handler is H.UNARY_NEGATIVE and _is(handler, name):
            v = s[d - 1]
            e(f"if type({v}) is int or type({v}) is float:")
            e(f"    {v} = -{v}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(v)
        elif handler is H.LOAD_DEREF and _is(handler, name) and isinstance(harg, int):
            # (an empty cell: the handler's NameError, raised outside this
            # ``except``, so that it has no exception context of tier 1's)
            e("try:")
            e(f"    {s[d]} = f.cells[{harg}].cell_contents")
            e("    redo = False")
            e("except ValueError:")
            e("    redo = True")
            e("if redo:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(s[d])
        elif handler is H.STORE_DEREF and _is(handler, name) and isinstance(harg, int):
            e(f"f.cells[{harg}].cell_contents = {s[d - 1]}")
            self._drop(e, s[d - 1])
        elif handler is H.BUILD_MAP and _is(handler, name) and isinstance(harg, int) and harg <= 8:
            # keys of builtin types: hashing them runs no script code
            self.names["SIMPLE"] = _SIMPLE
            keys = [s[d - 2 * harg + 2 * i] for i in range(harg)]
            target = s[d - 2 * harg] if harg else s[d]
            test = " and ".join(f"type({k}) in SIMPLE" for k in keys) or "True"
            items = ", ".join(f"{k}: s{d - 2 * harg + 2 * i + 1}" for i, k in enumerate(keys))
            e(f"if {test}:")
            e(f"    {target} = {{{items}}}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(target)
            self._drop(e, *(f"s{i}" for i in range(d - 2 * harg + 1, d)))
        elif _is(handler, "TO_BOOL"):
            # (3.13) the truth of a builtin type's value runs no script code
            v = s[d - 1]
            self.names["TRUTH"] = _TRUTH
            if self.known.get(v) != "bool":
                e(f"if {v} is not True and {v} is not False:")
                e(f"    if type({v}) in TRUTH:")
                e(f"        {v} = not not {v}")
                e("    else:")
                self._callout(pc, block, pad + "        ", handler, harg, d, counted=False)
            self._forget(v)
            self.known[v] = "bool"
        elif handler in (H.BUILD_TUPLE, H.BUILD_LIST, H.BUILD_STRING) and _is(handler, name):
            items = ", ".join(s[d - harg : d])
            target = s[d - harg] if harg else s[d]
            if handler is H.BUILD_TUPLE:
                e(f"{target} = ({items}{',' if harg == 1 else ''})")
            elif handler is H.BUILD_LIST:
                e(f"{target} = [{items}]")
            else:
                e(f"{target} = ''.join(({items}{',' if harg == 1 else ''}))")
            self._forget(target)
            if handler is H.BUILD_STRING:
                self.known[target] = "str"
        elif handler is H.LIST_APPEND and _is(handler, name):
            e(f"{s[d - 1 - harg]}.append({s[d - 1]})")
            self._drop(e, s[d - 1])
        elif handler is H.BUILD_CONST_KEY_MAP and _is(handler, name):
            # (its keys are constants: hashing them runs no script code)
            values = ", ".join(s[d - 1 - harg : d - 1])
            e(f"{s[d - 1 - harg]} = dict(zip({s[d - 1]}, ({values}{',' if harg == 1 else ''}), strict=True))")
            self._forget(s[d - 1 - harg])
        elif handler in (H.MAP_ADD, H.SET_ADD) and _is(handler, name):
            # a key of a builtin type: hashing and comparing it runs no script code
            self.names["SIMPLE"] = _SIMPLE
            key = s[d - 2] if handler is H.MAP_ADD else s[d - 1]
            e(f"if type({key}) in SIMPLE:")
            if handler is H.MAP_ADD:
                e(f"    {s[d - 2 - harg]}[{s[d - 2]}] = {s[d - 1]}")
            else:
                e(f"    {s[d - 1 - harg]}.add({s[d - 1]})")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._drop(e, *s[d - 2 if handler is H.MAP_ADD else d - 1 : d])
        elif handler is H.FORMAT_VALUE and _is(handler, name):
            # a str, int or float value (no future's, no script __format__)
            have_spec = harg & 4
            value = s[d - 2] if have_spec else s[d - 1]
            spec = s[d - 1] if have_spec else "''"
            conv = ("", "str", "repr", "ascii")[harg & 3]
            self.names["FORMATTED"] = _FORMATTED
            e(f"if type({value}) in FORMATTED and type({spec}) is str:")
            converted = f"{conv}({value})" if conv else value
            e(f"    {value} = format({converted}, {spec})")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(value)
            self.known[value] = "str"
        elif _is(handler, "FORMAT_SIMPLE") or _is(handler, "FORMAT_WITH_SPEC") or _is(handler, "CONVERT_VALUE"):
            # (3.13's f-string steps) a str, int or float value
            self.names["FORMATTED"] = _FORMATTED
            with_spec = _is(handler, "FORMAT_WITH_SPEC")
            value = s[d - 2] if with_spec else s[d - 1]
            if with_spec:
                e(f"if type({value}) in FORMATTED and type({s[d - 1]}) is str:")
                e(f"    {value} = format({value}, {s[d - 1]})")
            elif _is(handler, "FORMAT_SIMPLE"):
                e(f"if type({value}) in FORMATTED:")
                e(f"    {value} = format({value}, '')")
            else:
                conversion = ("", "str", "repr", "ascii")[int(harg)]
                e(f"if type({value}) in FORMATTED:")
                e(f"    {value} = {conversion}({value})")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget(value)
        elif handler is H.LOAD_ATTR and isinstance(harg, str):  # (3.12 and 3.13's plain load too)
            # The native lookup, from a function that asks script code it reaches
            # to run on the VM (as the handler does): then the handler's redo.
            o = s[d - 1]
            self.names["RedoOnVM"] = RedoOnVM
            e(f"if type({o}) in FUTURE_CLASSES:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            e("else:")
            e(f"    f.pc = {pc + 1}")  # (host code it reaches may look at the frame: as tier 0 has it)
            # (the redo runs outside the ``except``: script code it runs, and
            # what that raises, have no exception context of tier 1's)
            # (where a load asked to run on the VM before, a script property's
            # getter goes to the redo at once)
            seen = f"asked{pc}"
            self.names[seen] = [False]
            e(f"    if {seen}[0] and property_load({o}, {harg!r}):")
            e("        redo = True")
            e("    else:")
            e("        try:")
            e(f"            {o} = load_attribute({o}, {harg!r})")
            e("            redo = False")
            e("        except RedoOnVM:")
            e("            redo = True")
            e(f"            {seen}[0] = True")
            e("    if redo:")
            redo = f"redo_attribute(vm, f, {o}, {harg!r}, 0)"
            self._callout(pc, block, pad + "        ", handler, harg, d, counted=False, call=redo)
            self._forget(o)
        elif handler is H.STORE_ATTR and _is(handler, name) and isinstance(harg, str):
            o, v = s[d - 1], s[d - 2]
            self.names["RedoOnVM"] = RedoOnVM
            e(f"if type({o}) in FUTURE_CLASSES:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            e("else:")
            e(f"    f.pc = {pc + 1}")
            e("    try:")
            e(f"        store_attribute({o}, {harg!r}, {v})")
            e("        redo = False")
            e("    except RedoOnVM:")
            e("        redo = True")
            e("    if redo:")
            redo = f"redo_store(vm, f, 'store_attr', [{o}, {harg!r}, {v}])"
            self._callout(pc, block, pad + "        ", handler, harg, d - 2, counted=False, call=redo)
            self._drop(e, o, v)
        elif handler is H.LOAD_NAME:
            # (a module's or class body's namespace that is a dict: no script code runs)
            e("ns = f.locals")
            e(f"{s[d]} = ns.get({harg!r}, MISSING) if type(ns) is dict else MISSING")
            e(f"if {s[d]} is MISSING:")
            e(f"    {s[d]} = f.globals.get({harg!r}, MISSING) if type(ns) is dict else MISSING")
            e(f"    if {s[d]} is MISSING:")
            e(f"        {s[d]} = f.builtins.get({harg!r}, MISSING) if type(ns) is dict else MISSING")
            e(f"        if {s[d]} is MISSING:")
            self._callout(pc, block, pad + "            ", handler, harg, d, counted=False)
            self._forget(s[d])
        elif handler is H.STORE_NAME:
            e("ns = f.locals")
            e("if type(ns) is dict:")
            e(f"    ns[{harg!r}] = {s[d - 1]}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._drop(e, s[d - 1])
        elif handler is H.JUMP_FORWARD:
            self._jump(e, pc, harg)
            return True
        elif handler in (H.POP_JUMP_FORWARD_IF_FALSE, H.POP_JUMP_FORWARD_IF_TRUE) and name in _BRANCHES:
            jump_if = _BRANCHES[name]
            v = s[d - 1]
            self.names["TRUTH"] = _TRUTH
            if self.known.get(v) == "bool":
                e(f"if {v if jump_if else 'not ' + v}:")
                self._jump(e, pc, harg, "    ")
                if count:
                    e(count)
                return False
            e(f"if {v} is {jump_if}:")
            self._jump(e, pc, harg, "    ")
            e(f"if {v} is not {not jump_if}:")
            e(f"    if type({v}) in TRUTH:")
            e(f"        if {v if jump_if else 'not ' + v}:")
            self._jump(e, pc, harg, "            ")
            e("    else:")
            self._callout(pc, block, pad + "        ", handler, harg, d, jumps=(harg, pc + 1))
        elif handler in (H.POP_JUMP_FORWARD_IF_NONE, H.POP_JUMP_FORWARD_IF_NOT_NONE) and name in _NONE_BRANCHES:
            v = s[d - 1]
            e(f"if type({v}) in FUTURE_CLASSES:")
            self._callout(pc, block, pad + "    ", handler, harg, d, jumps=(harg, pc + 1))
            e(f"if {v} is {'' if _NONE_BRANCHES[name] else 'not '}None:")
            self._jump(e, pc, harg, "    ")
        elif handler is H.BINARY_OP and harg % 13 != 4 and pc not in self.generic:  # (not @)
            a, b = s[d - 2], s[d - 1]
            symbol = _BINARY_SYMBOLS[harg % 13]
            strings = symbol == "+" and (self.known.get(a) == "str" or self.known.get(b) == "str")
            self._speculate(pc, block, pad, [a, b], "str" if strings else "num")
            e(f"{a} {symbol}= {b}" if harg >= 13 else f"{a} = {a} {symbol} {b}")
            self._forget(a)
            if strings or symbol != "**":  # ((-8.0) ** 0.5 is complex)
                self.known[a] = "str" if strings else "num"
        elif handler is H.BINARY_OP and harg % 13 != 4:
            a, b = s[d - 2], s[d - 1]
            symbol = _BINARY_SYMBOLS[harg % 13]
            guard = _NUMERIC.format(a=a, b=b)
            if symbol == "+":
                guard += (
                    f" or (type({a}) is type({b}) and (type({a}) is str or type({a}) is list or type({a}) is tuple))"
                )
            e(f"if {guard}:")
            e(f"    {a} {'=' if harg < 13 else symbol + '='} {a + ' ' + symbol + ' ' + b if harg < 13 else b}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget_temps()
        elif _is_compare(handler) and pc not in self.generic:
            a, b = s[d - 2], s[d - 1]
            strings = self.known.get(a) == "str" or self.known.get(b) == "str"
            self._speculate(pc, block, pad, [a, b], "str" if strings else "num")
            e(f"{a} = {a} {_COMPARE_SYMBOLS[harg]} {b}")
            self._forget(a)
            self.known[a] = "bool"
        elif _is_compare(handler):
            a, b = s[d - 2], s[d - 1]
            e(f"if ({_NUMERIC.format(a=a, b=b)}) or (type({a}) is str and type({b}) is str):")
            e(f"    {a} = {a} {_COMPARE_SYMBOLS[harg]} {b}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._forget_temps()
        elif handler is H.BINARY_SUBSCR:
            c, k = s[d - 2], s[d - 1]
            e(
                f"if ((type({c}) is list or type({c}) is tuple or type({c}) is str) and type({k}) is int)"
                f" or (type({c}) is dict and (type({k}) is str or type({k}) is int)):"
            )
            e(f"    {c} = {c}[{k}]")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
        elif handler is H.STORE_SUBSCR:
            v, c, k = s[d - 3], s[d - 2], s[d - 1]
            e(
                f"if (type({c}) is list and type({k}) is int)"
                f" or (type({c}) is dict and (type({k}) is str or type({k}) is int)):"
            )
            e(f"    {c}[{k}] = {v}")
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            self._drop(e, v, c, k)
        elif handler is H.FOR_ITER or hasattr(handler, "past_target"):
            # (3.12 and 3.13: an ended loop goes on past its END_FOR)
            ended = harg + getattr(handler, "past_target", 0)
            it = s[d - 1]
            self.names["ITERATORS"] = _ITERATORS
            e(f"if type({it}) in ITERATORS:")
            e(f"    for {s[d]} in {it}:")
            e("        break")
            e("    else:")
            self._jump(e, pc, ended, "        ")
            if pc + 1 in self.region:
                e(f"elif type({it}) is VMGenerator and nest < NEST and not {it}._running and not {it}._finished:")
                self._step_generator(pc, block, pad + "    ", it, ended, d)
                self._callout(pc, block, pad + "        ", handler, harg, d, jumps=(ended, pc + 1))
            e("else:")
            self._callout(pc, block, pad + "    ", handler, harg, d, jumps=(ended, pc + 1))
        elif _is(handler, "LOAD_FAST_LOAD_FAST") and all(isinstance(i, int) for i in harg):
            for j, index in enumerate(harg):
                e(f"{s[d + j]} = fast[{index}]")
            e(f"if {s[d]} is UNBOUND or {s[d + 1]} is UNBOUND:")
            self._callout(pc, block, pad + "    ", handler, harg, d, counted=False)
            for j, index in enumerate(harg):
                self._forget(s[d + j])
                self.loaded_from[s[d + j]] = index
                if f"L{index}" in self.known:
                    self.known[s[d + j]] = self.known[f"L{index}"]
        elif _is(handler, "STORE_FAST_STORE_FAST") and all(isinstance(i, int) for i in harg):
            e(f"fast[{harg[0]}] = {s[d - 1]}")
            e(f"fast[{harg[1]}] = {s[d - 2]}")
            for index in harg:
                self._forget_local(index)
            self._drop(e, s[d - 2], s[d - 1])
        elif _is(handler, "CALL") and isinstance(harg, int) and pc not in self.generic:
            self._call(pc, block, pad, handler, harg, d)
            return False
        elif name in self.stops:
            raise _Unsupported  # (a stop starts its own block)
        else:
            self._callout(pc, block, pad, handler, harg, d, jumps=self._targets(pc))
            return False
        if count:
            e(count)
        return False

    def _call(self, pc: int, block: tuple[int, int], pad: str, handler: Any, argc: int, d: int) -> None:
        """``CALL argc``: a script function taking exactly these positional arguments runs nested, here.

        As ``Interpreter.call`` makes its frame (``frame_for``, ``_callee``)
        when the function's tier-1 function exists; anything else is the
        handler's.
        """
        s = [f"s{i}" for i in range(d)]
        b = d - argc - 2
        not_run = block[1] - (pc - block[0]) - 1
        count = self._count(pc)

        def e(text: str) -> None:
            self.emit(pad + text, pc, block)

        if sys.version_info >= (3, 13):  # [callable, self or NULL, arguments]
            e(f"func = {s[b]}")
            e(f"args = [{', '.join(s[b + 2 :])}] if {s[b + 1]} is NULL else [{', '.join(s[b + 1 :])}]")
        else:  # [NULL, callable, arguments] or [method, self, arguments]
            e("if f.kwnames is not None:")
            e("    func = None")
            e(f"elif {s[b]} is NULL:")
            e(f"    func = {s[b + 1]}")
            e(f"    args = [{', '.join(s[b + 2 :])}]")
            e("else:")
            e(f"    func = {s[b]}")
            e(f"    args = [{', '.join(s[b + 1 :])}]")
        e("if type(func) is MethodType and type(func.__func__) is VMFunction:")
        e("    args.insert(0, func.__self__)")  # (a script method bound by its load: as Interpreter.call)
        e("    func = func.__func__")
        e("if type(func) is VMFunction and nest < NEST:")
        e("    u = func._unit")
        e(f"    sub = u.tier1_calls[{self.counting}]")
        e("    deep = f.depth + u.depth_step")
        e("    if sub is not None and u.positional == len(args) and deep < vm.recursion_limit:")
        e("        args += u.unbound")
        e("        r = Frame(u, func._globals, func._builtins, None, func, args)")
        e("        r.depth = deep")
        e("        r.back = f")
        e(f"        {self._stack(b)}")
        e(f"        f.pc = {pc + 1}")
        if count:
            e("        " + count)
        e("        vm.t1_now = r")
        e("        v = sub(vm, r, 0, n, nest + 1)")
        e("        vm.t1_now = f")
        e("        r = args = None")  # (the callee's frame and locals go as natively: now)
        e("        n -= vm.t1_used")
        e("        if v is UNWIND:")
        e(f"            return unwind(vm, available - n - {not_run}, nest)")
        e("        st.clear()")  # (written for an unwinding: what it held goes as natively)
        e(f"        {s[b]}, v = v, None")
        e("        func = CALLED")  # (it and its closure's cells go as natively: now)
        e("    else:")
        e("        func = None")
        # A builtin that reaches no script code with these arguments: called at once,
        # as Interpreter.call does (call_host), or a pure store (results.append(x)).
        e("elif type(func) is BuiltinMethod and not PENDING_FAILURES and plain_call(func, args):")
        e(f"    f.pc = {pc + 1}")
        e(f"    {s[b]} = vm.call_host(func, args, None)")
        e("    args = None")
        e("    func = CALLED")
        if count:
            e("    " + count)
        e("elif type(func) is MethodType and func.__func__ in PURE_STORES and not PENDING_FAILURES:")
        e(f"    {s[b]} = func.__func__(func.__self__, *args)")
        e("    args = None")
        e("    func = CALLED")
        if count:
            e("    " + count)
        e("else:")
        e("    func = None")
        e("if func is None:")
        self._callout(pc, block, pad + "    ", handler, argc, d)
        self._forget_temps()

    def _step_generator(self, pc: int, block: tuple[int, int], pad: str, it: str, ended: int, d: int) -> None:
        """``FOR_ITER`` of a script generator whose tier-1 function exists: its next item, nested here.

        As ``Interpreter.enter_generator_for`` enters it (the generator's
        handled-exception slot empty); anything else is the handler's.
        """
        not_run = block[1] - (pc - block[0]) - 1

        def e(text: str) -> None:
            self.emit(pad + text, pc, block)

        e(f"gf = {it}._frame")
        e(f"sub = gf.unit.tier1_calls[{self.counting}]")
        e("deep = f.depth + gf.unit.depth_step")
        e(
            f"if sub is not None and {it}._exc_state is None and vm.throwing is None"
            " and gf.pc in gf.unit.blocks_t1 and deep < vm.recursion_limit:"
        )
        e("    gf.depth = deep")
        e("    gf.stack.append(None)")
        e("    gf.ret_mode = RET_GEN_FOR")
        e(f"    gf.ret_info = {ended}")
        e(f"    {it}._running = True")
        e("    vm.exc_items.append(None)")
        e(f"    {self._stack(d)}")
        e(f"    f.pc = {pc + 1}")
        e("    gf.back = f")
        count = self._count(pc)
        if count:
            e("    " + count)
        e("    vm.t1_now = gf")
        e("    v = sub(vm, gf, gf.pc, n, nest + 1)")
        e("    vm.t1_now = f")
        e("    gf = None")
        e("    n -= vm.t1_used")
        e("    if v is UNWIND:")
        e(f"        return unwind(vm, available - n - {not_run}, nest)")
        e("    st.clear()")  # (written for an unwinding: what it held goes as natively, the generator at a break)
        e(f"    s{d}, v = v, None")
        e(f"    pc = {pc + 1}")
        e("    continue")
        e("else:")  # (the handler's call-out follows)

    def _targets(self, pc: int) -> tuple[int, ...]:
        op = self.ops[pc]
        if isinstance(op.arg, int) and (op.name in _JUMPS or op.name in _BRANCHES or op.name in _NONE_BRANCHES):
            return (op.arg, pc + 1)
        return (pc + 1,)

    def _callout(
        self,
        pc: int,
        block: tuple[int, int],
        pad: str,
        handler: Any,
        harg: Any,
        d: int,
        jumps: tuple[int, ...] | None = None,
        counted: bool = True,
        call: str | None = None,
    ) -> None:
        """Run instruction ``pc`` by its tier-0 handler, the frame as tier 0 has it.

        ``call``: an expression to run instead of the handler (the part of
        it after its native operation, which asked to run on the VM), with
        the stack of depth ``d`` as the handler leaves it for that.

        ``counted``: this call-out counts the instruction (else the code
        after it, shared with the inline path, does).
        """
        h = self.ref(handler, "h")
        a = self.const(harg) if type(harg) in (int, str, bool, type(None)) else self.ref(harg, "a")
        not_run = block[1] - (pc - block[0]) - 1

        def emit(text: str) -> None:
            self.emit(pad + text, pc, block, callout=True)

        self.emit(pad + self._stack(d), pc, block)
        emit(f"f.pc = {pc + 1}")
        emit(f"r = {call or h + '(vm, f, ' + a + ')'}")
        count = self._count(pc)
        if count and (counted or jumps):
            self.emit(pad + count, pc, block)
        self.emit(pad + "if r is not None:", pc, block)
        # (a call-out that does not count: the code after it counts the
        # instruction, unless the run leaves here, or a nested run ends without returning)
        leaving = count if count and not (counted or jumps) else "pass"
        generator = handler is opcodes.FOR_ITER or hasattr(handler, "past_target") or _is(handler, "SEND")
        if generator or not jumps or jumps == (pc + 1,):
            # A frame the handler returned to run that a tier-1 function can
            # run: a call from its start, its value pushed as the dispatch
            # would; a script generator stepped by this ``for`` or ``yield
            # from`` to its next yield.
            mode = ("RET_GEN_SEND" if _is(handler, "SEND") else "RET_GEN_FOR") if generator else None
            lines = _NESTED_STEP if generator else _NESTED_CALL
            note = self._came_back(pc, handler)
            text = lines.format(counting=self.counting, mode=mode, not_run=not_run, count=leaving, note=note)
            for line in text.splitlines():
                self.emit(pad + line, pc, block)
        else:
            if leaving != "pass":
                self.emit(pad + "    " + leaving, pc, block)
            self.emit(pad + f"    return leave(vm, available - n - {not_run}, r, f, nest)", pc, block)
        # A stop asked while it ran (a time limit passed in a host call, a
        # cancel, output over its limit): the next boundary is a checkpoint.
        # (the instruction ran: counted here when the code after the call-out would count it)
        self.emit(pad + "if vm.next_check <= vm.executed:", pc, block)
        if leaving != "pass":
            self.emit(pad + "    " + leaving, pc, block)
        self.emit(pad + f"    return leave(vm, available - n - {not_run}, None, f, nest)", pc, block)
        targets = jumps or (pc + 1,)
        if len(targets) == 1 and targets[0] == pc + 1:
            self.emit(pad + f"if f.pc != {pc + 1}:", pc, block)
            if leaving != "pass":
                self.emit(pad + "    " + leaving, pc, block)
            self.emit(pad + f"    return leave(vm, available - n - {not_run}, None, f, nest)", pc, block)
            self._reload(pad, self.depths[pc + 1] if pc + 1 < len(self.depths) else 0, pc, block)
            return
        # A jump: continue at whichever target the handler chose.
        for t in targets:
            self._target(t)
        for k, t in enumerate(targets):
            self.emit(pad + f"{'if' if k == 0 else 'elif'} f.pc == {t}:", pc, block)
            if t not in self.region:
                self.emit(pad + f"    return leave(vm, available - n - {not_run}, None, f, nest)", pc, block)
                continue
            self._reload(pad + "    ", self.depths[t], pc, block)
            self.emit(pad + f"    pc = {t}", pc, block)
            self.emit(pad + "    n += " + str(not_run), pc, block)
            self.emit(pad + "    continue", pc, block)
        self.emit(pad + "else:", pc, block)
        self.emit(pad + f"    return leave(vm, available - n - {not_run}, None, f, nest)", pc, block)

    def _came_back(self, pc: int, handler: Any) -> str:
        """The statement that tells the record a run left at call-out ``pc`` to run a frame (see ``_Record.came_back``).

        When the instruction after it could be an entry: in the compiled
        region, not an entry yet, in a unit that is no coroutine's or async
        generator's, after no ``await``'s ``SEND``.
        """
        nxt = pc + 1
        unit = self.unit
        if (
            self.record is None
            or nxt >= len(self.ops)
            or nxt not in self.region
            or nxt in self.entries
            or self.ops[nxt].name in self.stops
            or unit.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR | _CO_ITERABLE_COROUTINE)
            or _is(handler, "SEND")
        ):
            return "pass"
        return f"{self.ref(self.record, 'record')}.came_back({nxt})"

    def _reload(self, pad: str, depth: int, pc: int, block: tuple[int, int]) -> None:
        # (a handler may change anything: what was known is known no more)
        self.known = {}
        self.loaded_from = {}
        if depth:
            # (the frame's list lets go of them: popped later, they go when natively they would)
            self.emit(pad + f"{', '.join(f's{i}' for i in range(depth))}, = st", pc, block)
            self.emit(pad + "st.clear()", pc, block)


# The nested runs of frames a call-out's handler returned (see _Compiler._callout).
_NESTED_CALL = """\
    if type(r) is Frame and nest < NEST and r.back is None and r.generator is None:
        sub = r.unit.tier1_calls[{counting}]
        mode = r.ret_mode
        if r.unit.flags & MAKES_GENERATOR:
            if mode == RET_PUSH:
                v = new_generator(vm, r, n)
                if v is not NOT_ENTERED:
                    n -= vm.t1_used
                    st.append(v)
                    r = v = None
        elif sub is not None and (mode == RET_PUSH or mode == RET_OPERATION or mode == RET_INIT or mode == RET_DISCARD):
            r.back = f
            vm.t1_now = r
            v = sub(vm, r, 0, n, nest + 1)
            vm.t1_now = f
            n -= vm.t1_used
            if v is UNWIND:
                {count}
                return unwind(vm, available - n - {not_run}, nest)
            if mode == RET_INIT:
                st.append(r.ret_info)
            elif mode != RET_DISCARD:
                st.append(v)
            r = v = None
    if r is not None:
        {count}
        {note}
        return leave(vm, available - n - {not_run}, r, f, nest)
"""
_NESTED_STEP = """\
    if type(r) is Frame and nest < NEST and r.ret_mode == {mode} and r.back is None:
        sub = r.unit.tier1_calls[{counting}]
        if sub is not None and vm.exc_items[-1] is None and vm.throwing is None and r.pc in r.unit.blocks_t1:
            r.back = f
            vm.t1_now = r
            v = sub(vm, r, r.pc, n, nest + 1)
            vm.t1_now = f
            n -= vm.t1_used
            if v is UNWIND:
                {count}
                return unwind(vm, available - n - {not_run}, nest)
            st.append(v)
            r = v = None
    if r is not None:
        {count}
        {note}
        return leave(vm, available - n - {not_run}, r, f, nest)
"""


def name_jumps(name: str) -> bool:
    """Whether instruction ``name`` jumps (always or on a condition) to its operand."""
    return name in _JUMPS or name in _BRANCHES or name in _NONE_BRANCHES


def _is(handler: Any, name: str) -> bool:
    """Whether ``handler`` is the running version's own handler of instruction ``name``."""
    return DIALECT.handlers.get(name) is handler


def _unbound(f: Frame, index: int) -> None:
    raise opcodes._unbound_local(f, f.unit.varnames[index])
