"""A compiled script: every code object decoded into numbered code units.

The script is compiled with CPython's own ``compile()``, so the language is
exactly the running interpreter's.  A program is identified by a hash of its
source, its filename and the CPython minor version; programs are cached by
that hash so that compiling the same script twice costs nothing (while the
program is in use, or among the most recently compiled).
"""

from __future__ import annotations

import ast
import collections
import hashlib
import linecache
import marshal
import threading
import types
import warnings
import weakref
import zlib
from typing import Any

from bytecode import Bytecode, Instr

from statek_vm.program.code_unit import PY_MINOR, CodeUnit, Op

COMPILE_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def program_hash(source: str, filename: str, mode: str = "exec", flags: int = 0, library: bool = False) -> str:
    """The identity of a program: source, filename, mode, compiler flags and CPython minor version."""
    h = hashlib.sha256()
    for part in (PY_MINOR, mode, filename, source):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    if flags:  # (programs compiled without flags keep the hash they always had)
        h.update(str(flags).encode())
    if library:
        h.update(b"library")
    return h.hexdigest()


class Program:
    """All code units of one script, numbered program-wide.

    ``units[0]`` is the module body.  Instruction ``i`` of unit ``u`` has the
    program-wide number ``u.base + i``; numbers are dense and follow the order
    in which code objects are nested in the source.
    """

    # A program made from a code object rather than source (see program_for_code).
    source: str | None
    library: bool
    # Whether the module body returns the value of its final expression statement.
    result: bool = False
    # The indexes of the module body's instructions that return that value.
    result_at: tuple[int, ...] = ()

    def __init__(
        self,
        source: str,
        filename: str = "<agent>",
        mode: str = "exec",
        flags: int = 0,
        library: bool = False,
        result: bool = False,
    ) -> None:
        """``flags``: the ``__future__`` flags the source is compiled with (``compile()``'s).

        ``library``: the source of library functions the VM runs in place of
        the native ones (statek_vm/vm/library.py), whose file is on disk.
        Their instructions are not the script's.

        ``result``: a job's script, whose module body returns the value of
        its final expression statement, the job's result (see
        :func:`_return_final_value`).
        """
        self.source = source
        self.filename = filename
        self.mode = mode
        self.flags = flags
        self.library = library
        self.hash = program_hash(source, filename, mode, flags, library)
        self._decode(compile(source, filename, mode, flags=COMPILE_FLAGS | flags, dont_inherit=True))
        if result:
            self.result = True
            self.result_at = _return_final_value(self)
        if not library:
            _register_source(filename, source)

    def _decode(self, code: types.CodeType) -> None:
        self.units: list[CodeUnit] = []
        self._by_code: dict[int, CodeUnit] = {}
        self.code = code
        self.main = self._unit_for_code(code, None)
        # The units compiled from the source: snapshots name them by index.
        # Those made later (``func.__code__ = ...``) travel as their code.
        self.compiled = len(self.units)
        self._loaded_code: dict[bytes, CodeUnit] = {}
        self.instruction_count = 0
        self._numbered = 0
        self._number_new_units()

    def _number_new_units(self) -> None:
        for unit in self.units[self._numbered :]:
            unit.base = self.instruction_count
            self.instruction_count += len(unit)
        self._numbered = len(self.units)

    def unit_for_new_code(self, code: types.CodeType) -> CodeUnit:
        """A unit for a code object made at run time (``func.__code__ = ...``).

        Its instructions are numbered after every other unit of the program.
        """
        unit = self._unit_for_code(code, None)
        self._number_new_units()
        return unit

    def unit_for_loaded_code(self, marshalled: bytes) -> CodeUnit:
        """The unit of a code object made at run time, loaded from a snapshot (once per process and code)."""
        unit = self._loaded_code.get(marshalled)
        if unit is None:
            unit = self._loaded_code[marshalled] = self.unit_for_new_code(marshal.loads(marshalled))
        return unit

    def _unit_for_code(self, code: types.CodeType, parent: CodeUnit | None) -> CodeUnit:
        unit = self._by_code.get(id(code))
        if unit is None:
            unit = CodeUnit.__new__(CodeUnit)
            self._by_code[id(code)] = unit
            self.units.append(unit)
            CodeUnit.__init__(unit, self, len(self.units) - 1, code, 0)
            if parent is not None:
                parent.children.append(unit)
        return unit

    def locate(self, number: int) -> tuple[CodeUnit, int]:
        """The code unit and index of the instruction with program-wide ``number``."""
        lo, hi = 0, len(self.units) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.units[mid].base <= number:
                lo = mid
            else:
                hi = mid - 1
        unit = self.units[lo]
        if not 0 <= number - unit.base < len(unit):
            raise ValueError(f"instruction number {number} is not in program {self.hash[:12]}")
        return unit, number - unit.base

    def __reduce__(self) -> tuple[Any, ...]:
        # Snapshots refer to programs by source and hash; the program is
        # rebuilt (and cached) on load, and the hash is checked.  A program
        # made from a code object travels as that code object.
        if self.source is None:
            return (program_for_code, (self.code,))
        if self.library:
            # A library's whole module (asyncio's script loop, some 25 KB):
            # compressed, once per process.
            packed = self.__dict__.get("_packed")
            if packed is None:
                packed = self._packed = zlib.compress(self.source.encode("utf-8"), 6)
            return (_library_program, (packed, self.filename, self.mode, self.hash, self.flags))
        if self.flags or self.result:
            return (
                _program_from_source,
                (self.source, self.filename, self.mode, self.hash, self.flags, self.library, self.result),
            )
        return (_program_from_source, (self.source, self.filename, self.mode, self.hash))

    def __repr__(self) -> str:
        return (
            f"<Program {self.filename} {self.hash[:12]} {len(self.units)} units, {self.instruction_count} instructions>"
        )


