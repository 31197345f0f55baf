"""Tier 1 (statek_vm/vm/tier1.py): the same job, whichever tier runs which instruction.

The property test moves a running job between the tiers at random
instruction boundaries: an instruction budget stops it at a random
instruction, its snapshot is loaded into an interpreter of a random tier,
and it goes on; every wait is resumed the same way.  Its side effects,
output and per-instruction counts must equal a run of tier 0 alone, and
CPython's own.
"""

from __future__ import annotations

import collections
import operator
import random
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statek_vm
from statek_vm import LimitExceeded, Limits
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.vm import tier1
from tests.vm import gates
from tests.vm.test_exact_once import program, trees

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

HOT_LOOPS = """\
def checksum(n):
    total = 0.5
    words = []
    for i in range(n):
        total += i * i % 7
        if i % 3 == 0:
            words.append(str(i))
        elif i % 5 == 0:
            total -= len(words)
    return total, "-".join(words[-3:])

table = {}
rows = [(k, k * 2) for k in range(40)]
for key, value in rows:
    table[str(key)] = value
k = 0
while k < 30:
    k += 1
    if table.get(str(k)) is None:
        continue
print(checksum(200), sum(table.values()), k)
"""


def test_hot_loops_run_in_tier_1_with_the_output_of_tier_0() -> None:
    before = tier1.STATS.executed
    fast = statek_vm.run(HOT_LOOPS, tier=1)
    ran = tier1.STATS.executed - before
    slow = statek_vm.run(HOT_LOOPS, tier=0)
    assert fast.status == slow.status == "COMPLETED", (fast.error, slow.error)
    assert fast.output == slow.output
    assert ran > 1000, "the loops did not run in tier 1"
    assert tier1.STATS.executed - before == ran, "tier 0 ran instructions in tier 1"


TASKS = """\
import asyncio

async def worker(n):
    total = 0
    for i in range(n):
        total += i
        if i % 500 == 0:
            await asyncio.sleep(0)
    return total

async def main():
    print(await asyncio.gather(worker(3000), worker(2000)))

asyncio.run(main())
"""


SCRIPT_OBJECTS = """\
class Grid:
    def __init__(self, n):
        self.cells = list(range(n))

    @property
    def size(self):
        return len(self.cells)

    def __getitem__(self, i):
        return self.cells[i] * 2

    def __len__(self):
        return self.size

def gen(grid):
    for i in range(len(grid)):
        yield grid[i]

def total(grid):
    t = 0
    for v in gen(grid):
        t += v + grid.size
    return t

print([total(Grid(k)) for k in range(25)][-3:])
"""

# Script functions host code calls (sorted's comparisons, a set's hashes),
# hot, with checkpoints falling among their runs.
HOST_CALLS = """\
class Score:
    def __init__(self, v):
        self.v = v

    def grade(self):
        return self.v % 7

    def __lt__(self, other):
        return self.grade() < other.grade()

    def __eq__(self, other):
        return self.grade() == other.grade()

    def __hash__(self):
        return self.grade()

ranked, seen = [], set()
for round in range(60):
    scores = [Score(i * 7 + round) for i in range(40)]
    ranked = sorted(scores)
    for s in scores:
        seen.add(s)
print([s.v for s in ranked[:5]], len(seen))
"""


# Where tier 1 hands the dispatch a frame and takes the rest back: a
# generator yielding a script __getitem__'s value, generator functions called
# from compiled code, generator expressions consumed by the VM's sum/max/any
# and "".join, exception handlers with break and continue.
REENTRIES = """\
class Grid:
    def __init__(self, n):
        self.cells = list(range(n))

    def __getitem__(self, i):
        return self.cells[i] * 2

    def __len__(self):
        return len(self.cells)

def cells(grid):
    for i in range(len(grid)):
        yield grid[i]

def evens(n):
    k = 0
    while k < n:
        yield k
        k += 2

def tool(i):
    if i % 5 == 2:
        raise KeyError(i)
    return i * 3

made = []
for rnd in range(60):
    made.append(sum(cells(Grid(rnd % 7))) + max(x for x in evens(rnd + 3)))
    made.append(", ".join(str(v) for v in evens(6)))
    if any(v > 30 for v in cells(Grid(rnd % 20))):
        made.append(-1)
    for i in range(8):
        try:
            got = tool(i + rnd)
        except KeyError:
            if rnd % 9 == 0:
                break
            continue
        finally:
            made.append(0)
        made.append(got)
print(len(made), made[-5:])
"""


