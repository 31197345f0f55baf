"""Run scripts natively and on the VM, every resume of a job in a process that never saw it.

``compare(scripts)`` runs each script twice: natively by CPython (every
future ready at once), and on the VM suspending at every wait, where each
round of resumes happens in a new Python process that loads the jobs from
their snapshot files.  It returns, per script, the two :class:`Outcome` s.
The bindings are ``tests/snapshot/durable.py``'s (``wait``, ``effect``).

Usage as a process: ``python -m tests.snapshot.fresh ROUND DIR`` (the test
side calls it).
"""

from __future__ import annotations

import ast
import asyncio
import collections
import contextlib
import inspect
import io
import json
import linecache
import os
import re
import subprocess
import sys
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KEY = b"fresh-process-test-key".ljust(32, b".")
FILENAME = "agent.py"
MAX_ROUNDS = 150
# Under CI, the hypothesis properties that resume in fresh processes try fewer batches.
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@dataclass
class Outcome:
    status: str
    output: str
    effects: list[Any]
    error: str | None  # "Type: message"
    traceback: str | None  # rendered as traceback.format_exception renders it, carets dropped
    counts: dict[str, int] | None = None


def without_column_marks(text: str) -> str:
    # Traceback entries of script frames on the VM have no column positions
    # (a documented difference), so no line of ^ and ~ marks.
    return "\n".join(line for line in text.splitlines() if not re.fullmatch(r"\s*[\^~]+\s*", line))


def render(error: BaseException, skip_first: bool = False) -> str:
    tb = error.__traceback__
    if skip_first and tb is not None:
        error = error.with_traceback(tb.tb_next)
    return without_column_marks("".join(traceback.format_exception(error)))


def _effects(log: Path) -> list[Any]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


# -- the processes ------------------------------------------------------------------------


