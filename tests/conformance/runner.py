"""Run CPython's own language test modules natively and on the VM, and compare.

For every module (``test_grammar``, ``test_generators``, ...) of the running
interpreter's ``Lib/test``, two runs happen, each in a fresh subprocess:

* **native**: ``import test.<name>`` as usual, then
  ``unittest.TestLoader().loadTestsFromModule(module)``, which calls the
  module's ``load_tests`` when it has one (that is how ``test_generators``,
  ``test_genexps`` and friends add their doctests).
* **vm**: the module's source is executed by the VM, so the module body and
  every function, class, method and test defined in it runs on VM frames.
  The tests are then loaded and run exactly as natively.  unittest and
  doctest are host code; each test method they call is a script function, so
  it runs in a nested VM run.

The result of each run is the outcome of every test (passed, failed, error,
skipped).  A module's score is the number of tests that pass natively and
also pass on the VM; every test that passes natively but not on the VM is
listed with a one-line reason.

How the VM run makes the script's namespace *be* the module
------------------------------------------------------------
``statek_vm.run(source, globals)`` copies ``globals`` into a fresh dict.  A
test module needs more: while its body runs, ``sys.modules["test.<name>"]``
must already hold its globals (``dataclasses`` resolves string annotations
through it, ``pickle`` finds classes through it, ``doctest.DocTestSuite()``
finds the calling module through it), and every function it defines must
have the module's ``__dict__`` as ``__globals__``.  So the runner builds the
module with ``importlib.util.module_from_spec`` (real ``__spec__``,
``__loader__``, ``__file__``, ``__package__``, ``__path__`` for a package),
registers it in ``sys.modules`` and on its parent package, and runs the
program with the module's own ``__dict__`` as the job's namespace (see
:func:`run_on_vm`).  Its ``__builtins__`` is the ``builtins`` module's dict, as
for any imported module: ``print`` writes to ``sys.stdout``, which tests
capture, instead of the job's output buffer.

Doctests on the VM
------------------
doctest compiles and executes each example itself.  In the VM run, the
``compile``/``exec`` pair that ``doctest.DocTestRunner`` uses is replaced
(module globals of ``doctest`` shadow the builtins) so that every example is
compiled by CPython (same ``SyntaxError`` as natively) and then executed by
the VM in ``"single"`` mode, with the doctest's globals as its namespace.
Code defined in a doctest (the generators of ``test_generators``) therefore
runs on the VM too.  An example compiled with ``from __future__`` flags runs
natively, and is counted in ``doctest_native_examples``.

``doctest.DocTestSuite()`` called without a module (as the ``load_tests`` of
these modules do) finds its module with ``sys._getframe``; while the VM's
frames are invisible to it, such doctests are not collected on the VM and
count as lost.  ``--doctest-module-hint`` measures them anyway (the floors
never use it).

Hangs and crashes
-----------------
Each run is a subprocess that reports every test as it starts and ends, so a
run that dies or is killed (``--timeout``, per module) still reports the
tests it finished and names the one in progress.  A single test using more
than ``--test-timeout`` seconds of CPU time (or five times that of wall time,
when it is blocked) is interrupted and recorded as an error; the
recursion limit is restored after each test, in case the interrupted test
had lowered it.

Usage::

    python -m tests.conformance.runner                      # every module
    python -m tests.conformance.runner test_grammar test_patma --json out.json
    python -m tests.conformance.runner --jobs 1 --timeout 600
    python -m tests.conformance.runner --update-floors      # after an improvement

The worker half of this module (``--worker``) is what each subprocess runs.
"""

from __future__ import annotations

import argparse
import builtins
import contextlib
import dataclasses
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

# CPython's language test modules: syntax, scoping, exceptions, classes,
# descriptors, comprehensions, generators, coroutines, pattern matching.
MODULES: tuple[str, ...] = (
    "test_grammar",
    "test_scope",
    "test_exceptions",
    "test_raise",
    "test_with",
    "test_contextlib",
    "test_class",
    "test_super",
    "test_descr",
    "test_augassign",
    "test_unpack",
    "test_unpack_ex",
    "test_keywordonlyarg",
    "test_positional_only_arg",
    "test_fstring",
    "test_string_literals",
    "test_opcodes",
    "test_patma",
    "test_named_expressions",
    "test_generators",
    "test_genexps",
    "test_listcomps",
    "test_setcomps",
    "test_dictcomps",
    "test_coroutines",
    "test_exception_group",
    "test_except_star",
    "test_dataclasses",
    "test_decorators",
    "test_property",
    "test_global",
)

