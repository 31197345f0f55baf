"""A job is freed when it is dropped, and a dropped suspended job runs none of its code.

Each script stores a host ``Marker`` in its namespace; the test keeps only a
weak reference to it.  Once the job is dropped and ``gc.collect()`` has run,
the marker must be gone: nothing of the process (a cache of the VM, of the
snapshots, of the programs or of the runner) may keep a job's namespace
alive.  The scripts take the paths that made stand-ins for host code (host
functions called from script code, caught exceptions, ``sys._getframe``,
``exec``, ``warnings``), define classes, fail, suspend, and are snapshot,
loaded and resumed, in memory and through a worker over a SQLite store.
"""

from __future__ import annotations

import collections
import gc
import sys
import traceback
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from statek_vm import FutureError, FutureResult, Job, run, temporal
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import Runner, SQLiteStore, Status
from statek_vm.program.program import RECENT_PROGRAMS, Program, compile_program

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
)

KEY = b"test key"


class Marker:
    """Stored in a job's namespace: alive exactly as long as the namespace."""


class Tracker:
    """Hands jobs markers and notes what their finalizers did (host bindings, by reference)."""

    def __init__(self) -> None:
        self.refs: list[weakref.ref[Marker]] = []
        self.notes: list[str] = []

    def mark(self) -> Marker:
        marker = Marker()
        self.refs.append(weakref.ref(marker))
        return marker

    def note(self, text: str) -> None:
        self.notes.append(text)

    def alive(self) -> int:
        gc.collect()
        return sum(ref() is not None for ref in self.refs)


class Gate:
    """What a job waits for: ``wait(gate)`` is ready once the gate is open."""

    def __init__(self) -> None:
        self.open = False


def _fetch(future: FutureResult) -> str:
    if not future.deps.open:
        raise FutureError(future)
    return "go"


def _is_open(future: FutureResult) -> bool:
    return bool(future.deps.open)


@temporal(complement=_fetch, condition=_is_open)
def wait(gate: Gate) -> Any:
    return FutureResult(deps=gate, state_num=0)


def tool(value: Any) -> str:
    """A host tool written in Python: the VM calls it from a trampoline."""
    return f"tool({value})"


def failing_tool(value: Any) -> str:
    raise LookupError(f"nothing for {value}")


def whose() -> tuple[Any, str]:
    """What host code sees of its caller: the script's globals and function name."""
    caller = sys._getframe(1)
    return caller.f_globals.get("NAME"), caller.f_code.co_name


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    gc.collect()
    yield Tracker()
    gc.collect()


def _bindings(tracker: Tracker, gate: Gate | None = None) -> dict[str, Any]:
    return {
        "mark": tracker.mark,
        "note": tracker.note,
        "tool": tool,
        "failing_tool": failing_tool,
        "whose": whose,
        "wait": wait,
        "gate": gate or Gate(),
    }


# Each stores a marker, then takes one of the paths that makes stand-ins.
FINISHING = {
    "host_function": """\
marker = mark()
result = tool(1)
""",
    "host_function_from_script_functions": """\
marker = mark()
def step(x):
    return tool(x)
results = [step(i) for i in range(3)]
twice = list(map(lambda x: tool(x), range(2)))
""",
    "caught_exception": """\
marker = mark()
try:
    1 / 0
except ZeroDivisionError as error:
    caught = str(error)
""",
    "caught_host_exception_in_function": """\
marker = mark()
def lookup(name):
    try:
        return failing_tool(name)
    except LookupError as error:
        return f"skipped: {error}"
def outer():
    return lookup("ada")
note_text = outer()
""",
    "getframe": """\
import sys
marker = mark()
def here():
    return sys._getframe()
frame = here()
top = sys._getframe()
names = (frame.f_code.co_name, top.f_code.co_name)
""",
    "classes": """\
marker = mark()
class Lead:
    def __init__(self, name):
        self.name = name
    def loud(self):
        return tool(self.name)
class Rejected(Exception):
    pass
try:
    raise Rejected(Lead("ada").loud())
except Rejected as error:
    reason = error.args[0]
""",
    "exec_and_eval": """\
marker = mark()
exec("y = tool(3)\\ntry:\\n    failing_tool(4)\\nexcept LookupError:\\n    pass")
z = eval("tool(5)")
""",
    "code_objects": """\
marker = mark()
code = compile("y = tool(3)\\ndef f():\\n    return marker", "<code>", "exec")
exec(code)
z = eval(compile("tool(5)", "<expr>", "eval"))
same = f() is marker
""",
    "warnings": """\
import warnings
marker = mark()
def careful():
    warnings.warn("careful")
careful()
warnings.warn("at module level")
""",
    "generator": """\
marker = mark()
def numbers():
    for i in range(3):
        try:
            yield tool(i)
        except ValueError:
            pass
it = numbers()
first = next(it)
it.throw(ValueError("skip"))
rest = list(it)
""",
}