# Programs by hash.  ``_cache`` finds every program still in use (a job, a
# function or a frame keeps its program through its code units); ``_recent``
# keeps the last RECENT_PROGRAMS compiled or asked for, so that a worker
# compiles a script it runs again and again once.  A program neither in use
# nor recent goes: a worker that sees a new script in every job keeps no more
# than RECENT_PROGRAMS of them.
RECENT_PROGRAMS = 128
_cache: weakref.WeakValueDictionary[str, Program] = weakref.WeakValueDictionary()
_recent: collections.OrderedDict[str, Program] = collections.OrderedDict()
_cache_lock = threading.Lock()


def compile_program(
    source: str,
    filename: str = "<agent>",
    mode: str = "exec",
    flags: int = 0,
    *,
    library: bool = False,
    result: bool = False,
) -> Program:
    """Compile ``source`` into a :class:`Program`, reusing a cached one when possible.

    ``result``: a job's script (``exec`` mode), whose module body returns the
    value of its final expression statement.  Its hash is the program's
    without it (snapshots name the same program either way); the cache
    keeps the two apart, since ``exec()`` of the same source must return
    ``None``.

    Raises ``SyntaxError`` (with filename, line and column) for invalid source.
    """
    digest = program_hash(source, filename, mode, flags, library)
    key = digest + "+result" if result else digest
    with _cache_lock:
        program = _cache.get(key)
        if program is not None:
            _keep_recent(key, program)
            return program
    program = Program(source, filename, mode, flags, library, result)  # outside the lock: it takes milliseconds
    with _cache_lock:
        program = _cache.setdefault(key, program)
        _keep_recent(key, program)
    return program


def _keep_recent(key: str, program: Program) -> None:
    _recent[key] = program
    _recent.move_to_end(key)
    if len(_recent) > RECENT_PROGRAMS:
        _recent.popitem(last=False)