MODES = ("native", "vm")

# A whole module run (one subprocess) is killed after this many seconds.
DEFAULT_MODULE_TIMEOUT = 600.0
# A single test is interrupted (reported as an error) after this many seconds
# of the process's CPU time, so that one looping test does not cost the rest
# of its module.  CPU time, not wall time: on a loaded machine (other test
# runs beside this one) a test's wall time stretches, its CPU time does not.
# Natively no test of these modules takes more than a few seconds.
DEFAULT_TEST_TIMEOUT = 60.0
# A test blocked without using the processor (waiting on a lock or a sleep
# that never ends) is interrupted after this many times the limit of wall time.
_WALL_FACTOR = 5
# After the first interruption, a test that swallowed it (``except
# BaseException``, or a VM that turned it into something else) is
# interrupted again this often.
_TIMEOUT_REPEAT = 10.0

# Outcomes of one test.  ``expected failure`` counts as passed, as it does for
# unittest; ``unexpected success`` counts as failed.
PASSED, FAILED, ERROR, SKIPPED = "passed", "failed", "error", "skipped"
# A test that was started but whose process died or was killed.
CRASHED, TIMEOUT = "crashed", "timeout"


# ---------------------------------------------------------------- locating --


def stdlib_test_dir() -> Path:
    """The running interpreter's own ``Lib/test`` folder."""
    import test

    return Path(test.__file__).resolve().parent


def module_source_path(name: str) -> Path:
    """The source file of ``test.<name>``: ``<name>.py``, or ``<name>/__init__.py``
    when the module is a package (``test_dataclasses`` is one on 3.11)."""
    folder = stdlib_test_dir()
    package = folder / name / "__init__.py"
    if package.is_file():
        return package
    single = folder / f"{name}.py"
    if single.is_file():
        return single
    raise FileNotFoundError(f"no test module {name!r} in {folder}")


# ------------------------------------------------------------------ worker --


class _TestTimeout(BaseException):
    """Raised into a test that ran longer than the per-test timeout.

    A ``BaseException`` so that a test's own ``except Exception`` does not
    swallow it; unittest records it as the test's error."""


class _EventLog:
    """One JSON object per line, flushed at once: if the process dies or is
    killed, the parent still knows every finished test and the one in progress."""

    def __init__(self, path: str) -> None:
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker

    def write(self, **event: Any) -> None:
        self._file.write(json.dumps(event, default=repr) + "\n")
        self._file.flush()


def one_line_reason(err: tuple[Any, BaseException, Any], source_file: str | None = None) -> str:
    """``Type: first line of message`` for an ``exc_info`` triple, with the line of
    the test module where it was raised, when the traceback passes through it.

    For a failed doctest, the first failing example and what it produced."""
    exc_type, exc, tb = err
    text = str(exc)
    if "Failed example:" in text:
        return _doctest_reason(text)
    first = text.strip().splitlines()[0] if text.strip() else ""
    reason = f"{exc_type.__name__}: {first}" if first else exc_type.__name__
    if source_file is not None:
        line = None
        for entry in traceback.extract_tb(tb):
            if entry.filename == source_file:
                line = entry.lineno
        if line is not None:
            reason += f" (line {line})"
    return _shorten(reason)


