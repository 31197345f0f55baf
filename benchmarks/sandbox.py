"""What the sandbox costs: ``overhead.py``'s workloads on the VM with and without ``statek_vm.Sandbox``, in one run.

    python3 benchmarks/sandbox.py [--repeat N] [--only NAME ...] [--json PATH]

A sandboxed job's own code runs with checking handlers for attribute loads,
stores and deletes, ``from m import x`` and class patterns (their decisions
cached per type, module and name), and with checked builtins; nothing else
changes.  Per workload, the two ways in turn ``--repeat`` times (CPU time,
medians); the sandboxed output must equal the plain one.  Ratios are of
medians measured in this one run; read them, do not assert them.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import overhead

import statek_vm
from statek_vm import Sandbox

SANDBOX = Sandbox()  # one, as a worker's: its policy's caches serve every run


def run(workload: Any, sandbox: Sandbox | None) -> tuple[float, str]:
    host = workload.host()
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        job = statek_vm.run(workload.source, host, filename=workload.filename, sandbox=sandbox)
        elapsed = time.process_time() - start
    finally:
        gc.enable()
    if job.status != "COMPLETED":
        raise SystemExit(f"{workload.name}: the job ended {job.status}: {job.error!r}")
    return elapsed, job.output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    workloads = [w for w in overhead.WORKLOADS if not args.only or w.name in args.only]
    rows = []
    print(f"statek_vm {statek_vm.__version__} on CPython {sys.version.split()[0]}: the sandbox's cost, CPU time")
    print(f"{'workload':<16}{'plain ms':>10}{'sandbox ms':>12}{'sandbox/plain':>15}")
    for workload in workloads:
        _, expected = run(workload, None)  # warm-up, and the reference output
        run(workload, SANDBOX)
        times: dict[str, list[float]] = {"plain": [], "sandbox": []}
        for _ in range(args.repeat):
            for way, sandbox in (("plain", None), ("sandbox", SANDBOX)):
                elapsed, output = run(workload, sandbox)
                if output != expected:
                    raise SystemExit(f"{workload.name}: the sandboxed output differs")
                times[way].append(elapsed)
        medians = {way: statistics.median(values) * 1e3 for way, values in times.items()}
        row = {"name": workload.name, **{f"{way}_ms": ms for way, ms in medians.items()}}
        row["sandbox_over_plain"] = medians["sandbox"] / medians["plain"]
        rows.append(row)
        print(f"{workload.name:<16}{medians['plain']:>10.1f}{medians['sandbox']:>12.1f}{row['sandbox_over_plain']:>15.3f}")
    geo = math.exp(sum(math.log(r["sandbox_over_plain"]) for r in rows) / len(rows))
    print(f"{'geometric mean':<38}{geo:>15.3f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "geometric_mean": geo}, indent=2))


if __name__ == "__main__":
    main()
