"""The realistic-agent corpus: each script natively, on the VM, and resumed at every wait.

Every selected script is started at once on a small thread pool (each run is
a chain of subprocesses), so the scripts run in parallel; each test then
waits for its own script.  See ``harness.py`` for the three runs and what is
compared, and README.md for adding a script.

The scripts of ``corpus_waits/`` run by default too: one per place issue 12
("wait anywhere") names, most of them known failures listed in
``XFAIL_WAITS``; so do those of ``corpus_mixed/``, which combine several
such places per script (known failures in ``XFAIL_MIXED``).
So do those of ``corpus_async/``: async agents (issue 13) awaiting host
coroutines that do socket I/O, with asyncio inside the script and waits in
coroutines, tasks and gathers (known failures in ``XFAIL_ASYNC``).
``STATEK_AGENTS_LATER=1`` adds the scripts of
``corpus_later/`` (waits inside code that host code calls, and asyncio): they
are expected to fail until the VM supports those shapes.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from tests.agents import harness

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Scripts that fail today, by name, with the reason (the first line of the
# error, or what differs).  Each is a strict xfail of the resumed run: when the
# package is fixed the test XPASSes, which fails the suite, and the entry must
# be removed.  A reason starting with "uninterrupted:" means the VM differs
# from CPython even without snapshots; that marks the uninterrupted test too.
# A failure on some CPython versions only is a (reason, versions) pair.
XFAIL: dict[str, str | tuple[str, set[tuple[int, int]]]] = {}


def _host(where: str, host: str | None = None) -> str:
    """The reason of a wait inside script code that host code called."""
    named = f"the host callable is {host}" if host else "names no host callable"
    return f"{where}: NotResumableError: cannot suspend ...: it was called by host code; {named}"


# The scripts of corpus_waits/ that fail today, as XFAIL (by file stem).  Each
# entry goes when issue 12 makes its place resumable.
XFAIL_WAITS: dict[str, str | tuple[str, set[tuple[int, int]]]] = {
    "092_set_layout_after_resume": (
        "a set whose int elements collided is rebuilt on load from its iteration order: the same order, but "
        "another table layout, so an element added after the resume iterates elsewhere than natively"
    ),
}


# The scripts of corpus_mixed/ that fail today, as XFAIL (by file stem); each
# reason names the smallest construct that fails (on 3.11, 3.12 and 3.13), and
# any other construct of the script that fails the same way.
XFAIL_MIXED: dict[str, str | tuple[str, set[tuple[int, int]]]] = {
    "189_exception_notes_tracebacks": (
        "uninterrupted: the VM's traceback entries have no positions, and 3.13's traceback prints every line "
        "of a statement that spans several by them (format_exc() of a multi-line raise)",
        {(3, 13)},
    ),
}


# The scripts of corpus_async/ that fail today, as XFAIL (by file stem).
XFAIL_ASYNC: dict[str, str | tuple[str, set[tuple[int, int]]]] = {
    "085_runner_phases_backoff": (
        "resumed: the script drives an event loop of its own (asyncio.Runner, loop.run_until_complete), a real "
        "loop with its selector, which a snapshot cannot carry; asyncio.run() and top-level await run on the "
        "script's loop (docs/guides/async.md)"
    ),
    "078_hedged_requests_shield": (
        "a host coroutine still running when every task waits is awaited to its end before the job suspends "
        "(docs/guides/async.md): the 30 s slow_report finishes instead of being cancelled after the review"
    ),
}


def _reason(script: Path) -> str | None:
    known = {
        harness.CORPUS_WAITS: XFAIL_WAITS,
        harness.CORPUS_MIXED: XFAIL_MIXED,
        harness.CORPUS_ASYNC: XFAIL_ASYNC,
    }.get(script.parent, XFAIL)
    entry = known.get(script.stem)
    if isinstance(entry, tuple):
        reason, versions = entry
        return reason if sys.version_info[:2] in versions else None
    return entry


def _name(script: Path) -> str:
    return script.stem if script.parent == harness.CORPUS else f"{script.parent.name}/{script.stem}"


def _shared(scripts: list[Path], thirds: int = 1) -> list[Path]:
    """In CI, this version's share of a large corpus: ``thirds`` of it, so that each script runs on that many versions.

    (The whole suite must fit its time on two cores.)  With one third, 3.11
    runs the first script of every three, 3.12 the second, 3.13 the third;
    with two, 3.11 the first two of every three, 3.12 the second and third,
    3.13 the third and first.  Elsewhere every script runs on each version.
    """
    if os.environ.get("CI", "").strip().lower() not in {"1", "true", "yes"}:
        return scripts
    share = (sys.version_info[1] - 11) % 3
    return [s for n, s in enumerate(scripts) if (n - share) % 3 < thirds]


SCRIPTS = (
    _shared(harness.scripts(harness.CORPUS))
    + _shared(harness.scripts(harness.CORPUS_WAITS))
    + _shared(harness.scripts(harness.CORPUS_MIXED))
    + _shared(harness.scripts(harness.CORPUS_ASYNC))
)
if os.environ.get("STATEK_AGENTS_LATER") == "1":
    SCRIPTS += harness.scripts(harness.CORPUS_LATER)


def _params(uninterrupted: bool) -> list[Any]:
    params = []
    for script in SCRIPTS:
        reason = _reason(script)
        marks = []
        if reason is not None and (not uninterrupted or reason.startswith("uninterrupted:")):
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        params.append(pytest.param(script, id=_name(script), marks=marks))
    return params


class Runs:
    """The verdict of each script, computed on a thread pool in the background."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.pool = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
        self.lock = threading.Lock()
        self.verdicts: dict[Path, Future[harness.Verdict]] = {}

    def start(self, script: Path) -> Future[harness.Verdict]:
        with self.lock:
            if script not in self.verdicts:
                workdir = self.workdir / _name(script).replace("/", "-")
                workdir.mkdir()
                self.verdicts[script] = self.pool.submit(harness.check, script, workdir)
            return self.verdicts[script]

    def get(self, script: Path) -> harness.Verdict:
        return self.start(script).result()


