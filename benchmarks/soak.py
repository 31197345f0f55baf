"""A long-running worker's memory: one process runs 10,000 jobs through a SQLite store.

    python3 benchmarks/soak.py [--jobs N] [--batch B] [--json PATH] [--sandbox]

One :class:`statek_vm.jobs.Runner` over a :class:`SQLiteStore` (a file in a
temporary folder) runs ``--jobs`` jobs (default 10,000) in rounds of
``--batch`` (default 100): the round's jobs are submitted, run to their first
wait, approved and resumed, approved again and resumed to their end, each
step by ``work(until_idle=True)``.  So every job is started from its source,
and resumed from its snapshot once or twice, by this one worker.

The jobs are four agent scripts, in turn: they call host tools that are
Python functions (called from the VM's trampolines), catch the tools'
exceptions, define classes whose instances are gone before the job waits,
wait inside a ``for`` loop and inside a loop over a script generator, and
about one job in fifteen fails with an uncaught exception after its resume
(its traceback is formatted for the store); one keys a set and a dict by
a dataclass with a script ``__hash__`` and ``__eq__``, deep-copies it, and
waits inside an ``ExitStack`` callback.  Every other job's script starts
with a comment naming the job, so that it is a program of its own, as a
script written for one task is; the others share four programs.

Printed after the first 1,000 jobs (half of them, in a shorter run) and
after the last, each after ``gc.collect()``: the process's resident memory
(``VmRSS``), its open file descriptors, and the script functions still alive
(``VMFunction`` objects: a job that is not freed keeps all of its own).  Then
the ratio of the two RSS figures (goal: within 10 %) and jobs per second,
wall and CPU time.  The worker keeps the 128 programs it used last compiled,
which takes it about 250 jobs to fill: in a run much shorter than the
default, the ratio shows that too.  Figures are for reading, not asserting.
Linux only (``/proc/self``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from statek_vm import FutureError, FutureResult, temporal
from statek_vm.jobs import Runner, SQLiteStore, Status
from statek_vm.vm.objects import VMFunction

RSS_GOAL = 0.10  # RSS after all jobs over RSS after the first 1,000, at most 1 + this


# -- the host side: tools, an error they raise, and the gate every job waits on ------------


class ToolError(Exception):
    """What a tool raises on bad input; the scripts catch it."""


class Gate:
    """The approvals of the round: ``wait(gate, n)`` is ready once ``gate.approved >= n``."""

    def __init__(self) -> None:
        self.approved = 0


def _fetch(future: FutureResult) -> str:
    if future.deps.approved < future.state_num:
        raise FutureError(future)
    return "approved"


def _ready(future: FutureResult) -> bool:
    return bool(future.deps.approved >= future.state_num)


@temporal(complement=_fetch, condition=_ready)
def wait(gate: Gate, n: int) -> Any:
    return FutureResult(deps=gate, state_num=n)


class Tools:
    """The host functions the scripts call; they keep counters, not what they were given."""

    def __init__(self) -> None:
        self.tasks = 0
        self.sent = 0
        self.rejected = 0

    def next_task(self) -> int:
        self.tasks += 1
        return self.tasks

    def bindings(self, gate: Gate) -> dict[str, Any]:
        return {
            "wait": wait,
            "gate": gate,
            "ToolError": ToolError,
            "next_task": self.next_task,
            "score": score,
            "enrich": enrich,
            "lookup": self.lookup,
            "flaky": flaky,
            "send": self.send,
        }

    def send(self, text: str) -> None:
        self.sent += 1

    def lookup(self, task: int) -> dict[str, Any]:
        valid = task % 5 != 0
        self.rejected += not valid
        return {"task": task, "owner": f"owner-{task % 7}", "tags": ["a", "b"], "valid": valid}


def score(name: str) -> int:
    return sum(map(ord, name)) % 97


def enrich(name: str) -> str:
    if name.endswith("3") or name == "bad":
        raise ToolError(f"no profile for {name}")
    return name.upper()


def flaky(task: int, chunk: list[int]) -> int:
    if (task + sum(chunk)) % 2:
        raise ToolError(f"chunk {chunk} timed out")
    return sum(chunk)


# -- the scripts ----------------------------------------------------------------------------

# Ranks leads with a script class and a sort key, enriches them catching the
# tool's error, then waits twice inside a for loop.
LEADS = """\
import json


