"""The sandbox corpus checked against native CPython and the VM without a sandbox.

- Every escape attempt escapes when run natively (``exec`` in a fresh
  process): the attempt is real, so a sandbox that refuses it refuses
  something.
- Every ordinary script prints the same output natively and as a
  ``statek_vm.run`` job, and the job completes.

Run with ``python -m pytest tests/sandbox -q``.  The checks of the sandbox
itself use :func:`corpus.check_refused` once ``statek_vm.Sandbox`` exists.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import statek_vm

from . import corpus

ESCAPES = corpus.escape_scripts()
ORDINARY = corpus.ordinary_scripts()

MIN_ESCAPES = 70
MIN_ORDINARY = 25

REPO_ROOT = Path(__file__).resolve().parents[2]

# Seconds after which a native attempt is considered hung; the slowest takes
# well under a second.  A guard, not a timing test.
HANG_GUARD_SECONDS = 60

# Ordinary scripts the VM does not run as CPython does: (script name, minor
# version) -> what goes wrong.  Each is a VM bug, kept as an expected failure.
VM_BUGS: dict[tuple[str, int], str] = {}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_corpus_sizes() -> None:
    assert len(ESCAPES) >= MIN_ESCAPES, f"{len(ESCAPES)} escape attempts, want at least {MIN_ESCAPES}"
    assert len(ORDINARY) >= MIN_ORDINARY, f"{len(ORDINARY)} ordinary scripts, want at least {MIN_ORDINARY}"


@pytest.mark.parametrize("folder", [corpus.ESCAPES_DIR, corpus.ORDINARY_DIR], ids=["escapes", "ordinary"])
def test_script_numbers_are_unique(folder: Path) -> None:
    numbers = [path.name[:3] for path in folder.glob("[0-9][0-9][0-9]_*.py")]
    assert len(numbers) == len(set(numbers)), f"two scripts of {folder.name} share a number"


def test_versions_header_is_honoured() -> None:
    assert corpus.runs_on("# versions: 3.12+\nx = 1\n", 12)
    assert not corpus.runs_on("# versions: 3.12+\nx = 1\n", 11)
    assert corpus.runs_on("# versions: 3.11-3.12\n", 12)
    assert not corpus.runs_on("# versions: 3.11-3.12\n", 13)
    assert corpus.runs_on("# versions: 3.11\n", 11)
    assert not corpus.runs_on("# versions: 3.11\n", 12)
    assert corpus.runs_on("x = 1\n# versions: 3.99\n", 11), "only the header counts"


def test_judge_sees_sentinel_and_secret(tmp_path: Path) -> None:
    assert not corpus.escaped(tmp_path, "nothing here")
    assert corpus.escaped(tmp_path, f"... {corpus.secret_for(tmp_path)} ...")
    corpus.sentinel_path(tmp_path).mkdir()
    assert corpus.escaped(tmp_path, "")


def test_secret_is_planted_not_handed_over(tmp_path: Path) -> None:
    host = corpus.host_globals(tmp_path)
    secret = corpus.secret_for(tmp_path)
    assert set(host) == {"SENTINEL", "tool"}
    assert secret not in repr(host)
    assert corpus.tool.__globals__["SECRET"] == secret
    assert os.environ[corpus.SECRET_ENV] == secret


def _child_env(**extra: str) -> dict[str, str]:
    """The environment of a child run: this checkout first on the path, no secret inherited."""
    path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path, **extra)
    env.pop(corpus.SECRET_ENV, None)
    return env


def _run_escape_natively(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = _child_env()
    env.pop("PYTHONBREAKPOINT", None)
    return subprocess.run(
        [sys.executable, "-m", "tests.sandbox.corpus", str(path), str(tmp_path)],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )


# In CI (where the whole suite must fit its time on two cores) each CPython
# version runs a third of the attempts natively, each in a process of its
# own: 3.11 the first of every three, 3.12 the second, 3.13 the third.
_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
NATIVE_ESCAPES = [p for n, p in enumerate(ESCAPES) if not _CI or n % 3 == (sys.version_info[1] - 11) % 3]


@pytest.mark.parametrize("path", NATIVE_ESCAPES, ids=[path.name for path in NATIVE_ESCAPES])
def test_escape_escapes_natively(path: Path, tmp_path: Path) -> None:
    """Run natively, the attempt creates the sentinel or prints the secret."""
    assert not corpus.escaped(tmp_path, "")
    completed = _run_escape_natively(path, tmp_path)
    assert corpus.escaped(tmp_path, completed.stdout), (
        f"{path.name} did not escape natively (exit {completed.returncode}):\n{completed.stderr}"
    )


@pytest.mark.parametrize("path", ESCAPES, ids=[path.name for path in ESCAPES])
def test_escape_is_well_formed(path: Path) -> None:
    source = _read(path)
    compile(source, path.name, "exec", dont_inherit=True)
    lines = source.splitlines()
    assert 2 <= len(lines) <= 15, f"{path.name} has {len(lines)} lines; an attempt is a few lines"
    assert lines[0].startswith("#"), f"{path.name} does not say where the attempt comes from"
    assert "SENTINEL" in source or "SECRET" in source, f"{path.name} aims at neither trace"


@pytest.mark.parametrize("path", ORDINARY, ids=[path.name for path in ORDINARY])
def test_ordinary_native_equals_vm(path: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """An ordinary script completes on the VM with the output it prints natively."""
    bug = VM_BUGS.get((path.name, sys.version_info.minor))
    if bug is not None:
        request.applymarker(pytest.mark.xfail(reason=bug, strict=True))
    source = _read(path)
    native, error = corpus.exec_native(source, corpus.host_globals(tmp_path), path.name)
    assert error is None, f"{path.name} fails natively: {error!r}"
    assert native, f"{path.name} printed nothing natively"
    assert not corpus.escaped(tmp_path, native), f"{path.name} leaves a trace natively"
    job = statek_vm.run(source, corpus.host_globals(tmp_path), filename=path.name)
    status = str(getattr(job.status, "value", job.status))
    assert status == "COMPLETED", f"{path.name} on the VM: {status} {job.error!r}"
    assert job.output == native


_NATIVE_OUTPUTS_PROGRAM = """
import json, sys
from pathlib import Path
from tests.sandbox import corpus
outputs = {}
for path in corpus.ordinary_scripts():
    host = corpus.host_globals(Path(sys.argv[1]))
    output, error = corpus.exec_native(path.read_text(encoding="utf-8"), host, path.name)
    outputs[path.name] = output + repr(error)
json.dump(outputs, sys.stdout)
"""


def _native_outputs_with_hash_seed(seed: str, tmp_path: Path) -> dict[str, str]:
    env = _child_env(PYTHONHASHSEED=seed)
    completed = subprocess.run(
        [sys.executable, "-c", _NATIVE_OUTPUTS_PROGRAM, str(tmp_path)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=True,
    )
    outputs: dict[str, str] = json.loads(completed.stdout)
    return outputs


def test_ordinary_output_is_deterministic(tmp_path: Path) -> None:
    """Every ordinary script prints the same under two string-hash seeds and in two places."""
    first = _native_outputs_with_hash_seed("1", tmp_path / "a")
    second = _native_outputs_with_hash_seed("4242", tmp_path / "b")
    assert set(first) == {path.name for path in ORDINARY}
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"these scripts print something else on another run: {differing}"