@pytest.mark.parametrize("name", sorted(FINISHING))
def test_a_finished_job_is_freed(name: str, tracker: Tracker) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        job = run(FINISHING[name], _bindings(tracker))
    assert job.status == "COMPLETED", job.error
    del job
    assert tracker.alive() == 0


def test_a_failed_job_is_freed_and_its_traceback_names_the_script(tracker: Tracker) -> None:
    source = """\
marker = mark()
def check(x):
    tool(x)
    raise ValueError(f"bad {x}")
def run_all():
    try:
        failing_tool(1)
    except LookupError:
        pass
    check(2)
run_all()
"""
    job = run(source, _bindings(tracker), filename="agent.py")
    assert job.status == "FAILED"
    assert job.error is not None
    text = "".join(traceback.format_exception(job.error))
    assert 'File "agent.py", line 4, in check' in text
    assert 'File "agent.py", line 10, in run_all' in text
    del job, text
    assert tracker.alive() == 0


def test_host_code_sees_the_calling_job_and_function(tracker: Tracker) -> None:
    # The trampolines are per job: host code called from one job's function
    # sees that job's globals, never another's.
    source = """\
marker = mark()
def ask():
    return whose()
seen = (ask(), whose())
"""
    for name in ("first", "second", "third"):
        job = run(source, {**_bindings(tracker), "NAME": name})
        assert job.namespace["seen"] == ((name, "ask"), (name, "<module>"))
        del job
    assert tracker.alive() == 0


def test_stand_ins_follow_a_function_whose_code_is_replaced(tracker: Tracker) -> None:
    source = """\
marker = mark()
def first():
    return whose()[1]
def second():
    return whose()[1]
before = first()
first.__code__ = second.__code__
after = first()
"""
    job = run(source, _bindings(tracker))
    assert (job.namespace["before"], job.namespace["after"]) == ("first", "second")
    del job
    assert tracker.alive() == 0


# Takes every path above, then waits; what follows the wait runs on resume.
SUSPENDING = """\
import sys
marker = mark()
class Lead:
    def __init__(self, name):
        self.name = name
    def loud(self):
        return tool(self.name)
def lookup(name):
    try:
        return failing_tool(name)
    except LookupError as error:
        return str(error)
frame_name = sys._getframe().f_code.co_name
loud = Lead("ada").loud()
looked_up = lookup("grace")
answer = wait(gate)
after = [tool(answer), lookup(answer)]
print(after)
"""


def test_a_suspended_job_is_freed_when_dropped(tracker: Tracker) -> None:
    gate = Gate()
    bindings = _bindings(tracker, gate)
    job = run(SUSPENDING, bindings)
    assert job.status == "SUSPENDED", job.error
    data = job.dumps(key=KEY)
    del job
    assert tracker.alive() == 0

    loaded = Job.loads(data, bindings, key=KEY)
    assert loaded.status == "SUSPENDED"
    del loaded
    assert tracker.alive() == 0

    resumed = Job.loads(data, bindings, key=KEY)
    gate.open = True
    resumed.resume()
    assert resumed.status == "COMPLETED", resumed.error
    assert resumed.output == "['tool(go)', 'nothing for go']\n"
    del resumed
    assert tracker.alive() == 0


