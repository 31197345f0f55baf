"""VM time over native CPython time, workload by workload, in tier 0 alone and with tier 1.

Each workload is a self-contained script that prints a checksum.  It runs
natively (``exec`` of the compiled script in a fresh ``__main__`` namespace
whose ``print`` writes to a buffer, as the VM's does) and as a statek_vm job
(``statek_vm.run``), alternately, ``--repeat`` times each; the report shows the
median of each and their ratio.  A benchmark of a wrong result is worthless,
so every run's printed output must equal the native one or the benchmark
stops with the difference.

Both sides run an already compiled script: the native code object is
compiled once, and the VM's program is in its cache after an untimed warm-up
run.  What building a program costs is reported apart (``build ms``:
``compile()`` natively; compile plus bytecode decoding for the VM).
``instrs`` is how many instructions the VM executed (counted in a separate
run), so ``ns/instr`` is the VM's average cost of one instruction.

``--profile NAME`` runs one workload on the VM under ``cProfile`` and prints
the functions with the most time of their own, that time summed by part of
the VM (dispatch loop, handlers, calls, run loop, host code), and how often
each opcode executed.  cProfile adds a cost to every Python function call and
so exaggerates code that makes many small calls: read its figures as
proportions, not as times.

Times are CPU time of this process by default (``--clock wall`` for elapsed
time): on a shared machine that is what stays steady when other processes
compete for the cores.  They are ratios measured in one run, never
thresholds.  Run from the repository root::

    python benchmarks/overhead.py [--repeat N] [--json PATH] [--only NAME]
    python benchmarks/overhead.py --profile numeric_loop
    python benchmarks/overhead.py --pythons .tox/py311/bin/python .tox/py312/bin/python .tox/py313/bin/python
"""

from __future__ import annotations

import argparse
import builtins
import collections
import cProfile
import dataclasses
import difflib
import gc
import io
import json
import math
import os
import platform
import pstats
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import statek_vm
from statek_vm.program.program import Program, compile_program
from statek_vm.program.program import _cache as _program_cache
from statek_vm.vm import tier1

# ---------------------------------------------------------------- workloads --

NUMERIC_LOOP = """\
def checksum(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

print(checksum(200_000))
"""

RECURSION = """\
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def depth(tree, level=0):
    if not tree:
        return level
    return max(depth(tree[0], level + 1), depth(tree[1], level + 1))

def build(n):
    return (build(n - 1), build(n - 2)) if n > 1 else ()

print(fib(22), depth(build(16)))
"""

STRINGS_DICTS = """\
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"]

def generate(n, seed=12345):
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        words.append(WORDS[seed >> 16 & 15])
    return " ".join(words)

def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts

text = generate(20_000)
counts = count_words(text)
report = []
for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
    report.append(f"{word:>8}: {n:5d} {n / len(counts):8.2f}")
lines = "\\n".join(report)
caps = "-".join(w.upper() for w in text.split()[:2000])
pairs = {f"{a}:{b}": len(a) * len(b) for a in WORDS for b in WORDS}
print(len(lines), sum(map(ord, lines)) % 1000003, len(caps), sum(pairs.values()))
print(report[0])
"""

CLASSES = """\
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @property
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}:{self.area:.1f}"

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    @property
    def area(self):
        return 3.14159 * self.r * self.r

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def dot(self, other):
        return self.x * other.x + self.y * other.y

shapes = []
for i in range(1500):
    kind = i % 3
    if kind == 0:
        shapes.append(Rect(i % 7 + 1, i % 5 + 1))
    elif kind == 1:
        shapes.append(Square(i % 9 + 1))
    else:
        shapes.append(Circle(i % 4 + 1))
total = 0.0
for s in shapes:
    total += s.area
names = {}
for s in shapes[:300]:
    d = s.describe()
    names[d] = names.get(d, 0) + 1
acc = Vec(0, 0)
seen = set()
for i in range(1500):
    v = Vec(i % 11, i % 13)
    acc = acc + v
    seen.add(v)
print(Shape.count, round(total, 2), len(names), acc.x, acc.y)
print(acc.dot(Vec(1, 2)), len(seen), Vec(1, 2) == Vec(1, 2), len(acc))
"""

