"""Conformance: CPython's own language test modules, natively and on the VM.

Every module of :data:`runner.MODULES` (``test_grammar``, ``test_descr``,
``test_generators``, ...) runs twice in fresh subprocesses, at most two at a
time: natively, and with its module body and every test defined in it
executed by the VM (see ``runner.py``).  Each module must keep at least the
number of natively passing tests that pass on the VM recorded in
``floors.json``; a lower count is a regression.  After an intended
improvement, raise the floors with::

    python -m tests.conformance.runner --update-floors

The whole run takes about two minutes on two cores.  Run only it with::

    python -m pytest tests/conformance -m conformance
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from statek_vm.job import SUPPORTED_VERSIONS

from . import runner

pytestmark = [
    pytest.mark.conformance,
    pytest.mark.skipif(
        sys.version_info[:2] not in SUPPORTED_VERSIONS,
        reason="the VM does not run this CPython version's bytecode",
    ),
]

# Share of natively passing tests that must pass on the VM (96.3 % measured
# when the floors were last written).
TARGET_PERCENT = 95.0


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return runner.run_modules(runner.MODULES, jobs=2)


def _lost(report: dict[str, Any], module: str, limit: int = 40) -> str:
    m = report["modules"][module]
    lines = [f"  {d['id']} [{d['vm_status']}]: {d['reason']}" for d in m["differences"][:limit]]
    if len(m["differences"]) > limit:
        lines.append(f"  ... and {len(m['differences']) - limit} more")
    return "\n".join(lines)


def test_floors_cover_every_module() -> None:
    assert sorted(runner.read_floors()) == sorted(runner.MODULES)


@pytest.mark.parametrize("module", runner.MODULES)
def test_module_floor(report: dict[str, Any], module: str) -> None:
    m = report["modules"][module]
    floor = runner.read_floors()[module]
    assert m["native"]["status"] == "ok", f"{module} did not run natively: {m['native'].get('error')}"
    assert m["vm_pass"] >= floor, (
        f"{module}: {m['vm_pass']} of {m['native_pass']} natively passing tests pass on the VM, "
        f"below the floor of {floor}. Natively passing tests lost on the VM:\n{_lost(report, module)}"
    )


def test_total_floor(report: dict[str, Any]) -> None:
    floor = sum(runner.read_floors().values())
    total = report["total"]
    assert total["vm_pass"] >= floor, (
        f"{total['vm_pass']} natively passing tests pass on the VM in total, below the floor of {floor}\n"
        + runner.format_table(report)
    )


def test_total_share(report: dict[str, Any]) -> None:
    total = report["total"]
    assert total["vm_pass"] >= TARGET_PERCENT / 100 * total["native_pass"], (
        f"{total['percent']} % of natively passing tests pass on the VM "
        f"({total['vm_pass']} of {total['native_pass']})\n" + runner.format_table(report)
    )
