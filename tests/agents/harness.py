"""Run a corpus script three ways, each in fresh processes, and compare.

* native: CPython runs the script with every tool answering at once;
* uninterrupted: the VM runs it to its end, every tool answering at once;
* resumed: the VM runs it with every temporal tool pending, so the job
  suspends at every wait; the snapshot goes to a file, and each resume runs in
  a new process (``tests.agents.resume``) that loads it, approves the awaited
  request and continues.

The resumed run must print what the native run printed, leave the same
side-effect log and end the same way (completed, or the same uncaught
exception type and message); and the instructions it ran, summed over all its
processes, must be counted exactly as in the uninterrupted run: no
instruction ran twice and none was skipped.

From the command line, for any folder or scripts (``corpus`` by default)::

    python -m tests.agents.harness tests/agents/corpus_waits [SCRIPT ...]
"""

from __future__ import annotations

import collections
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
CORPUS_LATER = HERE / "corpus_later"
# One script per place where issue 12 ("wait anywhere") says a wait must be
# resumable: properties, dunders, class instantiation, library functions that
# call script code, futures in containers handed to host code.
CORPUS_WAITS = HERE / "corpus_waits"
# Scripts that combine several of those places the way agents write code:
# records with waiting properties sorted and serialized, enums in a match,
# retries with cleanups that wait, registries, pipelines, caches.
CORPUS_MIXED = HERE / "corpus_mixed"
# Async agents (issue 13): scripts that await host coroutines doing socket
# I/O (``tools_async.py``) and use asyncio, with waits at top level, inside
# coroutines, tasks and gathers.
CORPUS_ASYNC = HERE / "corpus_async"

# The tools whose result is a future, pending in the resumed run.
TEMPORAL_TOOLS = frozenset({"approval", "llm", "export", "next_task", "fetch_page", "request_review"})

# A script meant to end with an uncaught exception says so on its first line,
# e.g. ``# expect-error: __main__.PaymentFailed``.
EXPECT_ERROR = "# expect-error:"

# A job that waits more often than this is taken to wait forever.  Each wait
# is on a future a temporal tool returned, and the harness opens that future
# before resuming, so a run that agrees with the native one waits at most once
# per temporal call the native run made: :func:`check` stops a resumed run
# after that many waits and one more (a VM that re-runs a host call calls its
# tools again, and would otherwise spin up to this limit, one process a wait).
MAX_RESUMES = 50
TIMEOUT = 120  # seconds per process

# Column markers under a traceback's source line (``^^^^`` and ``~~~^^``):
# the VM's traceback entries of script frames have no column positions, a
# documented difference (docs/reference/cpython-versions.md, "Every version"), so a script that prints a
# traceback is compared without them.
_CARETS = re.compile(r"^[ \t]*[~^]+[ \t]*$")


@dataclass
class Run:
    """What one way of running a script produced."""

    status: str
    output: str = ""
    log: list[Any] = field(default_factory=list)
    error: tuple[str, str] | None = None
    counts: collections.Counter[Any] = field(default_factory=collections.Counter)
    # Where the job waited, one entry per suspension (resumed runs).
    waits: list[str] = field(default_factory=list)
    processes: int = 0
    # A traceback or a crashed process's stderr, for the reader.
    detail: str = ""

    def summary(self) -> str:
        if self.error is None:
            return self.status
        kind, message = self.error
        first = message.splitlines()[0] if message else ""
        return f"{self.status} {kind}: {first}"


def scripts(folder: Path = CORPUS) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9][0-9]_*.py"))


def expected_error(script: Path) -> str | None:
    first = script.read_text(encoding="utf-8").split("\n", 1)[0]
    if first.startswith(EXPECT_ERROR):
        return first[len(EXPECT_ERROR) :].strip()
    return None


def normalize(output: str) -> str:
    return "".join(line for line in output.splitlines(keepends=True) if not _CARETS.match(line.rstrip("\n")))


# -- processes -------------------------------------------------------------------


def _python(args: list[str], *, ready: bool, log: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["STATEK_TEST_LOG"] = str(log)
    env.pop("STATEK_TEST_READY", None)
    if ready:
        env["STATEK_TEST_READY"] = "1"
    env.pop("STATEK_TEST_SANDBOX", None)
    if getattr(_CHECKING, "sandboxed", False):
        env["STATEK_TEST_SANDBOX"] = "1"  # the VM runs it under a statek_vm.Sandbox (tests/agents/worker.py)
    # Output is read as bytes and decoded here: text mode would turn a
    # script's "\r\n" into "\n".  On timeout subprocess.run kills the child
    # with SIGKILL, which no inherited signal disposition can ignore.
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT, check=False
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    )