class Lead:
    def __init__(self, name, score):
        self.name = name
        self.score = score

    def line(self):
        return f"{self.name} ({self.score})"


def ranked(names):
    leads = [Lead(name, score(name)) for name in names]
    leads.sort(key=lambda lead: lead.score, reverse=True)
    return [lead.line() for lead in leads]


def enriched(name):
    try:
        return enrich(name)
    except ToolError as error:
        return f"{name}: {error}"


task = next_task()
names = [f"lead-{task}-{i}" for i in range(5)]
report = ranked(names)
notes = [enriched(name) for name in names]
for stage in (1, 2):
    decision = wait(gate, stage)
    if decision == "approved":
        send(json.dumps({"task": task, "stage": stage, "top": report[0]}))
print(task, len(notes), "sent")
"""

# Works through chunks from a script generator, one attempt object per
# chunk (gone before the wait), catching the tool's error; waits in that loop.
CHUNKS = """\
class Attempt:
    def __init__(self, task, chunk):
        self.task = task
        self.chunk = chunk

    def run(self):
        return flaky(self.task, self.chunk)


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


task = next_task()
results = []
stage = 0
for chunk in chunks(list(range(6)), 3):
    attempt = Attempt(task, chunk)
    try:
        results.append(attempt.run())
    except ToolError as error:
        results.append(str(error))
    del attempt
    stage += 1
    approved = wait(gate, stage)
print(task, results, approved)
"""

# Waits once; after the resume, a record the lookup found invalid (one task
# in five) is rejected with an uncaught error: the job fails, with the
# script's traceback.
RECORDS = """\
def check(record):
    if not record["fields"]["valid"]:
        raise ValueError(f"task {record['task']}: record rejected")
    return record


task = next_task()
record = {"task": task, "fields": lookup(task)}
try:
    enrich("bad")
except ToolError:
    record["enriched"] = False
decision = wait(gate, 1)
print(check(record)["task"], decision)
"""

# Deduplicates accounts (a dataclass with a script __hash__ and __eq__) in a
# set and a dict, deep-copies the dict, and waits twice: in the body of an
# ExitStack, and in the callback it runs on exit (on the VM, from
# contextlib's own source, with the wrapper ExitStack.callback made).
ACCOUNTS = """\
import contextlib
import copy
from dataclasses import dataclass, field


@dataclass
class Account:
    name: str
    tags: list = field(default_factory=list)

    def __hash__(self):
        return hash(self.name.lower())

    def __eq__(self, other):
        return isinstance(other, Account) and self.name.lower() == other.name.lower()


def audit(label):
    decision = wait(gate, 2)
    send(f"{label}: {decision}")


task = next_task()
accounts = [Account(f"acct-{task}-{i % 3}".upper() if i % 2 else f"acct-{task}-{i % 3}") for i in range(6)]
unique = set(accounts)
counts = {}
for account in accounts:
    counts[account] = counts.get(account, 0) + 1
backup = copy.deepcopy(counts)
with contextlib.ExitStack() as stack:
    stack.callback(audit, f"task {task}")
    first = wait(gate, 1)
    print(task, first)
