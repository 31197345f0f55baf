"""The declaration of every instruction (statek_vm/program/instructions.py) against the VM and CPython.

Each CPython version checks its own table: every instruction the VM has a
handler for is declared and nothing else is; the jumps and branches are the
instructions CPython says jump; and a counting run stops at an instruction
that does more than its declaration allows.
"""

from __future__ import annotations

import collections
import dis
import sys

import pytest

import statek_vm
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.program import instructions
from statek_vm.program.instructions import INSTRUCTIONS, Instruction
from statek_vm.vm.dialect import DIALECT
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Instructions of the VM's own, or pseudo-instructions of the bytecode
# library (3.11's direction-free branches): CPython's opcode table does not have them.
_NOT_CPYTHONS = {"RETURN_RESULT", "JUMP", "JUMP_NO_INTERRUPT"}
_NOT_CPYTHONS |= {"POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE"}


def test_every_instruction_the_vm_runs_is_declared_and_nothing_else() -> None:
    handled = set(DIALECT.handlers)
    declared = set(INSTRUCTIONS)
    assert handled - declared == set(), "handlers without a declaration"
    assert declared - handled == set(), "declarations without a handler"


def test_the_declared_jumps_are_cpythons() -> None:
    jumping = {dis.opname[op] for op in (*dis.hasjrel, *dis.hasjabs)}
    for name, instruction in INSTRUCTIONS.items():
        if name in _NOT_CPYTHONS and name not in dis.opmap:
            continue
        assert name in dis.opmap, name
        jumps = instruction.branches or instruction.flow in (instructions.ITERATES, instructions.SENDS)
        assert jumps == (name in jumping), name


@pytest.mark.parametrize("name", sorted(INSTRUCTIONS))
def test_each_declaration_is_consistent(name: str) -> None:
    instruction = INSTRUCTIONS[name]
    assert instruction.name == name
    if instruction.flow in (instructions.RETURNS, instructions.YIELDS, instructions.MAKES_GENERATOR):
        assert instruction.tier0_only, "tier 1 leaves frames only by tier 0's instructions"
    if instruction.effect == instructions.PURE:
        assert not instruction.may_suspend and not instruction.may_enter_frame


def test_the_tables_other_parts_read_are_made_from_the_declarations() -> None:
    from statek_vm.program import code_unit
    from statek_vm.vm import tier1

    assert tier1._STOPS == {name for name, i in INSTRUCTIONS.items() if i.tier0_only}
    assert tier1._JUMPS | set(tier1._BRANCHES) | set(tier1._NONE_BRANCHES) == {
        name for name, i in INSTRUCTIONS.items() if i.branches and i.flow != instructions.OR_POP
    }
    assert code_unit.EXIT_PAST_TARGET == instructions.EXIT_PAST_TARGET
    assert set(instructions.EXIT_PAST_TARGET) <= {"FOR_ITER", "SEND"}


def test_each_version_declares_what_it_adds_and_removes() -> None:
    v311, v312, v313 = (instructions.declared(v) for v in ((3, 11), (3, 12), (3, 13)))
    assert "LOAD_METHOD" in v311 and "LOAD_METHOD" not in v312
    assert "END_FOR" not in v311 and "END_FOR" in v312 and "END_FOR" in v313
    assert "KW_NAMES" in v312 and "KW_NAMES" not in v313
    assert "LOAD_FAST_LOAD_FAST" in v313 and "CALL_KW" in v313


@pytest.mark.parametrize(
    ("name", "source", "what"),
    [
        # BINARY_OP on a pending future waits: declared pure, the counting run stops.
        ("BINARY_OP", "x = wait(1) + 1\n", "raised FutureError"),
        # CALL of a script function enters its frame: declared as only resolving, likewise.
        ("CALL", "def f():\n    return 1\nf()\n", "entered a frame"),
    ],
)
def test_a_counting_run_stops_at_an_instruction_that_does_more_than_declared(
    name: str, source: str, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statek_vm.vm import interpreter

    narrowed = dict(INSTRUCTIONS)
    effect = instructions.PURE if what.startswith("raised") else instructions.RESOLVES
    narrowed[name] = Instruction(name, INSTRUCTIONS[name].flow, effect, INSTRUCTIONS[name].tier0_only)
    monkeypatch.setattr(interpreter, "INSTRUCTIONS", narrowed)
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings(), instruction_counts=collections.Counter(), tier=0)
    assert job.status == "FAILED"
    message = str(job.error)
    assert f"({name})" in message and what in message and "instructions.py" in message, message
    # As declared, the same run goes on.
    monkeypatch.undo()
    job = statek_vm.run(source, world.bindings(), instruction_counts=collections.Counter(), tier=0)
    assert job.status in ("SUSPENDED", "COMPLETED"), job.error
