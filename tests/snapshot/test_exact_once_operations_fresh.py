"""Property: waits inside script code that operations and library code call, each resumed in a fresh process.

Batches of programs from ``tests/vm/test_exact_once_operations.py``'s
generator (property getters, descriptors, operator dunders, key functions,
``functools``/``itertools``/``heapq``/``operator`` callbacks,
``with``-statement classes and ``@contextmanager``, ``__init__``/``__new__``,
containers of pending futures handed to host functions, each with waits
inside) run natively and on the VM, where every round of resumes happens in a
new process that loads the jobs from their snapshot bytes
(``tests/snapshot/fresh.py``).  Side effects, output and outcome must be the
native ones, and the instructions executed across all processes those of one
uninterrupted run.  A suspension inside script code that a native operation
called must therefore be a plain VM frame in the snapshot, not a host frame.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from statek_vm.job import SUPPORTED_VERSIONS
from tests.snapshot import fresh
from tests.vm import gates
from tests.vm.test_exact_once_operations import _tree, leaf, program

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Smaller programs than the in-process property's: every wait costs a round
# of processes, and script code an operation calls often runs more than once
# (a key function per element), so a batch with a program that waits more
# than WAIT_BUDGET times is skipped (its waits counted by one quick run in
# this process).  No shrinking (each step would cost a batch of processes): a
# failure names its program.
small_trees = st.lists(st.recursive(leaf, _tree, max_leaves=3), min_size=1, max_size=2)
WAIT_BUDGET = 30


def _waits(source: str) -> int:
    return len(gates.run_interrupted(source)[1].gates)


@settings(
    max_examples=3 if fresh.IN_CI else 25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(batch=st.lists(small_trees, min_size=6, max_size=6))
def test_no_instruction_runs_twice_across_fresh_processes(
    batch: list[Any], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripts = {f"p{i}": program(forest) for i, forest in enumerate(batch)}
    assume(max(_waits(source) for source in scripts.values()) <= WAIT_BUDGET)
    work = tmp_path_factory.mktemp("exact-once-operations")
    fresh.check_as_native(scripts, work, monkeypatch)
