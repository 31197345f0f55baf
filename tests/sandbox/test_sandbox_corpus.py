"""The sandbox against its corpus: every escape attempt refused with no trace, every ordinary script unchanged.

See docs/guides/limits-sandbox.md and tests/sandbox/corpus.py for the protocol (the sentinel file, the planted secret).  Each
script runs as a ``statek_vm.run`` job under ``statek_vm.Sandbox()``.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import statek_vm

from . import corpus

ESCAPES = corpus.escape_scripts()
ORDINARY = corpus.ordinary_scripts()


@pytest.mark.parametrize("path", ESCAPES, ids=lambda p: p.name)
def test_escape_is_refused(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    job = statek_vm.run(source, corpus.host_globals(tmp_path), filename=path.name, sandbox=statek_vm.Sandbox())
    corpus.check_refused(job, tmp_path, source)
    if not corpus.expects_no_escape_only(source):
        assert isinstance(job.error, statek_vm.SandboxViolation), f"{type(job.error).__name__}: {job.error}"
        assert path.name in job.error.where, f"the refusal names no place in the script: {job.error}"


@pytest.mark.parametrize("path", ORDINARY, ids=lambda p: p.name)
def test_ordinary_script_runs_unchanged(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expected = corpus.run_native(source, corpus.host_globals(tmp_path), filename=path.name)
    job = statek_vm.run(source, corpus.host_globals(tmp_path), filename=path.name, sandbox=statek_vm.Sandbox())
    gc.collect()
    assert job.status == statek_vm.JobStatus.COMPLETED, f"{job.status}: {job.error!r}"
    assert job.output == expected
