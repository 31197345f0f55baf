"""Budgets (statek_vm.Limits): a job over one stops between two instructions and resumes there.

Each budget is exceeded by a realistic script; the job must be ``FAILED``
with ``LimitExceeded`` naming the budget, keep its state where it stopped
(in memory and in a snapshot loaded by another process), and go on from
there with a larger budget with no instruction run twice: the instruction
counts of the stopped-and-resumed run equal those of a run that never
stopped.
"""

from __future__ import annotations

import asyncio
import collections
import sys
import threading
import time
from typing import Any

import pytest

import statek_vm
from statek_vm import JobStatus, LimitExceeded, Limits
from statek_vm.job import SUPPORTED_VERSIONS

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"budget-test-key".ljust(32, b".")

# An agent's record processing: classes, properties, sorting with a key,
# a generator, string building, json.
RECORDS = """
import json
from dataclasses import dataclass

@dataclass
class Ticket:
    id: int
    title: str
    priority: int

    @property
    def urgent(self):
        return self.priority >= 8

def tickets(n):
    for i in range(n):
        yield Ticket(i, f"ticket {i}", (i * 7) % 10)

done = []
for t in sorted(tickets(120), key=lambda t: (-t.priority, t.id)):
    if t.urgent:
        done.append(tool(t.id))
summary = {"urgent": len(done), "first": done[:3]}
print(json.dumps(summary))
"""


def tool(x: int) -> str:
    return f"T{x}"


def _reference(source: str, **bindings: Any) -> tuple[statek_vm.Job, collections.Counter[Any]]:
    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(source, dict(bindings), instruction_counts=counts)
    assert job.status == "COMPLETED", job.error
    return job, counts


def _in_steps(
    source: str, step: int, *, reload_every: int = 0, **bindings: Any
) -> tuple[statek_vm.Job, collections.Counter[Any], int]:
    """Run ``source`` ``step`` instructions at a time: each stop is a LimitExceeded, each resume raises the limit."""
    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(source, dict(bindings), instruction_counts=counts, limits=Limits(instructions=step))
    stops = 0
    while job.status == "FAILED" and isinstance(job.error, LimitExceeded):
        stops += 1
        assert stops < 100_000
        assert job.error.limit == "instructions" and job.error.resumable
        # At the limit; past it only by instructions of the VM's own code
        # that an instruction ran nested (counted when they return).
        assert step * stops <= job.usage["instructions"] <= step * stops + 50
        if reload_every and stops % reload_every == 0:
            data = job.dumps(key=KEY)
            job = statek_vm.Job.loads(data, dict(bindings), key=KEY, instruction_counts=counts)
            assert job.status == "FAILED" and isinstance(job.error, LimitExceeded)
        job.resume(limits=Limits(instructions=job.usage["instructions"] + step))
    return job, counts, stops


