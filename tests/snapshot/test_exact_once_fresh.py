"""Property: with every resume in a fresh process, no instruction runs twice and the run is native.

Batches of programs from ``tests/vm/test_exact_once.py``'s generator (loops,
calls, recursion, ``try``, ``with``, generators, methods, dataclass records,
enums, exception chains, dict views, itertools, each with waits) run
natively and on the VM, where every round of resumes happens in a new
process that loads the jobs from their snapshot bytes
(``tests/snapshot/fresh.py``).  Side effects, output and outcome must be the
native ones, and the instructions executed across all processes those of one
uninterrupted run.  A batch shares its processes, so each example costs a few
process starts, not one per wait.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from statek_vm.job import SUPPORTED_VERSIONS
from tests.snapshot import fresh
from tests.vm.test_exact_once import _tree, leaf, program

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Smaller programs than the in-process property's: every wait costs a round
# of processes.  No shrinking (each step would cost a batch of processes):
# a failure names its program.
small_trees = st.lists(st.recursive(leaf, _tree, max_leaves=4), min_size=1, max_size=2)


@settings(
    max_examples=4 if fresh.IN_CI else 25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(batch=st.lists(small_trees, min_size=6, max_size=6))
def test_no_instruction_runs_twice_across_fresh_processes(
    batch: list[Any], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripts = {f"p{i}": program(forest) for i, forest in enumerate(batch)}
    work = tmp_path_factory.mktemp("exact-once")
    fresh.check_as_native(scripts, work, monkeypatch)