@pytest.mark.parametrize(
    "source",
    [HOT_LOOPS, TASKS, SCRIPT_OBJECTS, "NESTED", HOST_CALLS, REENTRIES],
    ids=["loops", "tasks", "script objects", "nested", "host calls", "re-entries"],
)
def test_tier_1_counts_the_instructions_tier_0_counts(source: str) -> None:
    if source == "NESTED":
        source = NESTED.replace("wait(x) * 2", "x * 2")
    counted = {tier: collections.Counter() for tier in (0, 1)}  # type: ignore[var-annotated]
    used = {}
    for tier, counts in counted.items():
        job = statek_vm.run(source, tier=tier, instruction_counts=counts)
        assert job.status == "COMPLETED", job.error
        used[tier] = job.usage["instructions"]
    assert counted[0] == counted[1]
    assert used[0] == used[1], "the budget's count differs between the tiers"


@pytest.mark.parametrize(
    "source",
    [HOT_LOOPS, SCRIPT_OBJECTS, HOST_CALLS, REENTRIES],
    ids=["loops", "script objects", "host calls", "re-entries"],
)
def test_a_jobs_instruction_count_is_the_same_in_each_tier_and_counting_or_not(source: str) -> None:
    used = {}
    for tier in (0, 1):
        for counting in (False, True):
            counts = collections.Counter() if counting else None  # type: ignore[var-annotated]
            job = statek_vm.run(source, tier=tier, instruction_counts=counts)
            assert job.status == "COMPLETED", job.error
            used[tier, counting] = job.usage["instructions"]
    assert len(set(used.values())) == 1, used


@pytest.mark.parametrize("counting", [False, True], ids=["plain", "counting"])
@pytest.mark.parametrize("budget", [1_500, 2_345, 3_210, 4_000])
def test_an_instruction_budget_stops_both_tiers_at_the_same_instruction(budget: int, counting: bool) -> None:
    stops = {}
    for tier in (0, 1):
        counts = collections.Counter() if counting else None  # type: ignore[var-annotated]
        job = statek_vm.run(HOT_LOOPS, tier=tier, instruction_counts=counts, limits=Limits(instructions=budget))
        assert job.status == "FAILED" and isinstance(job.error, LimitExceeded), job.error
        frame = job._frame
        stops[tier] = (
            job.next_instr_num,
            job.location,
            _values(frame.stack),
            _values(frame.fast),
            job.usage["instructions"],
        )
    assert stops[0] == stops[1]


def _values(values: list[Any]) -> list[Any]:
    """``values`` comparable across runs: an iterator as its type and what it has left, other objects as their repr."""
    return [
        (type(v).__name__, operator.length_hint(v))
        if type(v).__name__.endswith("iterator")
        else v
        if type(v) in (int, float, str, bool, type(None), list, tuple, dict)
        else repr(v)
        for v in values
    ]


def test_a_wait_inside_a_tier_1_loop_suspends_at_its_instruction() -> None:
    source = """\
total = 0
for i in range(60):
    total += i
    if i == 50:
        total += wait(7)
print(total)
"""
    spots = {}
    for tier in (0, 1):
        world = gates.World(start_open=False)
        job = statek_vm.run(source, world.bindings(), tier=tier)
        assert job.status == "SUSPENDED"
        spots[tier] = (job.next_instr_num, job.location, job._frame.stack, list(job._frame.fast))
        job.awaited_result.deps.open = True
        job.resume()
        assert (job.status, job.output) == ("COMPLETED", f"{sum(range(60)) + 7}\n")
    assert spots[0] == spots[1]


