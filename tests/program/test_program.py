"""The program stage: code objects decoded into numbered instruction blocks."""

from __future__ import annotations

import dis
import sys
import types
from pathlib import Path

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.program import Program, compile_program

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SOURCE = """
def outer(a, b=2):
    total = 0
    for i in range(a):
        try:
            total += [i * b for _ in range(2)][0]
        except ValueError as e:
            total = -1
        finally:
            total += 1
    with open("x") as fh:
        pass
    return lambda: total

class C:
    def m(self):
        yield from range(3)
"""

STDLIB_TEST = Path(dis.__file__).parent / "test"


def _real(code: types.CodeType) -> list[dis.Instruction]:
    return [i for i in dis.get_instructions(code) if i.opname not in ("CACHE", "EXTENDED_ARG")]


def _offset_to_index(code: types.CodeType) -> dict[int, int]:
    mapping: dict[int, int] = {}
    k = 0
    for ins in dis.get_instructions(code):
        if ins.opname == "CACHE":
            continue
        mapping[ins.offset] = k
        if ins.opname != "EXTENDED_ARG":
            k += 1
    return mapping


def check_against_dis(program: Program) -> None:
    """Opcodes, jump targets and exception handlers agree with CPython's own view."""
    for unit in program.units:
        instrs = _real(unit.code)
        assert [op.name for op in unit.ops] == [i.opname for i in instrs], unit
        index = _offset_to_index(unit.code)
        table = dis._parse_exception_table(unit.code)  # type: ignore[attr-defined]
        for k, ins in enumerate(instrs):
            expected = None
            for entry in table:
                if entry.start <= ins.offset < entry.end:
                    expected = (index[entry.target], entry.depth, entry.lasti)
                    break
            handler = unit.handlers[k]
            assert expected == (None if handler is None else (handler.target, handler.depth, handler.lasti)), (unit, k)
            if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
                assert unit.ops[k].arg == index[ins.argval], (unit, k)


def test_units_match_cpython() -> None:
    check_against_dis(compile_program(SOURCE, "p.py"))


@pytest.mark.parametrize("module", ["test_grammar", "test_exceptions", "test_patma", "test_coroutines"])
def test_units_match_cpython_on_its_own_test_modules(module: str) -> None:
    path = STDLIB_TEST / f"{module}.py"
    check_against_dis(compile_program(path.read_text(encoding="utf-8"), str(path)))


def test_numbering_is_dense_and_program_wide() -> None:
    program = compile_program(SOURCE, "p.py")
    names = [u.qualname for u in program.units]
    assert names[0] == "<module>"
    assert "outer" in names
    # From CPython 3.12 a list comprehension is inlined into its function (PEP 709).
    assert ("outer.<locals>.<listcomp>" in names) == (sys.version_info < (3, 12))
    assert "C.m" in names
    expected = 0
    for unit in program.units:
        assert unit.base == expected
        expected += len(unit)
    assert program.instruction_count == expected
    for number in (0, expected // 2, expected - 1):
        unit, index = program.locate(number)
        assert unit.number(index) == number
    with pytest.raises(ValueError, match="not in program"):
        program.locate(expected)


def test_lines_depths_and_blocks() -> None:
    program = compile_program(SOURCE, "p.py")
    outer = next(u for u in program.units if u.qualname == "outer")
    nlines = SOURCE.count("\n")
    assert all(0 <= u.line_of(i) <= nlines for u in program.units for i in range(len(u)))
    assert [outer.line_of(i) for i in range(len(outer))][1] == outer.firstlineno  # RESUME
    assert outer.depths[0] == 0
    assert max(outer.depths) <= outer.code.co_stacksize
    # Blocks partition the unit, and every jump target and handler starts one.
    covered = [i for block in outer.blocks for i in block]
    assert covered == list(range(len(outer)))
    starts = {block.start for block in outer.blocks}
    for i, op in enumerate(outer.ops):
        if op.name.startswith(("JUMP", "POP_JUMP", "FOR_ITER")):
            assert op.arg in starts
        handler = outer.handlers[i]
        if handler is not None:
            assert handler.target in starts


def test_programs_are_cached_by_source_filename_and_version() -> None:
    a = compile_program("x = 1\n", "a.py")
    assert compile_program("x = 1\n", "a.py") is a
    assert compile_program("x = 1\n", "b.py") is not a
    assert compile_program("x = 2\n", "a.py").hash != a.hash
    assert a.hash == Program("x = 1\n", "a.py").hash


def test_syntax_errors_name_file_line_and_column() -> None:
    with pytest.raises(SyntaxError) as info:
        compile_program("def f(:\n    pass\n", "bad.py")
    assert (info.value.filename, info.value.lineno) == ("bad.py", 1)
    assert info.value.offset