def _doctest_reason(report: str) -> str:
    """The first failing example of a doctest failure report, and its outcome.

    doctest reports each failure as ``Failed example:``, the example's source,
    then either ``Expected:``/``Got:`` blocks or ``Exception raised:`` and an
    indented traceback whose last line is ``Type: message``."""
    blocks = report.split("Failed example:")
    failed = len(blocks) - 1
    first = blocks[1].split("\n" + "-" * 70)[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    example = lines[0] if lines else ""
    outcome = ""
    if "Exception raised:" in lines:
        outcome = "raised " + lines[-1]
    elif "Got:" in lines:
        got = lines[lines.index("Got:") + 1 :]
        outcome = "got " + (got[0] if got else "")
    elif lines and lines[-1].startswith("Got nothing"):
        outcome = "got nothing"
    return _shorten(f"doctest: {failed} example(s) failed; first: {example} -> {outcome}")


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _make_result_class(log: _EventLog, source_file: str, test_timeout: float) -> type:
    import unittest

    def _on_cpu_limit(signum: int, frame: Any) -> None:
        raise _TestTimeout(f"test used more than {test_timeout:.0f} s of CPU time")

    def _on_wall_limit(signum: int, frame: Any) -> None:
        raise _TestTimeout(f"test ran longer than {test_timeout * _WALL_FACTOR:.0f} s")

    use_alarm = test_timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        signal.signal(signal.SIGPROF, _on_cpu_limit)
        signal.signal(signal.SIGALRM, _on_wall_limit)

    class Result(unittest.TestResult):
        """Records each test's outcome as an event; subtests fold into their test."""

        def __init__(self) -> None:
            super().__init__()
            self._status: dict[str, tuple[str, str]] = {}
            self._started: dict[str, float] = {}
            self._recursion_limit = sys.getrecursionlimit()

        def _set(self, test: Any, status: str, reason: str = "") -> None:
            key = test.id()
            old = self._status.get(key)
            # The first failure of a test (or of one of its subtests) is its reason.
            if old is not None and old[0] in (FAILED, ERROR):
                return
            self._status[key] = (status, reason)

        def startTest(self, test: Any) -> None:
            super().startTest(test)
            self._started[test.id()] = time.monotonic()
            log.write(event="start", id=test.id())
            if use_alarm:
                signal.setitimer(signal.ITIMER_PROF, test_timeout, _TIMEOUT_REPEAT)
                signal.setitimer(signal.ITIMER_REAL, test_timeout * _WALL_FACTOR, _TIMEOUT_REPEAT)

        def stopTest(self, test: Any) -> None:
            if use_alarm:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.setitimer(signal.ITIMER_REAL, 0)
            # A test that lowers the recursion limit restores it in a
            # ``finally``; an interrupted one may not have, and must not cost
            # the tests after it.
            if sys.getrecursionlimit() != self._recursion_limit:
                sys.setrecursionlimit(self._recursion_limit)
            super().stopTest(test)
            key = test.id()
            status, reason = self._status.get(key, (PASSED, ""))
            extra: dict[str, Any] = {}
            counts = _doctest_counts(test)
            if counts is not None:
                extra["examples"] = counts
            log.write(
                event="test",
                id=key,
                status=status,
                reason=reason,
                seconds=round(time.monotonic() - self._started.pop(key, time.monotonic()), 3),
                **extra,
            )

        def addSuccess(self, test: Any) -> None:
            super().addSuccess(test)
            self._set(test, PASSED)

        def addExpectedFailure(self, test: Any, err: Any) -> None:
            super().addExpectedFailure(test, err)
            self._set(test, PASSED, "expected failure")

        def addUnexpectedSuccess(self, test: Any) -> None:
            super().addUnexpectedSuccess(test)
            self._set(test, FAILED, "unexpected success")

        def addSkip(self, test: Any, reason: str) -> None:
            super().addSkip(test, reason)
            if isinstance(test, unittest.TestCase) and not _is_error_holder(test):
                self._set(test, SKIPPED, _shorten(str(reason)))
            else:
                log.write(event="fixture", id=test.id(), status=SKIPPED, reason=_shorten(str(reason)))

        def addFailure(self, test: Any, err: Any) -> None:
            super().addFailure(test, err)
            self._record_problem(test, FAILED, err)

        def addError(self, test: Any, err: Any) -> None:
            super().addError(test, err)
            self._record_problem(test, ERROR, err)

        def addSubTest(self, test: Any, subtest: Any, err: Any) -> None:
            super().addSubTest(test, subtest, err)
            if err is not None:
                status = FAILED if issubclass(err[0], test.failureException) else ERROR
                self._set(test, status, f"{subtest._subDescription()}: {one_line_reason(err, source_file)}")

        def _record_problem(self, test: Any, status: str, err: Any) -> None:
            reason = one_line_reason(err, source_file)
            if _is_error_holder(test):
                # setUpModule/setUpClass failed: its tests never start.
                log.write(event="fixture", id=test.id(), status=status, reason=reason)
                return
            self._set(test, status, reason)

    return Result


def _test_method_kinds(suite: Any) -> dict[str, int]:
    """How many test methods are script functions (run on the VM) and how many
    are native: a VM run whose methods are native would measure nothing."""
    try:
        from statek_vm.vm import VMFunction
    except ImportError:
        return {}
    kinds = {"vm_methods": 0, "native_methods": 0}
    stack = [suite]
    while stack:
        item = stack.pop()
        if hasattr(item, "__iter__"):
            stack.extend(item)
            continue
        method = getattr(type(item), getattr(item, "_testMethodName", ""), None)
        if method is None or type(item).__name__ == "DocTestCase" or not callable(method):
            continue
        if getattr(method, "__unittest_skip__", False):
            continue  # replaced by a native function that only raises SkipTest
        # A decorated test (``@cpython_only``, ``@skipIf``) is a native wrapper
        # around the script function it names in ``__wrapped__``.
        while not isinstance(method, VMFunction) and getattr(method, "__wrapped__", None) is not None:
            method = method.__wrapped__
        kinds["vm_methods" if isinstance(method, VMFunction) else "native_methods"] += 1
    return kinds


def _is_error_holder(test: Any) -> bool:
    return type(test).__name__ == "_ErrorHolder"


def _doctest_counts(test: Any) -> dict[str, int] | None:
    """For a doctest case: its number of examples and how many failed."""
    dt = getattr(test, "_dt_test", None)
    if dt is None:
        return None
    return {"total": len(dt.examples), "failed": getattr(test, "_statek_failed_examples", 0)}


def _count_doctest_failures() -> None:
    """Record on each DocTestCase how many of its examples failed, for the report."""
    import doctest

    original = doctest.DocTestCase.runTest

    def runTest(self: Any) -> None:
        try:
            original(self)
        except self.failureException as e:
            self._statek_failed_examples = str(e).count("Failed example:")
            raise
        except BaseException:
            self._statek_failed_examples = len(self._dt_test.examples)
            raise

    doctest.DocTestCase.runTest = runTest  # type: ignore[method-assign]


class _VMSource:
    """What ``compile`` returns to doctest in a VM run: the example's source,
    already checked by CPython's compiler, to be executed by the VM."""

    __slots__ = ("filename", "mode", "source")

    def __init__(self, source: str, filename: str, mode: str) -> None:
        self.source, self.filename, self.mode = source, filename, mode


def _run_doctests_on_vm(stats: dict[str, int]) -> None:
    """Make doctest execute its examples on the VM (see the module docstring)."""
    import __future__  # noqa: I001 - the module of future features, not a future import
    import doctest

    future_flags = 0
    for feature in __future__.all_feature_names:
        future_flags |= getattr(__future__, feature).compiler_flag

    def compile(
        source: Any, filename: str, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1
    ) -> Any:
        code = builtins.compile(source, filename, mode, flags, dont_inherit, optimize)
        if flags & future_flags or not isinstance(source, str):
            stats["native"] += 1
            return code
        stats["vm"] += 1
        return _VMSource(source, filename, mode)

    def exec(code: Any, globals: Any = None, locals: Any = None) -> None:
        if not isinstance(code, _VMSource):
            builtins.exec(code, globals, locals)
            return
        job = run_on_vm(code.source, code.filename, globals, mode=code.mode)
        if job.status == "FAILED":
            raise job.error
        if job.status != "COMPLETED":
            raise RuntimeError(f"doctest example ended {job.status}")

    doctest.compile = compile  # type: ignore[attr-defined]
    doctest.exec = exec  # type: ignore[attr-defined]


def _hint_doctest_module(fullname: str) -> None:
    """Make ``doctest.DocTestSuite()`` without a module mean the module under test.

    doctest finds "the calling module" with ``sys._getframe``, which on the VM
    does not see script frames; with this hint (``--doctest-module-hint``) the
    doctests themselves are measured even while that is so."""
    import doctest

    original = doctest._normalize_module

    def _normalize_module(module: Any, depth: int = 2) -> Any:
        if module is None:
            return sys.modules[fullname]
        return original(module, depth)

    doctest._normalize_module = _normalize_module  # type: ignore[attr-defined]


def run_on_vm(source: str, filename: str, namespace: dict[str, Any], *, mode: str = "exec") -> Any:
    """Run ``source`` on the VM with ``namespace`` itself as its globals; return the job.

    A module must keep its own ``__dict__`` (see the module docstring):
    ``statek_vm.run(namespace=...)`` uses it as it is.  ``namespace`` holds
    ``__builtins__`` (the real ones, as for any imported module).
    """
    import statek_vm

    return statek_vm.run(source, filename=filename, namespace=namespace, mode=mode)


def _load_module_on_vm(name: str, log: _EventLog) -> Any:
    """Build ``test.<name>`` as a real module whose body runs on the VM."""
    import importlib.util
    import tokenize

    fullname = f"test.{name}"
    path = module_source_path(name)
    spec = importlib.util.spec_from_file_location(
        fullname, path, submodule_search_locations=[str(path.parent)] if path.name == "__init__.py" else None
    )
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__builtins__ = builtins.__dict__  # type: ignore[attr-defined]
    sys.modules[fullname] = module
    import test

    setattr(test, name, module)
    with tokenize.open(path) as f:
        source = f.read()
    started = time.monotonic()
    job = run_on_vm(source, str(path), module.__dict__)
    body: dict[str, Any] = {"status": str(job.status), "seconds": round(time.monotonic() - started, 3)}
    if job.status != "COMPLETED":
        error = job.error
        body["error"] = one_line_reason((type(error), error, error.__traceback__), str(path)) if error else ""
        body["traceback"] = "".join(traceback.format_exception(error))[-4000:] if error else ""
    log.write(event="body", **body)
    return module


def worker(mode: str, name: str, events_path: str, test_timeout: float, *, doctest_module_hint: bool = False) -> int:
    """Run one module's tests in this process (``mode`` is native or vm)."""
    import importlib
    import unittest

    log = _EventLog(events_path)
    log.write(event="begin", mode=mode, module=name, python=sys.version.split()[0])
    source_file = str(module_source_path(name))
    _count_doctest_failures()
    doctest_stats = {"vm": 0, "native": 0}
    try:
        if mode == "native":
            module = importlib.import_module(f"test.{name}")
        else:
            _run_doctests_on_vm(doctest_stats)
            if doctest_module_hint:
                _hint_doctest_module(f"test.{name}")
            module = _load_module_on_vm(name, log)
        suite = unittest.TestLoader().loadTestsFromModule(module)
    except BaseException as e:  # noqa: BLE001 - a module that cannot load is a result
        log.write(
            event="load_error",
            reason=one_line_reason((type(e), e, e.__traceback__), source_file),
            traceback="".join(traceback.format_exception(e))[-4000:],
        )
        log.write(event="end")
        return 0
    log.write(event="loaded", count=suite.countTestCases(), **_test_method_kinds(suite))
    result = _make_result_class(log, source_file, test_timeout)()
    started = time.monotonic()
    suite.run(result)
    log.write(
        event="end",
        seconds=round(time.monotonic() - started, 3),
        doctest_vm_examples=doctest_stats["vm"],
        doctest_native_examples=doctest_stats["native"],
    )
    return 0


# ------------------------------------------------------------------ parent --


@dataclasses.dataclass
class ModeRun:
    """What one subprocess (one module, one mode) produced."""

    mode: str
    status: str = "ok"  # ok | timeout | crashed | load_error
    seconds: float = 0.0
    tests: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    fixtures: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    body: dict[str, Any] | None = None
    error: str = ""
    loaded: int | None = None
    doctest_vm_examples: int = 0
    doctest_native_examples: int = 0
    # The worker reported the end of its run (it did not die on the way).
    ended: bool = False
    # Test methods that are script functions / native functions (VM runs).
    method_kinds: dict[str, int] = dataclasses.field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {"run": 0, PASSED: 0, FAILED: 0, ERROR: 0, SKIPPED: 0, CRASHED: 0, TIMEOUT: 0}
        for t in self.tests.values():
            out[t["status"]] = out.get(t["status"], 0) + 1
            if t["status"] != SKIPPED:
                out["run"] += 1
        return out

    def passed(self) -> set[str]:
        return {k for k, t in self.tests.items() if t["status"] == PASSED}


def run_mode(
    name: str, mode: str, *, timeout: float, test_timeout: float, doctest_module_hint: bool = False
) -> ModeRun:
    """Run one module in one mode in a fresh subprocess and read its events."""
    run = ModeRun(mode)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    with tempfile.TemporaryDirectory(prefix=f"conformance-{name}-{mode}-") as tmp:
        events = Path(tmp) / "events.jsonl"
        stderr_path = Path(tmp) / "stderr.txt"
        cmd = [
            sys.executable,
            "-m",
            "tests.conformance.runner",
            "--worker",
            mode,
            name,
            "--events",
            str(events),
            "--test-timeout",
            str(test_timeout),
        ]
        if doctest_module_hint:
            cmd.append("--doctest-module-hint")
        started = time.monotonic()
        with open(stderr_path, "wb") as err:
            # The worker runs in its own session and folder, so that a timeout
            # can end it and anything it spawned, and files tests leave behind
            # stay out of the repository.
            proc = subprocess.Popen(
                cmd,
                cwd=tmp,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
            )
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill_group(proc)
                code = None
        run.seconds = round(time.monotonic() - started, 1)
        in_progress = _read_events(events, run)
        stderr_tail = stderr_path.read_bytes()[-2000:].decode("utf-8", "replace").strip()
    if code is None:
        run.status = TIMEOUT
        run.error = f"module run killed after {timeout:.0f} s"
    elif not run.ended:
        run.status = CRASHED
        run.error = f"worker exited with code {code}: {stderr_tail.splitlines()[-1] if stderr_tail else ''}"
    if in_progress is not None and run.status != "ok":
        run.tests[in_progress] = {"status": run.status, "reason": run.error}
    return run


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _read_events(path: Path, run: ModeRun) -> str | None:
    """Fold the worker's events into ``run``; return the id of a test that
    started and never finished, if any."""
    in_progress = None
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut by a kill
        kind = event.pop("event")
        if kind == "start":
            in_progress = event["id"]
        elif kind == "test":
            in_progress = None
            run.tests[event.pop("id")] = event
        elif kind == "fixture":
            run.fixtures.append(event)
        elif kind == "body":
            run.body = event
        elif kind == "loaded":
            run.loaded = event["count"]
            run.method_kinds = {k: v for k, v in event.items() if k.endswith("_methods")}
        elif kind == "load_error":
            run.status = "load_error"
            run.error = event["reason"]
            run.body = run.body or {}
            run.body["load_traceback"] = event.get("traceback", "")
        elif kind == "end":
            run.ended = True
            run.doctest_vm_examples = event.get("doctest_vm_examples", 0)
            run.doctest_native_examples = event.get("doctest_native_examples", 0)
    return in_progress


def compare(name: str, native: ModeRun, vm: ModeRun) -> dict[str, Any]:
    """One module's report: counts of both runs and every test lost on the VM."""
    native_pass = native.passed()
    vm_pass = vm.passed()
    kept = native_pass & vm_pass
    differences = []
    for test_id in sorted(native_pass - vm_pass):
        outcome = vm.tests.get(test_id)
        if outcome is None:
            differences.append({"id": test_id, "vm_status": "not run", "reason": _why_not_run(test_id, native, vm)})
        else:
            differences.append({"id": test_id, "vm_status": outcome["status"], "reason": outcome.get("reason", "")})
    report: dict[str, Any] = {
        "native": _mode_summary(native),
        "vm": _mode_summary(vm),
        "native_pass": len(native_pass),
        "vm_pass": len(kept),
        "percent": round(100.0 * len(kept) / len(native_pass), 1) if native_pass else 100.0,
        "differences": differences,
        "vm_only_passes": sorted(vm_pass - native_pass),
    }
    examples = _example_counts(native, vm, native_pass)
    if examples:
        report["doctest_examples"] = examples
    return report


def _why_not_run(test_id: str, native: ModeRun, vm: ModeRun) -> str:
    # A test the VM run never reported: its class or module fixture failed,
    # the module body stopped before defining it, or the process died.
    for fixture in vm.fixtures:
        holder = fixture["id"]
        if "(" in holder:
            owner = holder[holder.index("(") + 1 : holder.rindex(")")]
            if test_id.startswith(owner + "."):
                return f"{holder}: {fixture['reason']}"
    if vm.body and vm.body.get("status") not in (None, "COMPLETED"):
        return f"module body failed on the VM: {vm.body.get('error', '')}"
    if vm.status != "ok":
        return f"{vm.status}: {vm.error}"
    return f"not collected on the VM: loadTestsFromModule returned {vm.loaded} tests (natively {native.loaded})"


def _mode_summary(run: ModeRun) -> dict[str, Any]:
    summary: dict[str, Any] = {"status": run.status, "seconds": run.seconds, **run.counts()}
    if run.error:
        summary["error"] = run.error
    if run.body is not None:
        summary["body"] = run.body
    if run.fixtures:
        summary["fixture_problems"] = run.fixtures
    if run.mode == "vm":
        summary.update(run.method_kinds)
    if run.mode == "vm" and (run.doctest_vm_examples or run.doctest_native_examples):
        summary["doctest_examples_on_vm"] = run.doctest_vm_examples
        summary["doctest_examples_native"] = run.doctest_native_examples
    return summary


def _example_counts(native: ModeRun, vm: ModeRun, native_pass: set[str]) -> dict[str, int]:
    """Doctest examples: how many there are, how many pass natively and on the VM."""
    total = native_ok = vm_ok = 0
    for test_id, outcome in native.tests.items():
        examples = outcome.get("examples")
        if not examples:
            continue
        total += examples["total"]
        native_ok += examples["total"] - examples["failed"]
        vm_outcome = vm.tests.get(test_id, {})
        vm_examples = vm_outcome.get("examples")
        if vm_examples and vm_outcome.get("status") in (PASSED, FAILED, ERROR):
            vm_ok += vm_examples["total"] - vm_examples["failed"]
    if not total:
        return {}
    return {"total": total, "native_pass": native_ok, "vm_pass": vm_ok}


def run_modules(
    names: list[str] | tuple[str, ...] = MODULES,
    *,
    jobs: int = 2,
    timeout: float = DEFAULT_MODULE_TIMEOUT,
    test_timeout: float = DEFAULT_TEST_TIMEOUT,
    doctest_module_hint: bool = False,
    progress: Any = None,
) -> dict[str, Any]:
    """Run every module natively and on the VM, ``jobs`` subprocesses at a time.

    Returns the whole report (the structure written by ``--json``)."""
    started = time.monotonic()
    runs: dict[tuple[str, str], ModeRun] = {}
    lock = threading.Lock()

    def one(task: tuple[str, str]) -> None:
        name, mode = task
        result = run_mode(
            name, mode, timeout=timeout, test_timeout=test_timeout, doctest_module_hint=doctest_module_hint
        )
        with lock:
            runs[task] = result
            if progress is not None:
                c = result.counts()
                progress(
                    f"{name:<28} {mode:<6} {result.status:<9} {c[PASSED]:>4} passed of {c['run']:>4} run "
                    f"({result.seconds:.0f} s)"
                )

    # The VM runs are the slow ones: start them first so the pool stays busy.
    tasks = [(n, "vm") for n in names] + [(n, "native") for n in names]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(one, tasks))
    modules = {name: compare(name, runs[(name, "native")], runs[(name, "vm")]) for name in names}
    native_total = sum(m["native_pass"] for m in modules.values())
    vm_total = sum(m["vm_pass"] for m in modules.values())
    return {
        "python": sys.version.split()[0],
        "statek_vm": _statek_version(),
        "stdlib_tests": str(stdlib_test_dir()),
        "wall_seconds": round(time.monotonic() - started, 1),
        "jobs": jobs,
        "doctest_module_hint": doctest_module_hint,
        "modules": modules,
        "total": {
            "native_pass": native_total,
            "vm_pass": vm_total,
            "percent": round(100.0 * vm_total / native_total, 1) if native_total else 100.0,
        },
    }