@pytest.mark.parametrize("step", [1, 7, 50, 333])
def test_an_instruction_limit_stops_at_a_boundary_and_resumes_with_nothing_run_twice(step: int) -> None:
    reference, reference_counts = _reference(RECORDS, tool=tool)
    job, counts, stops = _in_steps(RECORDS, step, reload_every=max(5, 200 // step), tool=tool)
    assert job.status == "COMPLETED", job.error
    assert stops >= sum(reference_counts.values()) // step - 1
    assert job.output == reference.output == '{"urgent": 24, "first": ["T7", "T17", "T27"]}\n'
    assert counts == reference_counts


def test_the_stop_is_reported_where_it_happened() -> None:
    job = statek_vm.run("total = 0\nfor i in range(10**9):\n    total += i\n", limits=Limits(instructions=1000))
    assert job.status == JobStatus.FAILED
    error = job.error
    assert isinstance(error, LimitExceeded) and isinstance(error, statek_vm.StatekError)
    assert (error.limit, error.used, error.allowed, error.resumable) == ("instructions", 1000, 1000, True)
    assert job.location == ("<agent>", 3) or job.location == ("<agent>", 2)
    assert "instructions limit (1,000 used, 1,000 allowed)" in str(error)
    assert job.history[-1]["event"] == "failed" and job.history[-1]["limit"] == "instructions"
    assert job.frames and job.stopped
    # The same limit again: nothing runs, it stops at once.
    total = job.namespace["total"]
    job.resume()
    assert job.status == "FAILED" and job.namespace["total"] == total


def test_a_time_limit_stops_a_loop_that_never_ends() -> None:
    started = time.monotonic()
    job = statek_vm.run("n = 0\nwhile True:\n    n += 1\n", limits=Limits(seconds=0.2))
    elapsed = time.monotonic() - started
    assert job.status == "FAILED" and job.error.limit == "seconds"
    assert 0.2 <= job.usage["seconds"] < 5 and elapsed < 5
    n = job.namespace["n"]
    job.resume(limits=Limits(seconds=0.4))
    assert job.status == "FAILED" and job.error.limit == "seconds"
    assert job.namespace["n"] > n
    assert 0.4 <= job.usage["seconds"] < 5


def test_an_output_limit_caps_what_is_kept_and_stops_the_job() -> None:
    source = "for i in range(10**6):\n    print('line', i, 'x' * 50)\nprint('end')\n"
    job = statek_vm.run(source, limits=Limits(output=2000))
    assert job.status == "FAILED" and job.error.limit == "output"
    assert len(job.output.encode()) == 2000
    assert job.output.startswith("line 0 " + "x" * 50 + "\nline 1 ")
    stopped_at = job.usage["instructions"]
    job.resume(limits=Limits(output=4000))
    assert job.status == "FAILED" and job.error.limit == "output"
    assert len(job.output.encode()) == 4000 and job.usage["instructions"] > stopped_at


def test_one_huge_print_is_cut_at_the_limit() -> None:
    job = statek_vm.run("print('é' * 10_000_000)\nprint('after')\n", limits=Limits(output=1001))
    assert job.status == "FAILED" and job.error.limit == "output"
    # Cut at a character boundary: no half of a two-byte character is kept.
    assert job.output == "é" * 500


def test_a_memory_limit_refuses_one_huge_object_before_it_is_made() -> None:
    for source in ("x = 'a' * 10**10\n", "x = [0] * 10**10\n", "x = 2 ** 10**11\n", "x = 1 << 10**11\n"):
        started = time.monotonic()
        job = statek_vm.run("y = 1\n" + source, limits=Limits(memory=50 * 2**20))
        assert job.status == "FAILED" and job.error.limit == "memory", (source, job.error)
        assert job.error.used > 50 * 2**20 and time.monotonic() - started < 5
        assert "x" not in job.namespace and job.namespace["y"] == 1
        assert job.location == ("<agent>", 2)


def test_a_memory_limit_stops_a_job_that_grows() -> None:
    source = "rows = []\nwhile True:\n    rows.append({'id': len(rows), 'name': 'row %d' % len(rows)})\n"
    limit = 6 * 2**20
    job = statek_vm.run(source, limits=Limits(memory=limit))
    assert job.status == "FAILED" and job.error.limit == "memory"
    # Measured by walking what the job holds: within an eighth over the limit.
    assert limit < job.usage["memory"] <= limit * 1.15
    rows = len(job.namespace["rows"])
    assert rows > 10_000
    job.resume(limits=Limits(memory=2 * limit))
    assert job.status == "FAILED" and len(job.namespace["rows"]) > rows


def test_budgets_travel_in_snapshots_and_apply_at_once_after_loading() -> None:
    job = statek_vm.run("i = 0\nwhile i < 10**6:\n    i += 1\nprint(i)\n", limits=Limits(instructions=500))
    data = job.dumps(key=KEY)
    loaded = statek_vm.Job.loads(data, key=KEY)
    assert loaded.status == "FAILED" and isinstance(loaded.error, LimitExceeded)
    assert loaded.limits == Limits(instructions=500)
    assert loaded.usage["instructions"] == 500
    i = loaded.namespace["i"]
    loaded.resume()  # the same budget: it stops again before any instruction
    assert loaded.namespace["i"] == i and loaded.usage["instructions"] == 500
    loaded.resume(limits=Limits())
    assert loaded.status == "COMPLETED" and loaded.output == "1000000\n"


def test_a_limit_inside_tasks_of_the_scripts_event_loop() -> None:
    source = """
import asyncio

async def worker(name, n):
    total = 0
    for i in range(n):
        total += i
        if i % 500 == 0:
            await asyncio.sleep(0)
    return name, total

async def main():
    results = await asyncio.gather(worker("a", 3000), worker("b", 2000))
    print(sorted(results))

asyncio.run(main())
"""
    reference, reference_counts = _reference(source)
    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(source, instruction_counts=counts, limits=Limits(instructions=4000))
    # It stops at the limit, inside a task: the script's own coroutines are
    # no host work in flight (once taken for it, the stop waited to the end).
    assert job.status == "FAILED" and "(4,000 used, 4,000 allowed)" in str(job.error), job.error
    stops = 0
    while job.status == "FAILED":
        assert isinstance(job.error, LimitExceeded), job.error
        stops += 1
        job = statek_vm.Job.loads(job.dumps(key=KEY), key=KEY, instruction_counts=counts)
        job.resume(limits=Limits(instructions=4000 * (stops + 1)))
    assert job.status == "COMPLETED", job.error
    assert stops >= 3
    assert job.output == reference.output
    assert counts == reference_counts


def test_a_limit_inside_script_code_that_host_code_calls_cannot_keep_the_job() -> None:
    def each(items: Any, fn: Any) -> list[Any]:
        return [fn(x) for x in items]  # host code calling a script callback

    job = statek_vm.run(
        "def spin(x):\n    while True:\n        x += 1\nresult = each([1, 2], spin)\n",
        {"each": each},
        limits=Limits(instructions=5000),
    )
    assert job.status == "FAILED" and isinstance(job.error, LimitExceeded)
    assert job.error.limit == "instructions" and not job.error.resumable
    assert "spin()" in str(job.error) and "cannot resume" in str(job.error)
    with pytest.raises(statek_vm.StatekError, match="could not be kept"):
        job.resume(limits=Limits())


def test_script_code_cannot_catch_a_limit() -> None:
    source = """
def each(items, fn):
    return [fn(x) for x in items]

def spin(x):
    while True:
        x += 1

try:
    host_each([1], spin)
except Exception as error:
    print("caught", type(error).__name__)
print("after")
"""

    def host_each(items: Any, fn: Any) -> list[Any]:
        return [fn(x) for x in items]

    job = statek_vm.run(source, {"host_each": host_each}, limits=Limits(instructions=3000))
    assert job.status == "FAILED" and isinstance(job.error, LimitExceeded)
    assert job.output == ""


def test_cancel_from_another_thread_stops_a_running_job() -> None:
    holder: dict[str, statek_vm.Job] = {}

    def remember(job: Any) -> None:
        holder["job"] = job

    def cancel_soon() -> None:
        while "job" not in holder:
            time.sleep(0.01)
        time.sleep(0.1)
        holder["job"].cancel()

    thread = threading.Thread(target=cancel_soon)
    thread.start()
    job = statek_vm.prepare("n = 0\nwhile True:\n    n += 1\n")
    remember(job)
    started = time.monotonic()
    job.start()
    thread.join()
    assert job.status == JobStatus.CANCELLED and time.monotonic() - started < 5
    assert job.namespace["n"] > 0 and not job.frames
    with pytest.raises(statek_vm.StatekError, match="CANCELLED"):
        job.resume()
    with pytest.raises(statek_vm.StatekError, match="started already"):
        job.start()


def test_pause_from_another_thread_keeps_the_job_to_go_on() -> None:
    source = "total = 0\nfor i in range(300_000):\n    total += i\nprint(total)\n"
    job = statek_vm.prepare(source)
    timer = threading.Timer(0.05, job.pause)
    timer.start()
    job.start()
    timer.join()
    assert job.status == "SUSPENDED", job.status
    resumed = statek_vm.Job.loads(job.dumps(key=KEY), key=KEY)
    resumed.resume()
    assert resumed.status == "COMPLETED" and resumed.output == f"{sum(range(300_000))}\n"
    assert resumed.error is None


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="positive"):
        Limits(instructions=0)
    with pytest.raises(TypeError, match="number"):
        Limits(seconds="10")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="whole number"):
        Limits(memory=1.5)
    with pytest.raises(TypeError, match=r"statek_vm\.Limits"):
        statek_vm.run("x = 1", limits={"instructions": 5})  # type: ignore[arg-type]
    assert Limits(seconds=2) | Limits(output=10) == Limits(seconds=2, output=10)
    assert Limits.from_dict({"instructions": 3}) == Limits(instructions=3)
    with pytest.raises(ValueError, match="unknown limit"):
        Limits.from_dict({"cpu": 3})