def _native(work: Path, names: list[str]) -> None:
    os.environ["STATEK_TEST_READY"] = "1"
    from tests.snapshot import durable

    for name in names:
        source = (work / f"{name}.py").read_text()
        # The script has no file: its lines are found as the VM finds them.
        linecache.cache[FILENAME] = (len(source), None, source.splitlines(keepends=True), FILENAME)
        log = work / f"{name}.native.log"
        os.environ["STATEK_TEST_LOG"] = str(log)
        out = io.StringIO()
        namespace = {"__name__": "__main__", "__builtins__": __builtins__, **durable.bindings()}
        status, error, tb = "COMPLETED", None, None
        with contextlib.redirect_stdout(out):
            try:
                # Top-level await compiles as it does on the VM, and runs on an event loop.
                code = compile(source, FILENAME, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
                result = eval(code, namespace)
                if inspect.iscoroutine(result):
                    asyncio.run(result)
            except Exception as e:  # noqa: BLE001 - the script's own failure
                status, error, tb = "FAILED", f"{type(e).__name__}: {e}", render(e, skip_first=True)
        result = Outcome(status, out.getvalue(), _effects(log), error, tb)
        (work / f"{name}.native.json").write_text(json.dumps(asdict(result)))


def _open_gates(awaited: Any) -> None:
    """Every future the job waits for made ready (several, when tasks of its event loop wait at once)."""
    from statek_vm.future import CombinedFuture

    if isinstance(awaited, CombinedFuture):
        for future in awaited._futures:
            _open_gates(future)
    elif hasattr(awaited, "deps") and hasattr(awaited.deps, "open"):
        awaited.deps.open = True


def _vm_round(work: Path, names: list[str], round_: int) -> None:
    import statek_vm
    from tests.snapshot import durable

    for name in names:
        snapshot = work / f"{name}.snapshot"
        counts: collections.Counter[Any] = collections.Counter()
        os.environ["STATEK_TEST_LOG"] = str(work / f"{name}.vm.log")
        if round_ == 0:
            source = (work / f"{name}.py").read_text()
            job = statek_vm.run(source, durable.bindings(), filename=FILENAME, instruction_counts=counts)
        elif snapshot.exists():
            job = statek_vm.Job.loads(snapshot.read_bytes(), durable.bindings(), key=KEY, instruction_counts=counts)
            _open_gates(job.awaited_result)
            job.resume()
        else:
            continue
        _add_counts(work / f"{name}.counts.json", counts, job.program.hash)
        if job.status == "SUSPENDED":
            try:
                snapshot.write_bytes(job.dumps(key=KEY))
            except Exception as e:  # noqa: BLE001 - reported as the outcome
                snapshot.unlink(missing_ok=True)
                _vm_result(work, name, "SNAPSHOT-ERROR", job.output, f"{type(e).__name__}: {e}", None)
            continue
        snapshot.unlink(missing_ok=True)
        error = tb = None
        if job.error is not None:
            error, tb = f"{type(job.error).__name__}: {job.error}", render(job.error)
        _vm_result(work, name, job.status.value, job.output, error, tb)


def _add_counts(path: Path, counts: collections.Counter[Any], program: str) -> None:
    # The script's own instructions: the VM's re-stated builtins are a program
    # of their own, numbered in the order a process first uses them.
    total = collections.Counter(json.loads(path.read_text())) if path.exists() else collections.Counter()
    for (digest, number), n in counts.items():
        if digest == program:
            total[str(number)] += n
    path.write_text(json.dumps(total))


def _vm_result(work: Path, name: str, status: str, output: str, error: str | None, tb: str | None) -> None:
    result = Outcome(status, output, _effects(work / f"{name}.vm.log"), error, tb)
    (work / f"{name}.vm.json").write_text(json.dumps(asdict(result)))


def main() -> None:
    round_, work = sys.argv[1], Path(sys.argv[2])
    names = json.loads((work / "names.json").read_text())
    if round_ == "native":
        _native(work, names)
    else:
        _vm_round(work, names, int(round_))


# -- the test side ------------------------------------------------------------------------


def _process(work: Path, round_: str) -> None:
    # Every round's process makes str hashes with one secret, as the
    # processes that run jobs should (docs/guides/snapshots-keys.md, "Loading runs no script
    # code"): these scripts count their __hash__ calls, which run again at
    # load where the secret differs (tests/snapshot/test_hash_seeds.py and
    # the agent corpus, whose processes each have their own, cover that).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    env.pop("STATEK_TEST_READY", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.snapshot.fresh", round_, str(work)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    if done.returncode != 0:
        raise AssertionError(f"round {round_} failed:\n{done.stdout}\n{done.stderr}")


def compare(scripts: dict[str, str], work: Path) -> dict[str, tuple[Outcome, Outcome]]:
    """``{name: (native, vm)}`` for every script, the VM's runs each in fresh processes."""
    work.mkdir(parents=True, exist_ok=True)
    for name, source in scripts.items():
        (work / f"{name}.py").write_text(source)
    (work / "names.json").write_text(json.dumps(sorted(scripts)))
    _process(work, "native")
    for round_ in range(MAX_ROUNDS):
        _process(work, str(round_))
        if not any((work / f"{name}.snapshot").exists() for name in scripts):
            break
    results = {}
    for name in scripts:
        native = Outcome(**json.loads((work / f"{name}.native.json").read_text()))
        path = work / f"{name}.vm.json"
        vm = Outcome(**json.loads(path.read_text())) if path.exists() else Outcome("STILL-SUSPENDED", "", [], None, None)
        counts = work / f"{name}.counts.json"
        vm.counts = json.loads(counts.read_text()) if counts.exists() else None
        results[name] = (native, vm)
    return results


def uninterrupted_counts(source: str) -> dict[str, int]:
    """Per-instruction counts of one VM run in this process with every future ready."""
    import statek_vm
    from tests.snapshot import durable

    counts: collections.Counter[Any] = collections.Counter()
    os.environ["STATEK_TEST_READY"] = "1"
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            job = statek_vm.run(source, durable.bindings(), filename=FILENAME, instruction_counts=counts)
    finally:
        del os.environ["STATEK_TEST_READY"]
    return {str(number): n for (digest, number), n in counts.items() if digest == job.program.hash}


def check_as_native(
    scripts: dict[str, str], work: Path, monkeypatch: Any, *, tasks: bool = False
) -> None:
    """Each script, resumed in fresh processes, ends as natively, with one uninterrupted run's counts.

    ``tasks``: the scripts run concurrent tasks, whose interleaving depends on
    what is ready when: the instructions of an ``await``'s own loop (SEND and
    the yield that passes on what the awaited object yields) spin as often
    as what they await is not done yet, and are left out of the comparison
    of counts (tests/vm/test_exact_once_tasks.py).
    """
    results = compare(scripts, work)
    monkeypatch.setenv("STATEK_TEST_LOG", str(work / "uninterrupted.log"))
    for name, (native, vm) in results.items():
        source = scripts[name]
        assert native.status == "COMPLETED", f"generated program is invalid: {native.error}\n{source}"
        assert (vm.status, vm.error) == (native.status, native.error), source
        assert vm.output == native.output, source
        assert vm.effects == native.effects, source
        expected = uninterrupted_counts(source)
        got = vm.counts
        if tasks and got is not None:
            got, expected = _outside_await_loops(got, source), _outside_await_loops(expected, source)
        assert got == expected, source


def _outside_await_loops(counts: dict[str, int], source: str) -> dict[str, int]:
    from statek_vm.program.program import compile_program
    from tests.vm.gates import in_await_loop

    program = compile_program(source, FILENAME)
    return {number: n for number, n in counts.items() if not in_await_loop(program, int(number))}


if __name__ == "__main__":
    main()