def _statek_version() -> str:
    try:
        import statek_vm
    except ImportError:  # the parent needs only the standard library
        return "?"
    return str(statek_vm.__version__)


# ------------------------------------------------------------------ report --


def format_table(report: dict[str, Any]) -> str:
    """The markdown table: one row per module, then the total."""
    rows = ["| module | native pass | VM pass | % | notes |", "|---|---:|---:|---:|---|"]
    for name, m in report["modules"].items():
        notes = []
        for mode in MODES:
            s = m[mode]
            if s["status"] != "ok":
                notes.append(f"{mode} {s['status']}: {s.get('error', '')}")
        if m["vm"].get("native_methods"):
            notes.append(f"{m['vm']['native_methods']} test method(s) not traced to a script function")
        body = m["vm"].get("body")
        if body and body.get("status") != "COMPLETED":
            notes.append(f"module body: {body.get('error', '')}")
        if m["differences"]:
            notes.append(f"{len(m['differences'])} lost")
        ex = m.get("doctest_examples")
        if ex:
            notes.append(f"doctest examples {ex['vm_pass']}/{ex['native_pass']}")
        rows.append(
            f"| {name} | {m['native_pass']} | {m['vm_pass']} | {m['percent']:.1f} | "
            f"{'; '.join(notes).replace('|', '/')} |"
        )
    t = report["total"]
    rows.append(f"| **total** | **{t['native_pass']}** | **{t['vm_pass']}** | **{t['percent']:.1f}** | |")
    return "\n".join(rows)