def test_usage_of_a_job_without_limits_counts_instructions() -> None:
    job = statek_vm.run("x = [i * i for i in range(100)]\nprint(sum(x))\n")
    assert job.status == "COMPLETED"
    assert job.usage["instructions"] > 300
    assert job.usage["output"] == len("328350\n")


def test_arun_takes_limits() -> None:
    async def main() -> statek_vm.Job:
        return await statek_vm.arun("while True:\n    pass\n", limits=Limits(instructions=100))

    job = asyncio.run(main())
    assert job.status == "FAILED" and job.error.limit == "instructions"


# Programs whose every instruction boundary must survive a snapshot: the
# states a wait rarely meets but a budget's stop may (a class body of an
# Enum in progress, ``super()`` and the slot it bound on the value stack,
# a built-in method bound to an instance of a subclass that overrides it).
EVERY_BOUNDARY = {
    "enum body": """
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    def label(self):
        return self.name.lower()
print([c.label() for c in Color], Color(2))
""",
    "super in exception init": """
class StepError(Exception):
    def __init__(self, step, why):
        super().__init__(step)
        self.why = why
try:
    raise StepError("s1", "bad")
except StepError as error:
    print(error.args, error.why)
""",
    "built-in method of a subclass": """
class Log(list):
    def append(self, item):
        super().append(("logged", item))
log = Log()
add = super(Log, log).append
add(1)
log.append(2)
print(log)
""",
    "ordered dict": """
import collections
od = collections.OrderedDict()
for k in "abc":
    od[k] = len(od)
od.move_to_end("a")
print(list(od.items()))
""",
}