# Alive at the wait: an object whose class has a __del__, and a generator
# inside try/finally.  Natively both would run script code when collected.
FINALIZERS = """\
class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        note("__del__ " + self.name)
def steps():
    try:
        yield 1
        yield 2
    finally:
        note("finally")
marker = mark()
resource = Resource("kept")
it = steps()
first = next(it)
answer = wait(gate)
print(answer, first, resource.name)
"""


def test_a_dropped_suspended_job_runs_no_script_code(tracker: Tracker) -> None:
    gate = Gate()
    bindings = _bindings(tracker, gate)
    job = run(FINALIZERS, bindings)
    assert job.status == "SUSPENDED", job.error
    data = job.dumps(key=KEY)
    del job
    assert tracker.alive() == 0
    assert tracker.notes == []

    loaded = Job.loads(data, bindings, key=KEY)
    del loaded
    assert tracker.alive() == 0
    assert tracker.notes == []

    # The saved job still resumes, with its objects as they were.
    resumed = Job.loads(data, bindings, key=KEY)
    gate.open = True
    resumed.resume()
    assert resumed.status == "COMPLETED", resumed.error
    assert resumed.output == "go 1 kept\n"


def test_a_suspended_job_collected_during_another_run_runs_no_script_code(tracker: Tracker) -> None:
    # A worker drops a job it saved; the collector finds it later, in the
    # middle of the next job's run.
    job = run(FINALIZERS, _bindings(tracker))
    assert job.status == "SUSPENDED", job.error
    gc.disable()
    try:
        del job
        other = run("collect()\nprint('ran')\n", {"collect": gc.collect})
    finally:
        gc.enable()
    assert other.output == "ran\n"
    assert tracker.alive() == 0
    assert tracker.notes == []


def test_a_finished_job_collected_during_another_run_runs_no_script_code(tracker: Tracker) -> None:
    # What a finished job still holds is freed without running its code: in
    # the middle of another job's run, it would run (and be counted) there.
    source = FINALIZERS.replace("answer = wait(gate)", "answer = 'done'")
    job = run(source, _bindings(tracker))
    assert job.status == "COMPLETED", job.error
    gc.disable()
    try:
        del job
        counts: collections.Counter[Any] = collections.Counter()
        other = run("collect()\n", {"collect": gc.collect}, instruction_counts=counts)
    finally:
        gc.enable()
    assert {program for program, _ in counts} == {other.program.hash}
    assert tracker.alive() == 0
    assert tracker.notes == []


def test_a_running_job_collects_its_own_generators(tracker: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
    # The collector finalizes the stand-ins of a function's frames and that
    # function's generators in one pass, in no set order: closing a
    # generator must not find its function's stand-in frame closed.
    errors: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: errors.append(unraisable.exc_value))
    source = """\
marker = mark()
def scenario():
    def naturals():
        n = 0
        try:
            while True:
                try:
                    if n == 1:
                        raise ValueError(n)
                except ValueError:
                    pass
                yield n
                n += 1
        finally:
            note("closed")
    first = naturals()
    next(first); next(first); next(first)
    second = naturals()
    next(second)
    cycle = [naturals, first, second]
    cycle.append(cycle)
for _ in range(5):
    scenario()
    collect()
"""
    job = run(source, {**_bindings(tracker), "collect": gc.collect})
    assert job.status == "COMPLETED", job.error
    assert errors == []
    assert tracker.notes == ["closed"] * 10
    del job
    assert tracker.alive() == 0