@pytest.fixture(scope="session")
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    runs = Runs(tmp_path_factory.mktemp("agents"))
    # Start every selected script now, in test order, rather than one at a
    # time as the tests ask: that is what makes them run in parallel.
    for item in request.session.items:
        script = getattr(item, "callspec", None) and item.callspec.params.get("script")
        if isinstance(script, Path):
            runs.start(script)
    yield runs
    runs.pool.shutdown(cancel_futures=True)


def test_corpus_size() -> None:
    assert len(harness.scripts(harness.CORPUS)) >= 50
    assert len(harness.scripts(harness.CORPUS_LATER)) >= 8
    assert len(harness.scripts(harness.CORPUS_WAITS)) >= 40
    assert not set(XFAIL) - {s.stem for s in harness.scripts(harness.CORPUS)}, "XFAIL names scripts that do not exist"
    assert not set(XFAIL_WAITS) - {s.stem for s in harness.scripts(harness.CORPUS_WAITS)}, (
        "XFAIL_WAITS names scripts that do not exist"
    )
    assert len(harness.scripts(harness.CORPUS_MIXED)) >= 25
    assert not set(XFAIL_MIXED) - {s.stem for s in harness.scripts(harness.CORPUS_MIXED)}, (
        "XFAIL_MIXED names scripts that do not exist"
    )
    assert len(harness.scripts(harness.CORPUS_ASYNC)) >= 25
    assert not set(XFAIL_ASYNC) - {s.stem for s in harness.scripts(harness.CORPUS_ASYNC)}, (
        "XFAIL_ASYNC names scripts that do not exist"
    )


@pytest.mark.parametrize("script", [pytest.param(s, id=_name(s)) for s in SCRIPTS])
def test_native_run_is_as_declared(script: Path, runs: Runs) -> None:
    """The harness itself: the script runs natively, ends as it declares, and waits."""
    native = runs.get(script).native
    expected = harness.expected_error(script)
    assert native.status in ("COMPLETED", "FAILED"), native.detail
    if expected is None:
        assert native.status == "COMPLETED", native.detail
    else:
        assert native.error is not None and native.error[0] == expected, native.detail
    assert any(entry.get("tool") in harness.TEMPORAL_TOOLS for entry in native.log), "the script never waits"


@pytest.mark.parametrize("script", _params(uninterrupted=True))
def test_uninterrupted_run_matches_native(script: Path, runs: Runs) -> None:
    problems = runs.get(script).uninterrupted_differences()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script", _params(uninterrupted=False))
def test_resumed_run_matches_native(script: Path, runs: Runs) -> None:
    verdict = runs.get(script)
    problems = verdict.resumed_differences()
    assert not problems, f"waits at {verdict.resumed.waits}\n" + "\n".join(problems)
    assert verdict.resumed.waits, "the job never suspended"