def format_differences(report: dict[str, Any]) -> str:
    """Every test that passes natively but not on the VM, with its reason."""
    out = []
    for name, m in report["modules"].items():
        if not m["differences"]:
            continue
        out.append(f"\n## {name}: {len(m['differences'])} of {m['native_pass']} lost on the VM")
        for d in m["differences"]:
            out.append(f"- {d['id']} [{d['vm_status']}]: {d['reason']}")
    return "\n".join(out)


# ------------------------------------------------------------------ floors --

# Per module, how many natively passing tests must also pass on the VM
# (tests/conformance/test_conformance.py fails below it).  Each CPython minor
# version has its own file: its Lib/test has other tests, and some of them
# check what differs between versions.  3.11's is ``floors.json``, the others
# ``floors-3.12.json`` and so on.


def floors_file(version: tuple[int, int] = sys.version_info[:2]) -> Path:
    """The floors of CPython ``version`` (by default the running one)."""
    name = "floors.json" if version == (3, 11) else f"floors-{version[0]}.{version[1]}.json"
    return Path(__file__).with_name(name)


FLOORS_FILE = floors_file()


def read_floors() -> dict[str, int]:
    """The recorded floors: module name to minimum VM pass count."""
    return {k: int(v) for k, v in json.loads(FLOORS_FILE.read_text(encoding="utf-8")).items()}


