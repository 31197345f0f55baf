"""The script's own asyncio tasks: VM time over native time, in tier 0 alone and with tier 1.

A task's step is a callback of the script's event loop (``Handle._run``),
which enters the task's own ``contextvars`` context first, as asyncio does
natively (statek_vm/vm/script_asyncio.py).  These workloads switch between
tasks thousands of times, doing little else, so they show what a step costs:
the loop, the context and the task's machinery, all run on the VM.  Same
method as ``overhead.py``: each workload runs natively and as a job,
alternately, its printed output checked against CPython's, CPU time,
median of ``--repeat`` runs.  Run from the repository root::

    python benchmarks/tasks.py [--repeat N] [--only NAME]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import overhead  # (this folder's module, found once the path is set)

TASK_SWITCHES = """\
import asyncio

async def worker(n):
    total = 0
    for i in range(20):
        await asyncio.sleep(0)
        total += i
    return total

async def main():
    return sum(await asyncio.gather(*(worker(n) for n in range(200))))

print(asyncio.run(main()))
"""

CONTEXT_VARIABLES = """\
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="-")

async def handle(n):
    request.set(f"req-{n}")
    seen = 0
    for i in range(10):
        await asyncio.sleep(0)
        seen += request.get() == f"req-{n}"
    return seen

async def main():
    return sum(await asyncio.gather(*(handle(n) for n in range(200))))

print(asyncio.run(main()), request.get())
"""

WORKLOADS = [
    overhead.Workload("task_switches", "200 tasks, 20 sleep(0) each", TASK_SWITCHES),
    overhead.Workload("context_variables", "200 tasks, each its own ContextVar value", CONTEXT_VARIABLES),
]
BY_NAME = {w.name: w for w in WORKLOADS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side and workload (default 5)")
    parser.add_argument("--only", metavar="NAME", action="append", choices=sorted(BY_NAME), help="only this workload")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    rows = []
    for w in [BY_NAME[n] for n in args.only] if args.only else WORKLOADS:
        print(f"  {w.name} ...", file=sys.stderr, flush=True)
        rows.append(overhead.measure(w, args.repeat))
    env = overhead.environment()
    env["clock"] = "cpu"
    overhead.print_table(rows, env, args.repeat, overhead.geometric_mean([r["ratio"] for r in rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
