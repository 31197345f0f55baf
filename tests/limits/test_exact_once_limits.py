"""Property: stopping at any instruction for a budget and resuming never re-runs an instruction.

The programs of ``tests/vm/test_exact_once.py`` (loops, calls, recursion,
``try``/``finally``, ``with``, comprehensions, generators, ``match``...,
waits on futures and host side effects) run with an instruction budget of a
random size; each time it stops them, the job (often loaded again from its
snapshot) resumes with the budget raised by the same step; each time they
wait, the awaited gate opens.  Side effects, output and the per-instruction
execution counts must equal those of one run that never stopped.
"""

from __future__ import annotations

import collections
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statek_vm
from statek_vm import LimitExceeded, Limits
from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates
from tests.vm.test_exact_once import program, trees

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"exact-once-limits".ljust(32, b".")


@given(trees, st.integers(min_value=2, max_value=80), st.sampled_from([0, 1, 7]))
def test_no_instruction_runs_twice_across_budget_stops(forest: list[Any], step: int, reload_every: int) -> None:
    source = program(forest)
    reference_counts: collections.Counter[Any] = collections.Counter()
    reference, reference_world = gates.run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", f"{reference.error!r}\n{source}"

    counts: collections.Counter[Any] = collections.Counter()
    world = gates.World(start_open=False)
    bindings = world.bindings()
    job = statek_vm.run(source, bindings, instruction_counts=counts, limits=Limits(instructions=step))
    stops = waits = 0
    while job.status in ("SUSPENDED", "FAILED"):
        if job.status == "FAILED":
            assert isinstance(job.error, LimitExceeded), f"{job.error!r}\n{source}"
            stops += 1
        else:
            waits += 1
            for gate in gates.gates_of(job.awaited_result):
                gate.open = True
        assert stops + waits < 50_000, source
        if reload_every and (stops + waits) % reload_every == 0:
            job = statek_vm.Job.loads(job.dumps(key=KEY), bindings, key=KEY, instruction_counts=counts)
        job.resume(limits=Limits(instructions=job.usage["instructions"] + step))
    assert job.status == "COMPLETED", f"{job.error!r}\n{source}"
    assert stops >= sum(reference_counts.values()) // (step + 1) - waits - 1
    assert world.log == reference_world.log, source
    assert job.output == reference.output, source
    assert counts == reference_counts, source