AGENT_LIKE = """\
TOOLS = ["search", "fetch", "summarize", "classify"]

def plan(task):
    steps = [{"tool": TOOLS[(task["id"] + k) % len(TOOLS)], "arg": f"{task['topic']}-{k}"}
             for k in range(task["steps"])]
    return steps

def run_step(step, context):
    tool = tools.get(step["tool"])
    if tool is None:
        raise KeyError(step["tool"])
    result = tool(step["arg"], **context)
    return {"tool": step["tool"], "ok": True, "result": result}

results = []
failures = {}
for task in load_tasks(400):
    context = {"user": task["owner"], "budget": task["budget"]}
    outcome = []
    for step in plan(task):
        try:
            outcome.append(run_step(step, context))
        except ToolError as err:
            failures[err.code] = failures.get(err.code, 0) + 1
            outcome.append({"tool": step["tool"], "ok": False, "result": str(err)})
            if err.code == "fatal":
                break
        finally:
            context["budget"] -= 1
    ok = [o for o in outcome if o["ok"]]
    summary = f"task {task['id']:04d} [{task['topic']}] {len(ok)}/{len(outcome)} ok"
    summary += f", budget {context['budget']}"
    score = sum(len(str(o["result"])) for o in ok)
    results.append({"summary": summary, "tools": {o["tool"] for o in ok}, "score": score})
    log_event("task_done", task["id"], len(ok))

by_tool = {}
for r in results:
    for t in r["tools"]:
        by_tool[t] = by_tool.get(t, 0) + 1
print(len(results), sorted(by_tool.items()), sorted(failures.items()))
print(sum(r["score"] for r in results), results[-1]["summary"], events_logged())
"""

GENERATORS = """\
def naturals(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

def chained(limit):
    yield from evens(naturals(limit))
    yield -1

def windows(seq, size):
    window = []
    for item in seq:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)

total = 0
for x in chained(20_000):
    total += x
squares = [x * x for x in range(5_000) if x % 3]
table = {x: [y for y in range(x % 5)] for x in range(2_000)}
unique = {x % 97 for x in squares}
nested = [[i * j for j in range(10)] for i in range(300)]
wsum = 0
for w in windows(range(3_000), 3):
    wsum += w[0] * w[2]
hosted = sum(x for x in range(3_000) if x & 1)
print(total, sum(squares) % 1000003, len(table), len(unique), sum(map(sum, nested)), wsum, hosted)
"""