def update_floors(report: dict[str, Any]) -> None:
    """Set the floor of every module in ``report`` to its measured VM pass count."""
    floors = read_floors() if FLOORS_FILE.exists() else {}
    for name, m in report["modules"].items():
        floors[name] = m["vm_pass"]
    ordered = {name: floors[name] for name in [*MODULES, *sorted(set(floors) - set(MODULES))] if name in floors}
    FLOORS_FILE.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------- CLI --


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.conformance.runner",
        description="Run CPython's language test modules natively and on the statek_vm VM, and compare.",
    )
    parser.add_argument("modules", nargs="*", help=f"test modules (default: the {len(MODULES)} language modules)")
    parser.add_argument("--json", metavar="PATH", help="write the full report as JSON")
    parser.add_argument("--jobs", "-j", type=int, default=2, help="subprocesses at a time (default 2)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_MODULE_TIMEOUT,
        help=f"seconds before one module run is killed (default {DEFAULT_MODULE_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--test-timeout",
        type=float,
        default=DEFAULT_TEST_TIMEOUT,
        help=f"CPU seconds before one test is interrupted, 0 for none (default {DEFAULT_TEST_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--doctest-module-hint",
        action="store_true",
        help="on the VM, let doctest.DocTestSuite() without a module mean the module under test "
        "(measures the doctests while sys._getframe cannot see script frames; "
        "not for floors)",
    )
    parser.add_argument(
        "--update-floors",
        action="store_true",
        help=f"write each module's VM pass count to {FLOORS_FILE.name} (after an intended change)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print only the table")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "MODULE"), help=argparse.SUPPRESS)
    parser.add_argument("--events", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        mode, name = args.worker
        return worker(mode, name, args.events, args.test_timeout, doctest_module_hint=args.doctest_module_hint)

    names = args.modules or list(MODULES)
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    report = run_modules(
        names,
        jobs=args.jobs,
        timeout=args.timeout,
        test_timeout=args.test_timeout,
        doctest_module_hint=args.doctest_module_hint,
        progress=progress,
    )
    if args.update_floors:
        update_floors(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(format_table(report))
    if not args.quiet:
        print(format_differences(report))
    t = report["total"]
    print(
        f"\ntotal: {t['vm_pass']} of {t['native_pass']} natively passing tests pass on the VM "
        f"({t['percent']:.1f} %); wall clock {report['wall_seconds']:.0f} s with {args.jobs} job(s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
