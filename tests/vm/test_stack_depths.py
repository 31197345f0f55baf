"""The VM's value stack has, before every instruction, the depth the program stage computed.

Counting runs check it at each instruction (``VMInternalError`` otherwise); this
runs every differential corpus script that way.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

import statek_vm
from statek_vm.exceptions import VMInternalError
from statek_vm.job import SUPPORTED_VERSIONS
from tests.differential import harness

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SCRIPTS = [p for p in harness.corpus_scripts() if "recursion_limit" not in p.name]


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_stack_depths_match_the_program_stage(path: Path) -> None:
    counts: collections.Counter[object] = collections.Counter()
    job = statek_vm.run(path.read_text(encoding="utf-8"), filename=path.name, instruction_counts=counts)
    assert not isinstance(job.error, VMInternalError), job.error
    assert sum(counts.values()) > 0