class ToolError(Exception):
    """What a host tool of the agent-like workload raises."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _agent_host() -> dict[str, Any]:
    """A fresh fake tool registry: plain Python functions the script calls as host code."""
    events: list[tuple[str, int, int]] = []

    def search(query: str, *, user: str, budget: int) -> list[str]:
        if budget < 0:
            raise ToolError("budget", f"{user} is over budget searching {query}")
        return [f"{query}/result{i}" for i in range(3)]

    def fetch(url: str, *, user: str, budget: int) -> str:
        if len(url) % 7 == 0:
            raise ToolError("timeout", f"fetching {url} timed out")
        return url.upper() * 2

    def summarize(text: str, *, user: str, budget: int) -> str:
        return text[: len(text) // 2]

    def classify(text: str, *, user: str, budget: int) -> dict[str, Any]:
        if text.endswith("-5"):
            raise ToolError("fatal", f"cannot classify {text}")
        return {"label": "long" if len(text) > 12 else "short", "by": user}

    def load_tasks(n: int) -> list[dict[str, Any]]:
        topics = ["billing", "search", "ops", "legal", "research"]
        return [
            {
                "id": i,
                "topic": topics[i % 5],
                "steps": 3 + i % 12,
                "owner": f"user{i % 17}",
                "budget": 8 + i % 5,
            }
            for i in range(n)
        ]

    def log_event(kind: str, task_id: int, ok: int) -> None:
        events.append((kind, task_id, ok))

    def events_logged() -> int:
        return len(events)

    return {
        "tools": {"search": search, "fetch": fetch, "summarize": summarize, "classify": classify},
        "ToolError": ToolError,
        "load_tasks": load_tasks,
        "log_event": log_event,
        "events_logged": events_logged,
    }


@dataclasses.dataclass(frozen=True)
class Workload:
    """A script and the host bindings it is given (made fresh for every run)."""

    name: str
    what: str
    source: str
    host: Callable[[], dict[str, Any]] = dict

    @property
    def filename(self) -> str:
        return f"<bench:{self.name}>"


WORKLOADS = [
    Workload("numeric_loop", "for loop, int arithmetic", NUMERIC_LOOP),
    Workload("recursion", "recursive calls, default args", RECURSION),
    Workload("strings_dicts", "word counts, f-strings, joins", STRINGS_DICTS),
    Workload("classes", "methods, properties, super, dunders", CLASSES),
    Workload("agent_like", "host tools, try/except, comprehensions", AGENT_LIKE, _agent_host),
    Workload("generators", "generators, yield from, comprehensions", GENERATORS),
]
BY_NAME = {w.name: w for w in WORKLOADS}

# ------------------------------------------------------------------ running --

# CPU time of this process by default: on a shared machine, wall time also
# counts the time other processes held the CPU, which varies from run to run.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def _capturing_print(buffer: io.StringIO) -> Callable[..., None]:
    # The native run's print does the work the VM's does: format the
    # arguments and write them to a buffer.
    def print(*args: Any, sep: str | None = " ", end: str | None = "\n", file: Any = None, flush: bool = False) -> None:
        if file is not None:
            builtins.print(*args, sep=sep, end=end, file=file, flush=flush)
            return
        buffer.write((" " if sep is None else sep).join([str(a) for a in args]) + ("\n" if end is None else end))

    return print


def run_native(workload: Workload, code: Any) -> tuple[float, str]:
    """Seconds to execute ``code`` natively, and what it printed."""
    buffer = io.StringIO()
    script_builtins = dict(vars(builtins))
    script_builtins["print"] = _capturing_print(buffer)
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": script_builtins}
    namespace.update(workload.host())
    start = clock()
    exec(code, namespace)
    elapsed = clock() - start
    return elapsed, buffer.getvalue()


def run_vm(workload: Workload, tier: int = 1) -> tuple[float, str]:
    """Seconds to run ``workload`` as a statek_vm job in ``tier``, and what it printed."""
    host = workload.host()
    start = clock()
    job = statek_vm.run(workload.source, host, filename=workload.filename, tier=tier)
    elapsed = clock() - start
    if job.status != statek_vm.JobStatus.COMPLETED:
        raise SystemExit(f"{workload.name}: the VM job ended {job.status}: {job.error!r}")
    return elapsed, job.output


def check_output(workload: Workload, expected: str, got: str) -> None:
    """Stop the benchmark when the VM printed something else than CPython."""
    if got == expected:
        return
    diff = "".join(
        difflib.unified_diff(expected.splitlines(keepends=True), got.splitlines(keepends=True), "native", "statek_vm")
    )
    raise SystemExit(f"{workload.name}: the VM's output differs from the native one:\n{diff}")


def count_instructions(workload: Workload) -> int:
    """How many instructions the VM executes for ``workload`` (a separate, untimed run)."""
    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(workload.source, workload.host(), filename=workload.filename, instruction_counts=counts)
    if job.status != statek_vm.JobStatus.COMPLETED:
        raise SystemExit(f"{workload.name}: the VM job ended {job.status}: {job.error!r}")
    return sum(counts.values())


def _timed(fn: Callable[[], tuple[float, str]]) -> tuple[float, str]:
    # As timeit does: no cyclic collection inside a timed run, and none
    # left over from the previous run.
    gc.collect()
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


def measure(workload: Workload, repeat: int) -> dict[str, Any]:
    """Median native and VM times of ``workload`` over ``repeat`` alternating runs."""
    start = clock()
    code = compile(workload.source, workload.filename, "exec", dont_inherit=True)
    native_build = clock() - start
    start = clock()
    Program(workload.source, workload.filename)  # uncached: what a first run pays
    vm_build = clock() - start
    compile_program(workload.source, workload.filename)

    _, expected = run_native(workload, code)  # warm-up, and the reference output
    for tier in (0, 1):
        _, got = run_vm(workload, tier)
        check_output(workload, expected, got)
    native: list[float] = []
    vm: list[float] = []
    tier0: list[float] = []
    for _ in range(repeat):
        elapsed, out = _timed(lambda: run_native(workload, code))
        check_output(workload, expected, out)
        native.append(elapsed)
        elapsed, out = _timed(lambda: run_vm(workload, 0))
        check_output(workload, expected, out)
        tier0.append(elapsed)
        elapsed, out = _timed(lambda: run_vm(workload, 1))
        check_output(workload, expected, out)
        vm.append(elapsed)
    instructions = count_instructions(workload)
    before = tier1.STATS.executed
    job = statek_vm.run(workload.source, workload.host(), filename=workload.filename, tier=1)
    in_tier1 = tier1.STATS.executed - before
    # (of the job's instructions: the script's, and those of the VM's re-statements of builtins it calls)
    executed = int(job.usage["instructions"])
    native_ms = statistics.median(native) * 1e3
    vm_ms = statistics.median(vm) * 1e3
    tier0_ms = statistics.median(tier0) * 1e3
    return {
        "name": workload.name,
        "what": workload.what,
        "native_ms": native_ms,
        "vm_ms": vm_ms,
        "ratio": vm_ms / native_ms,
        "ratio_of_minimums": min(vm) / min(native),
        "tier0_ms": tier0_ms,
        "tier0_ratio": tier0_ms / native_ms,
        "tier1_share": in_tier1 / executed if executed else 0.0,
        "native_runs_ms": [t * 1e3 for t in native],
        "vm_runs_ms": [t * 1e3 for t in vm],
        "tier0_runs_ms": [t * 1e3 for t in tier0],
        "instructions": instructions,
        "ns_per_instruction": vm_ms * 1e6 / instructions if instructions else None,
        "native_build_ms": native_build * 1e3,
        "vm_build_ms": vm_build * 1e3,
        "checksum": expected.strip().replace("\n", " | "),
    }


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


# ------------------------------------------------------------------ report --


def environment() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": list(load) if load else None,
        "statek_vm": statek_vm.__version__,
        "command": shlex.join([sys.executable, *sys.argv]),
    }


def print_table(rows: list[dict[str, Any]], env: dict[str, Any], repeat: int, geomean: float) -> None:
    print(f"statek_vm {env['statek_vm']} over CPython {env['python']}: tier 0 alone, and with tier 1 (the default)")
    print(f"on {env['platform']}, {env['cpus']} cpus")
    print(f"{env['clock']} time, median of {repeat} alternating runs per side (and ratio of the fastest runs)")
    print("build ms: compile() natively / program build (compile + decode) on the VM, once, untimed runs")
    print()
    print("tier 1 share: of the instructions executed, those tier 1 ran")
    print()
    header = (
        f"{'workload':<14} {'native ms':>10} {'tier 0 ms':>10} {'t0/native':>10} {'VM ms':>10} {'VM/native':>10} "
        f"{'(of mins)':>10} {'tier 1':>7} {'instrs':>10} {'ns/instr':>9} {'build ms':>13}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        build = f"{r['native_build_ms']:.2f} / {r['vm_build_ms']:.1f}"
        print(
            f"{r['name']:<14} {r['native_ms']:>10.2f} {r['tier0_ms']:>10.1f} {r['tier0_ratio']:>9.1f}x "
            f"{r['vm_ms']:>10.1f} {r['ratio']:>9.1f}x {r['ratio_of_minimums']:>9.1f}x {r['tier1_share']:>6.0%} "
            f"{r['instructions']:>10,} {r['ns_per_instruction']:>9.0f} {build:>13}"
        )
    print("-" * len(header))
    of_mins = geometric_mean([r["ratio_of_minimums"] for r in rows])
    tier0_mean = geometric_mean([r["tier0_ratio"] for r in rows])
    print(f"{'geometric mean':<14} {'':>10} {'':>10} {tier0_mean:>9.1f}x {'':>10} {geomean:>9.1f}x {of_mins:>9.1f}x")
    print()
    print(f"python:  {sys.version}")
    print(f"command: {env['command']}")
    if env["load_average"]:
        print(f"load:    {' '.join(f'{x:.2f}' for x in env['load_average'])} (1, 5, 15 min, at the end)")


# Where a function's own time belongs, for the breakdown of ``--profile``.
# Functions of interpreter.py not named here count as the run loop.
_CALL_PLUMBING = {
    "call",
    "frame_for",
    "call_host",
    "call_from_host",
    "current_interpreter",
    "active",
    "_builtins_of",
    "_resolve_arguments",
    "_method_replacement",
    "_replacement",
    "_involves_script",
    "_is_script_callable",
}
_PARTS = (
    ("dispatch", "dispatch loop: fetch, pc, handler call (_dispatch)"),
    ("handlers", "opcode handlers, their Python code (opcodes.py)"),
    ("handler_c", "C functions the handlers call (list.append, operator.*, next, getattr)"),
    ("calls", "calls: frames, argument binding, host-call plumbing"),
    ("run", "run loop: returns, exceptions, generators, handled exception"),
    ("statek", "rest of statek_vm (job, futures)"),
    ("host", "host code: tools, builtins and stdlib the script calls"),
)


def _part_of(key: tuple[str, int, str]) -> str | None:
    """The part of the VM a profiled Python function belongs to; None for C functions."""
    filename, _, name = key
    if filename == "~":
        return None
    path = filename.replace(os.sep, "/")
    if "/statek_vm/" not in path:
        return "host"
    if path.endswith("/vm/interpreter.py"):
        if name == "_dispatch":
            return "dispatch"
        return "calls" if name in _CALL_PLUMBING else "run"
    if path.endswith("/vm/opcodes.py"):
        return "handlers"
    if path.endswith(("/vm/arguments.py", "/vm/frame.py", "/vm/objects.py")):
        return "calls"
    return "statek"


def time_by_part(stats: pstats.Stats) -> dict[str, float]:
    """Own time per part of the VM; a C function's time goes to the part of its caller."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    parts: dict[str, float] = dict.fromkeys((key for key, _ in _PARTS), 0.0)
    for key, (_, _, tottime, _, callers) in raw.items():
        part = _part_of(key)
        if part is not None:
            parts[part] += tottime
            continue
        for caller, caller_stats in callers.items():
            caller_part = _part_of(caller) or "host"
            parts["handler_c" if caller_part == "handlers" else caller_part] += caller_stats[2]
    return parts