def _program_from_source(
    source: str,
    filename: str,
    mode: str,
    expected_hash: str,
    flags: int = 0,
    library: bool = False,
    result: bool = False,
) -> Program:
    program = compile_program(source, filename, mode, flags, library=library, result=result)
    if program.hash != expected_hash:
        from statek_vm.exceptions import SnapshotError

        raise SnapshotError(
            f"program {filename!r} does not match its hash {expected_hash[:12]} "
            f"(this interpreter computes {program.hash[:12]}): it was compiled by another CPython version"
        )
    return program


def _library_program(packed: bytes, filename: str, mode: str, expected_hash: str, flags: int) -> Program:
    with _cache_lock:
        program = _cache.get(expected_hash)
    if program is not None:
        return program
    source = zlib.decompress(packed).decode("utf-8")
    return _program_from_source(source, filename, mode, expected_hash, flags, library=True)


# -- a job's result ------------------------------------------------------------------
#
# A job's result is the value of its script's final expression statement, as
# a notebook cell's.  CPython's module body drops that value (its POP_TOP) and
# returns None.  In a job's program the instruction that drops it becomes
# RETURN_RESULT, which returns it instead.  One instruction stands for one,
# so every instruction keeps its number (the hash is the same too: a snapshot
# of the program as compiled before resumes into it), its line and its
# exception handler; the value is taken exactly once, when the statement
# ends, however often the job suspended inside it; and nothing is added to
# the script's namespace.


def _return_final_value(program: Program) -> tuple[int, ...]:
    """Make ``program``'s module body return the value of its final expression statement.

    Returns the indexes of the instructions changed: each POP_TOP of that
    statement that is followed by the body's implicit ``return None``
    (CPython copies that exit to every branch of ``a and b``).  Skipping
    the module's leftover work there (restoring an inlined comprehension's
    variable) changes nothing anyone sees: the body ends.  The
    compiler drops a statement whose value is a constant (``"done"``,
    ``-1``): then the implicit return returns that constant instead.
    """
    if program.source is None or program.mode != "exec":
        return ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the compile before emitted them)
        tree = compile(
            program.source,
            program.filename,
            program.mode,
            flags=ast.PyCF_ONLY_AST | COMPILE_FLAGS | program.flags,
            dont_inherit=True,
        )
    if not tree.body or type(tree.body[-1]) is not ast.Expr:
        return ()
    final = tree.body[-1]
    span = (final.lineno, final.col_offset, final.end_lineno, final.end_col_offset)
    unit = program.main
    ops = unit.ops
    # (The unit's instructions in its order: code_unit.py numbers every Instr.)
    locations = [item.location for item in Bytecode.from_code(unit.code) if isinstance(item, Instr)]
    assert len(locations) == len(ops)

    def within(i: int) -> bool:
        where = locations[i]
        if where is None or None in (where.lineno, where.col_offset, where.end_lineno, where.end_col_offset):
            return False
        return (where.lineno, where.col_offset) >= span[:2] and (where.end_lineno, where.end_col_offset) <= span[2:]

    def returns_none(i: int) -> bool:
        if i >= len(ops) or ops[i].arg is not None:
            return False
        return ops[i].name == "RETURN_CONST" or (
            ops[i].name == "LOAD_CONST" and i + 1 < len(ops) and ops[i + 1].name == "RETURN_VALUE"
        )

    def ends_body(i: int) -> bool:
        # (CPython 3.13 moves the restore of an inlined comprehension's
        # variable, a STORE_FAST, past the statement's POP_TOP.)
        while i < len(ops) and ops[i].name == "STORE_FAST":
            i += 1
        return returns_none(i)

    drops = [i for i, op in enumerate(ops) if op.name == "POP_TOP" and within(i) and ends_body(i + 1)]
    for i in drops:
        ops[i] = Op("RETURN_RESULT", None, ops[i].line)
    if drops:
        return tuple(drops)
    constant = _folded_constant(final.value, program)
    if constant is None:
        return ()
    returns = [i for i in range(len(ops)) if returns_none(i) and within(i)]
    for i in returns:
        ops[i] = Op(ops[i].name, constant[0], ops[i].line)
    return tuple(returns)