@pytest.mark.parametrize("source", EVERY_BOUNDARY.values(), ids=EVERY_BOUNDARY.keys())
def test_every_instruction_boundary_survives_a_snapshot(source: str) -> None:
    reference, reference_counts = _reference(source)
    job, counts, stops = _in_steps(source, 1, reload_every=1)
    assert job.status == "COMPLETED", job.error
    assert job.output == reference.output
    assert counts == reference_counts
    assert stops > 20


def test_a_time_limit_reached_inside_a_host_call_stops_right_after_it() -> None:
    calls: list[float] = []

    def slow_tool(seconds: float) -> str:
        calls.append(seconds)
        time.sleep(seconds)
        return "done"

    started = time.monotonic()
    job = statek_vm.run("while True:\n    slow_tool(0.2)\n", {"slow_tool": slow_tool}, limits=Limits(seconds=0.5))
    assert job.status == "FAILED" and job.error.limit == "seconds"
    # Stopped at the boundary after the call that ran past the budget (not
    # a thousand instructions, and as many calls, later).
    assert len(calls) == 3 and time.monotonic() - started < 2
    job.resume(limits=Limits(seconds=0.9))
    assert len(calls) == 5


def test_cancel_lands_at_the_boundary_after_a_long_host_call() -> None:
    calls: list[int] = []

    def slow_tool() -> None:
        calls.append(1)
        time.sleep(0.2)

    job = statek_vm.job._new_job(
        "while True:\n    slow_tool()\n", {"slow_tool": slow_tool}, "<agent>", None, "exec", False, None
    )
    timer = threading.Timer(0.3, job.cancel)
    timer.start()
    job._start()
    timer.join()
    assert job.status == "CANCELLED" and len(calls) == 2


def test_a_memory_budget_given_at_resume_checks_large_values_from_then_on() -> None:
    job = statek_vm.run("y = 1\nx = 'a' * 10**10\n", limits=Limits(instructions=3))
    assert job.status == "FAILED" and job.error.limit == "instructions"
    job.resume(limits=Limits(memory=50 * 2**20))
    assert job.status == "FAILED" and job.error.limit == "memory", job.error
    assert "x" not in job.namespace