def test_finalizers_of_a_running_job_still_run(tracker: Tracker) -> None:
    source = """\
class Resource:
    def __del__(self):
        note("__del__")
def steps():
    try:
        yield 1
    finally:
        note("finally")
marker = mark()
resource = Resource()
del resource
it = steps()
next(it)
del it
"""
    job = run(source, _bindings(tracker))
    assert job.status == "COMPLETED", job.error
    assert tracker.notes == ["__del__", "finally"]
    del job
    assert tracker.alive() == 0


def test_script_futures_and_complements_are_freed(tracker: Tracker) -> None:
    source = """\
from statek_vm import FutureResult, temporal
marker = mark()
class Tagged(FutureResult):
    def tag(self):
        return "tagged"
def pair(future) -> tuple[int, int]:
    return (1, 2)
def ready(future):
    return True
@temporal(complement=pair, condition=ready)
def both():
    return Tagged(deps=None, state_num=0)
one, two = both()
"""
    for _ in range(3):
        job = run(source, _bindings(tracker))
        assert job.status == "COMPLETED", job.error
        assert (job.namespace["one"], job.namespace["two"]) == (1, 2)
        del job
    assert tracker.alive() == 0


@pytest.mark.filterwarnings("ignore:careful", "ignore:at module level")
def test_a_worker_frees_every_job(tracker: Tracker, tmp_path: Path) -> None:
    gate = Gate()
    store = SQLiteStore(tmp_path / "jobs.db")
    runner = Runner(store, globals=_bindings(tracker, gate), poll_interval=60.0)
    try:
        sources = [*FINISHING.values(), SUSPENDING, FINALIZERS, "marker = mark()\nraise ValueError('no')\n"]
        ids = [runner.submit(source, filename=f"job{i}.py") for i, source in enumerate(sources)]
        runner.work(until_idle=True)
        statuses = [runner.get(job_id).status for job_id in ids]
        assert statuses.count(Status.SUSPENDED) == 2
        assert statuses.count(Status.FAILED) == 1
        assert tracker.alive() == 0  # the suspended ones too: only their snapshots are kept
        assert tracker.notes == []

        gate.open = True
        runner.work(until_idle=True)
        records = [runner.get(job_id) for job_id in ids]
        assert [r.status for r in records].count(Status.COMPLETED) == len(sources) - 1, [r.error for r in records]
        del records
        assert tracker.alive() == 0
    finally:
        runner.close()
        store.close()


def test_a_worker_keeps_only_recent_programs(tmp_path: Path) -> None:
    # Scripts written for one task each: the worker compiles each, and keeps
    # no more of them than the most recently used, besides those in use.
    store = SQLiteStore(tmp_path / "jobs.db")
    runner = Runner(store, poll_interval=60.0)
    try:
        for i in range(RECENT_PROGRAMS + 20):
            runner.submit(f"task = {i}\n", filename="task.py")
        runner.work(until_idle=True)
        in_use = compile_program("task = 'in use'\n", "task.py")
        for i in range(RECENT_PROGRAMS + 1):
            compile_program(f"other = {i}\n", "other.py")
        gc.collect()
        kept = [obj for obj in gc.get_objects() if isinstance(obj, Program) and obj.filename == "task.py"]
        assert kept == [in_use]  # the others are neither in use nor among the most recent
        assert compile_program("task = 'in use'\n", "task.py") is in_use
    finally:
        runner.close()
        store.close()


def test_code_objects_run_by_exec_keep_only_recent_programs(tracker: Tracker) -> None:
    # Each job compiles code of its own and exec()s it: the VM decodes each
    # code object into a program, and keeps no more of them than the most
    # recent, besides those in use.
    for i in range(RECENT_PROGRAMS + 20):
        job = run(f"marker = mark()\nexec(compile('n = {i}', '<n>', 'exec'))\n", _bindings(tracker))
        assert job.status == "COMPLETED" and job.namespace["n"] == i
    del job
    gc.collect()
    kept = [obj for obj in gc.get_objects() if isinstance(obj, Program) and obj.filename == "<n>"]
    assert 0 < len(kept) <= RECENT_PROGRAMS
    assert tracker.alive() == 0