def opcode_histogram(counts: collections.Counter[Any]) -> collections.Counter[str]:
    """Executions per opcode name, from ``run(instruction_counts=...)``, over every program run."""
    programs = {p.hash: p for p in _program_cache.values()}
    by_op: collections.Counter[str] = collections.Counter()
    for (program_hash, number), n in counts.items():
        program = programs.get(program_hash)
        if program is None:
            by_op["<unknown program>"] += n
            continue
        unit, index = program.locate(number)
        label = unit.ops[index].name
        if program.filename.startswith("<statek_vm"):
            label += f" ({program.filename.strip('<>')})"
        by_op[label] += n
    return by_op


def profile(workload: Workload, top: int) -> None:
    """Where the VM's time goes for one workload: cProfile, a breakdown by part, opcode counts."""
    _, expected = run_native(workload, compile(workload.source, workload.filename, "exec", dont_inherit=True))
    _, got = run_vm(workload)  # warm-up: the program is cached, as in the timed runs
    check_output(workload, expected, got)
    plain_ms = min(_timed(lambda: run_vm(workload))[0] for _ in range(3)) * 1e3

    host = workload.host()
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    job = statek_vm.run(workload.source, host, filename=workload.filename)
    profiler.disable()
    check_output(workload, expected, job.output)
    print(f"cProfile of {workload.name} on the VM ({workload.what}), top {top} by own time (tottime):")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats(pstats.SortKey.TIME).print_stats(top)

    parts = time_by_part(stats)
    total = sum(parts.values())
    print(f"own time by part of the VM (profiled {total * 1e3:.0f} ms; {plain_ms:.0f} ms without the profiler):")
    for key, label in _PARTS:
        print(f"  {100 * parts[key] / total:5.1f}%  {label}")
    print()

    counts: collections.Counter[Any] = collections.Counter()
    statek_vm.run(workload.source, workload.host(), filename=workload.filename, instruction_counts=counts)
    by_op = opcode_histogram(counts)
    executed = sum(by_op.values())
    print(f"instructions executed: {executed:,} ({plain_ms * 1e6 / executed:.0f} ns each without the profiler)")
    running = 0
    for name, n in by_op.most_common(top):
        running += n
        print(f"  {name:<40} {n:>10,} {100 * n / executed:6.1f}% {100 * running / executed:6.1f}% cumulative")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per side and workload (default 7)")
    parser.add_argument("--json", metavar="PATH", help="also write the numbers to PATH as JSON")
    parser.add_argument(
        "--only",
        metavar="NAME",
        action="append",
        choices=sorted(BY_NAME),
        help="run only this workload (repeatable)",
    )
    parser.add_argument("--profile", metavar="WORKLOAD", choices=sorted(BY_NAME), help="profile one workload on the VM")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile (default 25)")
    parser.add_argument(
        "--pythons",
        metavar="PYTHON",
        nargs="+",
        help="run the benchmark under each of these interpreters (each with statek_vm's dependencies, for "
        "example .tox/py312/bin/python) and print the ratios per CPython version side by side",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="cpu: this process's CPU time (default, steadier on a shared machine); wall: elapsed time",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    global clock
    clock = CLOCKS[args.clock]

    if args.profile:
        profile(BY_NAME[args.profile], args.top)
        return 0
    if args.pythons:
        return compare_versions(args)

    workloads = [BY_NAME[n] for n in args.only] if args.only else WORKLOADS
    rows = []
    for w in workloads:
        print(f"  {w.name} ...", file=sys.stderr, flush=True)
        rows.append(measure(w, args.repeat))
    geomean = geometric_mean([r["ratio"] for r in rows])
    env = environment()
    env["clock"] = args.clock
    print_table(rows, env, args.repeat, geomean)
    if args.json:
        report = {
            "environment": env,
            "repeat": args.repeat,
            "geometric_mean_ratio": geomean,
            "geometric_mean_tier0_ratio": geometric_mean([r["tier0_ratio"] for r in rows]),
            "geometric_mean_ratio_of_minimums": geometric_mean([r["ratio_of_minimums"] for r in rows]),
            "workloads": rows,
        }
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0


def compare_versions(args: argparse.Namespace) -> int:
    """Run this benchmark under each interpreter of ``--pythons``; one table, a column per version."""
    reports: list[dict[str, Any]] = []
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory() as folder:
        for n, python in enumerate(args.pythons):
            out = Path(folder) / f"{n}.json"
            command = [python, __file__, "--repeat", str(args.repeat), "--clock", args.clock, "--json", str(out)]
            for name in args.only or ():
                command += ["--only", name]
            print(f"{python} ...", file=sys.stderr, flush=True)
            done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False)
            if done.returncode != 0:
                print(f"the benchmark failed under {python} (exit status {done.returncode})", file=sys.stderr)
                return 1
            reports.append(json.loads(out.read_text()))
    versions = [r["environment"]["python"] for r in reports]
    header = f"{'VM/native':<14}" + "".join(f"{'CPython ' + v + ' t0 / t1':>26}" for v in versions)
    print(f"statek_vm {statek_vm.__version__}: VM time over native time per CPython version, tier 0 / with tier 1")
    print(f"{args.clock} time, median of {args.repeat} alternating runs per side, each version in its own process")
    print()
    print(header)
    print("-" * len(header))
    for name in [w["name"] for w in reports[0]["workloads"]]:
        cells = []
        for report in reports:
            row = next(w for w in report["workloads"] if w["name"] == name)
            cells.append(f"{row['tier0_ratio']:>18.1f}x / {row['ratio']:>4.1f}x")
        print(f"{name:<14}" + "".join(cells))
    print("-" * len(header))
    print(
        f"{'geometric mean':<14}"
        + "".join(f"{r['geometric_mean_tier0_ratio']:>18.1f}x / {r['geometric_mean_ratio']:>4.1f}x" for r in reports)
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"versions": reports}, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