def test_an_exception_inside_a_tier_1_loop_has_tier_0s_traceback() -> None:
    source = """\
def divide(values):
    out = []
    for v in values:
        out.append(100 // v)
    return out

try:
    divide(list(range(30, -1, -1)))
except ZeroDivisionError as e:
    import traceback
    print("".join(traceback.format_exception(e)))
"""
    jobs = [statek_vm.run(source, tier=tier) for tier in (0, 1)]
    assert [j.status for j in jobs] == ["COMPLETED", "COMPLETED"]
    assert jobs[0].output == jobs[1].output
    assert "line 4, in divide" in jobs[1].output and "tier1" not in jobs[1].output


NESTED = """\
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.total = 0

    def add(self, amount):
        self.total += scaled(amount)
        return self.total

def scaled(x):
    if x == 77:
        return wait(x) * 2
    return x * 2

def amounts(n):
    for i in range(n):
        yield i + 1

def run(n):
    acct = Account("ada")
    for a in amounts(n):
        acct.add(a)
    return acct.total

print([run(k) for k in (10, 20, 30, 80, 40)])
"""


def _chain(frame: Any) -> list[Any]:
    """Each frame of a suspended job's chain, innermost first: unit, instruction, stack, locals."""
    out = []
    while frame is not None:
        stack, fast = (
            [v if type(v) in (int, str, list, tuple) else type(v).__name__ for v in values]
            for values in (frame.stack, frame.fast)
        )
        out.append((frame.unit.qualname, frame.pc, stack, fast, frame.depth))
        frame = frame.back
    return out


def test_a_wait_in_nested_tier_1_runs_leaves_tier_0s_frame_chain() -> None:
    """A wait inside calls and a generator that tier 1 runs nested: the same frames, stacks and locals as tier 0's."""
    spots = {}
    before = tier1.STATS.executed
    for tier in (0, 1):
        world = gates.World(start_open=False)
        counts: collections.Counter[Any] = collections.Counter()
        job = statek_vm.run(NESTED, world.bindings(), tier=tier, instruction_counts=counts)
        assert job.status == "SUSPENDED", job.error
        spots[tier] = (job.next_instr_num, job.location, _chain(job._frame))
        job.awaited_result.deps.open = True
        job.resume()
        assert job.status == "COMPLETED", job.error
        spots[tier] += (job.output, counts)
    assert tier1.STATS.executed > before
    assert [unit for unit, *_ in spots[1][2]][:3] == ["scaled", "Account.add", "run"]
    assert spots[0] == spots[1]


def test_an_exception_through_nested_tier_1_runs_has_tier_0s_traceback() -> None:
    source = """\
def parse(v):
    return 100 // v

def step(v):
    return parse(v) + 1

def values(n, stop):
    for i in range(n, stop, -1):
        yield step(i)

def total(n, stop):
    t = 0
    for v in values(n, stop):
        t += v
    return t

for n in range(1, 30):
    total(n, 0)
try:
    total(5, -1)
except ZeroDivisionError as e:
    import traceback
    print("".join(traceback.format_exception(e)))
"""
    jobs = [statek_vm.run(source, tier=tier) for tier in (0, 1)]
    assert [j.status for j in jobs] == ["COMPLETED", "COMPLETED"], [j.error for j in jobs]
    assert jobs[0].output == jobs[1].output
    assert "in parse" in jobs[1].output and "in values" in jobs[1].output and "tier1" not in jobs[1].output


def test_the_tier_is_chosen_by_the_run_option_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    before = tier1.STATS.executed
    statek_vm.run(HOT_LOOPS, tier=0)
    assert tier1.STATS.executed == before
    monkeypatch.setenv("STATEK_VM_TIER", "0")
    statek_vm.run(HOT_LOOPS)
    assert tier1.STATS.executed == before
    monkeypatch.setenv("STATEK_VM_TIER", "1")
    statek_vm.run(HOT_LOOPS)
    assert tier1.STATS.executed > before
    with pytest.raises(ValueError, match="tier must be 0 or 1"):
        statek_vm.run("x = 1\n", tier=2)