print(task, len(unique), sorted(counts.values()), len(backup))
"""

SCRIPTS = (("leads.py", LEADS), ("chunks.py", CHUNKS), ("records.py", RECORDS), ("accounts.py", ACCOUNTS))


# -- measuring --------------------------------------------------------------------------------


def rss_bytes() -> int:
    """The resident set size of this process now."""
    with open("/proc/self/statm") as file:
        return int(file.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def live_script_functions() -> int:
    return sum(1 for obj in gc.get_objects() if type(obj) is VMFunction)


def take_figures(jobs: int) -> dict[str, Any]:
    gc.collect()
    return {"jobs": jobs, "rss_bytes": rss_bytes(), "fds": open_fds(), "vm_functions": live_script_functions()}


def run_round(runner: Runner, gate: Gate, size: int, first_job: int) -> dict[Status, int]:
    """Submit ``size`` jobs, run them to their first wait, approve twice; returns their final statuses."""
    ids = []
    for job in range(first_job, first_job + size):
        filename, source = SCRIPTS[job % len(SCRIPTS)]
        if job % 2:
            source = f"# written for job {job}\n{source}"
        ids.append(runner.submit(source, filename=filename))
    for stage in (0, 1, 2):
        gate.approved = stage
        runner.work(until_idle=True)
    statuses: dict[Status, int] = {}
    for job_id in ids:
        status = runner.get(job_id).status
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


def soak(jobs: int, batch: int, folder: str, sandbox: bool = False) -> dict[str, Any]:
    gate = Gate()
    tools = Tools()
    store = SQLiteStore(os.path.join(folder, "soak.db"))
    runner = Runner(store, globals=tools.bindings(gate), poll_interval=60.0, sandbox=sandbox or None)
    first = max(1, min(1_000, jobs // 2))
    totals: dict[str, int] = {}
    figures: list[dict[str, Any]] = [take_figures(0)]
    wall0, cpu0 = time.perf_counter(), time.process_time()
    done = 0
    number = 0
    try:
        while done < jobs:
            number += 1
            size = min(batch, jobs - done, first - done if done < first else batch)
            statuses = run_round(runner, gate, size, done)
            for status, count in statuses.items():
                totals[status.value] = totals.get(status.value, 0) + count
            unfinished = size - statuses.get(Status.COMPLETED, 0) - statuses.get(Status.FAILED, 0)
            if unfinished:
                raise RuntimeError(f"round {number}: {unfinished} jobs did not finish: {statuses}")
            done += size
            if done in (first, jobs):
                figures.append(take_figures(done))
                print(
                    f"  {done:>6,} jobs: RSS {figures[-1]['rss_bytes'] / 2**20:7.1f} MB, "
                    f"{figures[-1]['fds']} fds, {figures[-1]['vm_functions']:,} script functions alive",
                    flush=True,
                )
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    finally:
        runner.close()
        store.close()
    if totals.get("FAILED", 0) != tools.rejected:
        raise RuntimeError(f"{totals.get('FAILED', 0)} jobs failed, expected {tools.rejected}: {totals}")
    return {
        "jobs": jobs,
        "batch": batch,
        "statuses": totals,
        "sent": tools.sent,
        "figures": figures,
        "wall_s": wall,
        "cpu_s": cpu,
        "jobs_per_s_wall": jobs / wall,
        "jobs_per_s_cpu": jobs / cpu,
    }


def report(result: dict[str, Any]) -> None:
    figures = result["figures"]
    first, last = figures[1], figures[-1]
    ratio = last["rss_bytes"] / first["rss_bytes"]
    print("-" * 100)
    print(f"{'after':>12} {'RSS MB':>9} {'open fds':>9} {'script functions alive':>23}")
    for f in figures:
        label = "start" if f["jobs"] == 0 else f"{f['jobs']:,} jobs"
        print(f"{label:>12} {f['rss_bytes'] / 2**20:9.1f} {f['fds']:9} {f['vm_functions']:23,}")
    print(
        f"RSS after {last['jobs']:,} jobs / after {first['jobs']:,}: {ratio:.3f} "
        f"(goal: within {RSS_GOAL:.0%}: {'met' if abs(ratio - 1) <= RSS_GOAL else 'NOT met'})"
    )
    statuses = ", ".join(f"{count:,} {status}" for status, count in sorted(result["statuses"].items()))
    print(
        f"{result['jobs']:,} jobs ({statuses}) in {result['wall_s']:.1f} s: "
        f"{result['jobs_per_s_wall']:.1f} jobs/s wall, {result['jobs_per_s_cpu']:.1f} jobs/s CPU"
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load}; command: {' '.join(sys.argv)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=10_000, help="jobs in all (default 10,000)")
    parser.add_argument("--batch", type=int, default=100, help="jobs per round (default 100)")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument("--sandbox", action="store_true", help="run every job under statek_vm.Sandbox()")
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.batch < 1:
        parser.error("--jobs and --batch must be at least 1")
    sandboxed = ", sandboxed" if args.sandbox else ""
    print(f"soak: one worker, {args.jobs:,} jobs in rounds of {args.batch}, SQLiteStore{sandboxed}", flush=True)
    with tempfile.TemporaryDirectory(prefix="statek-soak-") as folder:
        result = soak(args.jobs, args.batch, folder, args.sandbox)
    report(result)
    if args.json:
        result["python"] = sys.version.split()[0]
        result["command"] = sys.argv
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
