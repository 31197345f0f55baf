"""Property: resuming from snapshot bytes at every wait never re-runs an instruction.

The generated programs of ``tests/vm/test_exact_once.py`` suspend at every
wait; each time the job is turned into bytes, dropped, and loaded again with
fresh host bindings before it resumes.  The side-effect log and output must
equal native CPython's, and the per-instruction counts an uninterrupted run's.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given

from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates
from tests.vm.test_exact_once import program, trees

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)


@given(trees)
def test_no_instruction_runs_twice_across_snapshots(forest: list[Any]) -> None:
    source = program(forest)
    native_world, native_output, native_error = gates.run_native(source)
    assert native_error is None, source

    reference_counts = gates.counts()
    reference, _ = gates.run_uninterrupted(source, instruction_counts=reference_counts)

    counts = gates.counts()
    job, world, _ = gates.run_reloaded(source, counts, dropped=True)
    assert job.status == "COMPLETED", f"{job.error!r}\n{source}"
    assert world.log == native_world.log, source
    assert job.output == native_output == reference.output, source
    assert counts == reference_counts, source