def moved_between_tiers(
    source: str, budgets: list[int], rnd: random.Random
) -> tuple[Any, gates.World, collections.Counter[Any]]:
    """Run ``source`` stopping after each budget of instructions, and at each wait; reload in a random tier each time."""
    world = gates.World(start_open=False)
    bindings = world.bindings()
    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(
        source,
        bindings,
        instruction_counts=counts,
        tier=rnd.choice((0, 1)),
        limits=Limits(instructions=budgets[0]),
    )
    stops = 0
    while job.status in ("SUSPENDED", "FAILED"):
        if job.status == "FAILED":
            assert isinstance(job.error, LimitExceeded), job.error
        stops += 1
        assert stops < 10_000, "the job never ends"
        data = job.dumps(key=gates.KEY)
        job = statek_vm.Job.loads(data, bindings, key=gates.KEY, instruction_counts=counts, tier=rnd.choice((0, 1)))
        if job.status == "SUSPENDED":
            for gate in gates.gates_of(job.awaited_result):
                gate.open = True
        # (a budget of one instruction at every stop would take thousands of reloads: every other stop takes 50 more)
        budget = budgets[stops % len(budgets)] + (50 if stops % 2 else 0)
        job.resume(limits=Limits(instructions=job.usage["instructions"] + budget))
    return job, world, counts


def looped(source: str) -> str:
    """``source`` (a program of test_exact_once's) with its statements in a loop, so that they run in tier 1 too."""
    lines = source.splitlines()
    prelude, body, end = lines[:2], lines[2:-1], lines[-1:]
    return "\n".join([*prelude, "for rep in range(3):", *("    " + line for line in body), *end]) + "\n"


# Each example runs its program four times over, the moved run reloading
# its snapshot at every stop: a third as many as the profile's.
@settings(max_examples=max(10, settings.default.max_examples // 3))
@given(trees, st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=5), st.randoms())
def test_a_job_moved_between_tiers_at_random_boundaries_runs_each_instruction_once(
    forest: list[Any], budgets: list[int], rnd: random.Random
) -> None:
    source = looped(program(forest))
    native_world, native_output, native_error = gates.run_native(source)
    assert native_error is None, f"generated program is invalid: {native_error!r}\n{source}"
    reference_counts: collections.Counter[Any] = collections.Counter()
    reference, reference_world = gates.run_uninterrupted(source, instruction_counts=reference_counts, tier=0)
    assert reference.status == "COMPLETED", f"{reference.error!r}\n{source}"
    job, world, counts = moved_between_tiers(source, budgets, rnd)
    assert job.status == "COMPLETED", f"{job.error!r}\n{source}"
    assert world.log == native_world.log == reference_world.log, source
    assert job.output == native_output == reference.output, source
    assert counts == reference_counts, source


# A generator that zip leaves suspended closes as zip goes, natively right
# after the statement, also when a wait inside it suspended the job: nothing
# of a suspension (the error that stopped the run, its traceback's frames)
# keeps it for the cycle collector.
ZIP_LEFT_SUSPENDED = """\
def rows(n):
    try:
        for j in range(n):
            yield wait(j) + 1
    finally:
        print("closed", n)

for n in range(3, 9):
    table = dict(zip("ab", rows(n)))
    print("after", n, table)
"""


@pytest.mark.parametrize("tier", [0, 1])
def test_a_generator_left_suspended_closes_where_natively_it_does_across_waits(tier: int) -> None:
    import gc

    native = gates.run_native(ZIP_LEFT_SUSPENDED)[1]
    enabled = gc.isenabled()
    gc.disable()  # (what only the cycle collector frees would close late, or never)
    try:
        job, _, suspensions = gates.run_interrupted(ZIP_LEFT_SUSPENDED, tier=tier)
    finally:
        if enabled:
            gc.enable()
    assert suspensions >= 12
    assert job.status == "COMPLETED", job.error
    assert job.output == native