def _folded_constant(expression: ast.expr, program: Program) -> tuple[Any] | None:
    """``(value,)`` of an expression the compiler folds into a constant, else None.

    Compiled on its own, such an expression loads one constant and returns
    it, with no name to look up: reading that constant runs nothing.
    """
    code = compile(ast.Expression(expression), program.filename, "eval", flags=program.flags, dont_inherit=True)
    instrs = [item for item in Bytecode.from_code(code) if isinstance(item, Instr) and item.name != "RESUME"]
    if code.co_names or not instrs:
        return None
    if len(instrs) == 1 and instrs[0].name == "RETURN_CONST":
        return (instrs[0].arg,)
    if len(instrs) == 2 and instrs[0].name == "LOAD_CONST" and instrs[1].name == "RETURN_VALUE":
        return (instrs[0].arg,)
    return None


def _register_source(filename: str, source: str) -> None:
    # Tracebacks read script lines through linecache; a script has no file on
    # disk (or its file may change), so its source is registered under its name.
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (len(source), None, lines, filename)


# -- programs made from code objects ---------------------------------------------------
#
# ``exec(code)`` and ``eval(code)`` of a code object the script holds (one
# ``compile()`` returned, say): the VM runs that code object itself, decoded
# into a program of its own, so that a wait inside is resumable.  Such a
# program has no source; it is identified by a digest of the code object and
# travels in snapshots as the code object (marshal's format, which snapshots
# may use: they are refused by any other CPython minor version).  Code objects
# cannot be weakly referenced, so the programs are found by the code object's
# id while they live, which their code object does as long as they do;
# otherwise they are cached as source programs are (in use, or recent).
_by_code_id: weakref.WeakValueDictionary[int, Program] = weakref.WeakValueDictionary()


def program_for_code(code: types.CodeType) -> Program:
    """The program that runs code object ``code``: its units are decoded from it."""
    program = _by_code_id.get(id(code))
    if program is not None and program.code is code:
        return program
    key = code_digest(code)
    with _cache_lock:
        program = _cache.get(key)
        if program is None or program.code is not code:
            program = Program.__new__(Program)
            program.source = None
            program.filename = code.co_filename
            program.mode = "code"
            program.flags = 0
            program.library = False
            program.hash = key
            program._decode(code)
            _cache[key] = program
        _by_code_id[id(code)] = program
        _keep_recent(key, program)
    return program


def code_digest(code: types.CodeType) -> str:
    """A hash of everything ``code`` is made of, the same in every process of this CPython minor version.

    Not marshal's bytes: they depend on reference counts, and frozenset
    constants iterate in an order that depends on the process's string hashes.
    """
    h = hashlib.sha256(f"code {PY_MINOR}\0".encode())
    _digest(h, code)
    return h.hexdigest()


def _digest(h: Any, value: Any) -> None:
    t = type(value)
    if t is types.CodeType:
        h.update(b"C")
        h.update(marshal.dumps(value.replace(co_consts=()), 2))
        h.update(len(value.co_consts).to_bytes(8, "little"))
        for const in value.co_consts:
            _digest(h, const)
    elif t is tuple:
        h.update(b"T" + len(value).to_bytes(8, "little"))
        for item in value:
            _digest(h, item)
    elif t is frozenset:
        parts = []
        for item in value:
            one = hashlib.sha256()
            _digest(one, item)
            parts.append(one.digest())
        h.update(b"F" + len(value).to_bytes(8, "little") + b"".join(sorted(parts)))
    else:
        data = marshal.dumps(value, 2)
        h.update(b"V" + len(data).to_bytes(8, "little") + data)
