"""Script classes, enums, exceptions and their tracebacks survive snapshots, resumed in fresh processes.

Each script of ``tests/snapshot/scripts`` runs natively with every future
ready, and on the VM suspending at every wait with each round of resumes in a
new process (``tests/snapshot/fresh.py``).  Output, side effects, outcome and
the rendered traceback of a failure must be the native ones, and the
instructions executed across all processes must be those of one
uninterrupted VM run: none ran twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from tests.snapshot import fresh

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SCRIPTS = {path.stem: path.read_text() for path in sorted((Path(__file__).parent / "scripts").glob("*.py"))}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[fresh.Outcome, fresh.Outcome]]:
    return fresh.compare(SCRIPTS, tmp_path_factory.mktemp("fresh"))


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_resumed_in_fresh_processes_as_native(name: str, outcomes, tmp_path, monkeypatch) -> None:
    native, vm = outcomes[name]
    assert (vm.status, vm.error) == (native.status, native.error)
    assert fresh.without_column_marks(vm.output) == fresh.without_column_marks(native.output)
    assert vm.effects == native.effects
    assert vm.traceback == native.traceback
    monkeypatch.setenv("STATEK_TEST_LOG", str(tmp_path / "log"))
    assert vm.counts == fresh.uninterrupted_counts(SCRIPTS[name])