def _read_log(log: Path) -> list[Any]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def _step(args: list[str], report: Path, *, ready: bool, log: Path) -> tuple[dict[str, Any] | None, str, str]:
    """One process: its report (None if it wrote none), stdout and stderr."""
    report.unlink(missing_ok=True)
    try:
        done = _python(args, ready=ready, log=log)
    except subprocess.TimeoutExpired:
        return None, "", f"killed after {TIMEOUT} s: {' '.join(args)}"
    if done.returncode != 0 or not report.exists():
        return None, done.stdout, f"exit status {done.returncode}\n{done.stderr}"
    return json.loads(report.read_text(encoding="utf-8")), done.stdout, done.stderr


def _counter(rows: list[list[Any]]) -> collections.Counter[Any]:
    return collections.Counter({(digest, instr): n for digest, instr, n in rows})


def _error(report: dict[str, Any]) -> tuple[str, str] | None:
    return tuple(report["error"]) if report.get("error") else None  # type: ignore[return-value]


def run_native(script: Path, workdir: Path) -> Run:
    log, report = workdir / "native.log", workdir / "native.json"
    result, stdout, stderr = _step(
        ["tests.agents.worker", "native", str(script), str(report)], report, ready=True, log=log
    )
    if result is None:
        return Run("CRASHED", stdout, _read_log(log), processes=1, detail=stderr)
    return Run(result["status"], stdout, _read_log(log), _error(result), processes=1, detail=result["detail"])


def run_uninterrupted(script: Path, workdir: Path) -> Run:
    log, report = workdir / "uninterrupted.log", workdir / "uninterrupted.json"
    args = ["tests.agents.worker", "uninterrupted", str(script), str(report)]
    result, _, stderr = _step(args, report, ready=True, log=log)
    if result is None:
        return Run("CRASHED", "", _read_log(log), processes=1, detail=stderr)
    return Run(
        result["status"],
        result["output"],
        _read_log(log),
        _error(result),
        _counter(result["counts"]),
        processes=1,
        detail=result["detail"],
    )


def unordered(log: list[Any]) -> list[Any]:
    """A log as a multiset, for scripts whose tasks run concurrently.

    Concurrent tasks call tools in an order that depends on the I/O timing,
    natively and on the VM, and a resumed job's tasks go on in the order
    their futures are approved; what must agree is which calls were made and
    how often.  An approval's ``id`` is the rank of the call among approvals,
    an order too, so it is left out.
    """
    entries = [{k: v for k, v in e.items() if not (k == "id" and e.get("tool") == "approval")} for e in log]
    return sorted(entries, key=lambda entry: json.dumps(entry, sort_keys=True))


def temporal_calls(log: list[Any]) -> int:
    return sum(1 for entry in log if entry.get("tool") in TEMPORAL_TOOLS)


def run_resumed(script: Path, workdir: Path, max_resumes: int = MAX_RESUMES) -> Run:
    log, report, snapshot = workdir / "resumed.log", workdir / "resumed.json", workdir / "job.snapshot"
    result, _, stderr = _step(
        ["tests.agents.worker", "start", str(script), str(report), str(snapshot)], report, ready=False, log=log
    )
    run = Run("CRASHED", detail=stderr, processes=1)
    output = ""
    while result is not None:
        run.counts.update(_counter(result.get("counts", [])))
        run.status, run.error, run.detail = result["status"], _error(result), result.get("detail", "")
        if "output" in result:
            if not result["output"].startswith(output):
                run.status, run.detail = (
                    "OUTPUT_REWRITTEN",
                    f"after {output!r} the job's output became {result['output']!r}",
                )
                break
            output = result["output"]
        if run.status != "SUSPENDED":
            break
        if run.processes > max_resumes:
            run.status = "WAITS_FOREVER"
            run.detail = f"still waiting after {max_resumes} waits\n{run.detail}"
            break
        file, line = result["location"]
        run.waits.append(f"{Path(file).name}:{line}")
        run.processes += 1
        result, _, stderr = _step(["tests.agents.resume", str(snapshot), str(report)], report, ready=False, log=log)
        if result is None:
            run.status, run.error, run.detail = "CRASHED", None, stderr
    run.output, run.log = output, _read_log(log)
    return run


# -- comparing ---------------------------------------------------------------------


def _first_difference(a: Any, b: Any) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def differences(native: Run, vm: Run, reference_counts: collections.Counter[Any] | None = None) -> list[str]:
    """How a VM run differs from the native run (empty when they agree)."""
    problems = []
    if native.status not in ("COMPLETED", "FAILED"):
        return [f"the native run did not finish ({native.status}): a harness problem\n{native.detail}"]
    if (native.status, native.error) != (vm.status, vm.error):
        problems.append(f"outcome: native {native.summary()!r}, VM {vm.summary()!r}")
    expected, actual = normalize(native.output), normalize(vm.output)
    if expected != actual:
        diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "native", "vm", lineterm="", n=1))
        if not diff:  # the lines agree; their endings do not
            at = _first_difference(expected, actual)
            diff = [f"at character {at}: native {expected[at - 10 : at + 10]!r}, VM {actual[at - 10 : at + 10]!r}"]
        problems.append("output:\n" + "\n".join(diff[:40]))
    if native.log != vm.log:
        at = _first_difference(native.log, vm.log)
        problems.append(
            f"side-effect log: {len(native.log)} entries natively, {len(vm.log)} on the VM; first difference at "
            f"entry {at}: native {native.log[at] if at < len(native.log) else None!r}, "
            f"VM {vm.log[at] if at < len(vm.log) else None!r}"
        )
    same_end = (native.status, native.error) == (vm.status, vm.error)
    if reference_counts is not None and same_end and vm.counts != reference_counts:
        extra = +(vm.counts - reference_counts)
        missing = +(reference_counts - vm.counts)
        problems.append(
            f"instruction counts: {sum(extra.values())} executions more and {sum(missing.values())} fewer than "
            f"uninterrupted (instructions run more often: {sorted(i for _, i in extra)[:10]}, "
            f"less often: {sorted(i for _, i in missing)[:10]})"
        )
    if problems and vm.detail:
        problems.append("VM detail:\n" + vm.detail.strip()[-3000:])
    return problems


@dataclass
class Verdict:
    script: Path
    native: Run
    uninterrupted: Run
    resumed: Run

    def uninterrupted_differences(self) -> list[str]:
        return differences(self.native, self.uninterrupted)

    def resumed_differences(self) -> list[str]:
        return differences(self.native, self.resumed, self.uninterrupted.counts)


# The check running on this thread runs the VM's jobs sandboxed (check(sandboxed=True)).
_CHECKING = threading.local()


def check(script: Path, workdir: Path | None = None, *, sandboxed: bool | None = None) -> Verdict:
    """All three runs of one script (sequentially; see :func:`check_all`).

    ``sandboxed``: the VM's runs (and resumes) are under a ``statek_vm.Sandbox``;
    by default when ``STATEK_TEST_SANDBOX=1``.
    """
    if sandboxed is None:
        sandboxed = os.environ.get("STATEK_TEST_SANDBOX") == "1"
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix=f"agents-{script.stem}-") as scratch:
            return check(script, Path(scratch), sandboxed=sandboxed)
    _CHECKING.sandboxed = sandboxed
    try:
        return _check(script, workdir)
    finally:
        _CHECKING.sandboxed = False


def _check(script: Path, workdir: Path) -> Verdict:
    native = run_native(script, workdir)
    max_resumes = min(MAX_RESUMES, temporal_calls(native.log) + 1)
    verdict = Verdict(script, native, run_uninterrupted(script, workdir), run_resumed(script, workdir, max_resumes))
    if script.parent == CORPUS_ASYNC:
        for run in (verdict.native, verdict.uninterrupted, verdict.resumed):
            run.log = unordered(run.log)
        for run in (verdict.uninterrupted, verdict.resumed):
            run.counts = outside_await_loops(run.counts, script)
    return verdict


def outside_await_loops(counts: collections.Counter[Any], script: Path) -> collections.Counter[Any]:
    """``counts`` without the instructions of ``await`` loops, for scripts whose tasks run concurrently.

    An await's loop spins once more each time what it awaits is not done
    yet: as often as the scheduling of the tasks makes it, natively too
    (tests/vm/gates.py, AWAIT_LOOP).  Every other instruction must run as
    often as in the uninterrupted run.
    """
    from statek_vm.program.program import compile_program
    from tests.vm.gates import in_await_loop

    program = compile_program(script.read_text(encoding="utf-8"), str(script))  # (as the worker runs it)
    return collections.Counter(
        {key: n for key, n in counts.items() if not (key[0] == program.hash and in_await_loop(program, key[1]))}
    )


def check_all(paths: list[Path], workers: int | None = None) -> list[Verdict]:
    with ThreadPoolExecutor(max_workers=workers or max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(check, paths))


def main(argv: list[str]) -> int:
    paths: list[Path] = []
    for arg in argv or [str(CORPUS)]:
        path = Path(arg).resolve()
        paths.extend(scripts(path) if path.is_dir() else [path])
    failed = 0
    for verdict in check_all(paths):
        native_problems = verdict.uninterrupted_differences()
        resumed_problems = verdict.resumed_differences()
        ok = not native_problems and not resumed_problems
        failed += not ok
        resumed = verdict.resumed
        print(f"{'ok  ' if ok else 'FAIL'} {verdict.script.name}: {len(resumed.waits)} waits, {resumed.summary()}")
        for problem in native_problems:
            print("    uninterrupted:", problem.replace("\n", "\n    "))
        for problem in resumed_problems:
            print("    resumed:", problem.replace("\n", "\n    "))
    print(f"{len(paths) - failed} of {len(paths)} scripts agree with native CPython")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
