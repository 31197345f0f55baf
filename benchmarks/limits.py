"""What budgets cost: ``overhead.py``'s workloads on the VM with and without ``statek_vm.Limits``, in one run.

    python3 benchmarks/limits.py [--repeat N] [--only NAME ...] [--json PATH]

Every job counts its instructions and stops at a checkpoint every 1,000 of
them whether it has budgets or not (a cancellation needs them too): that
cost is in every VM figure, and ``trees.py`` measures it against an older
tree.  This measures what setting budgets adds on top, per workload, three
ways in turn ``--repeat`` times (CPU time, medians):

- ``none``: no limits;
- ``time+instr+output``: instruction, seconds and output budgets, none reached;
- ``all``: the same and a memory budget (allocations checked, the job's
  memory walked when the process's allocated blocks grow).

Every run's output must equal the run without limits.  Ratios are of
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
from statek_vm import Limits

HIGH = {"instructions": 10**12, "seconds": 10.0**6, "output": 2**40}
WAYS: dict[str, Limits | None] = {
    "none": None,
    "time+instr+output": Limits(**HIGH),  # type: ignore[arg-type]
    "all": Limits(**HIGH, memory=2**40),  # type: ignore[arg-type]
}


def run(workload: Any, limits: Limits | None) -> tuple[float, str]:
    host = workload.host()
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        job = statek_vm.run(workload.source, host, filename=workload.filename, limits=limits)
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
    print(f"statek_vm {statek_vm.__version__} on CPython {sys.version.split()[0]}: budgets' cost, CPU time")
    print(f"{'workload':<16}{'none ms':>10}{'t+i+o ms':>10}{'all ms':>10}{'t+i+o/none':>12}{'all/none':>10}")
    for workload in workloads:
        _, expected = run(workload, None)  # warm-up, and the reference output
        times: dict[str, list[float]] = {way: [] for way in WAYS}
        for _ in range(args.repeat):
            for way, limits in WAYS.items():
                elapsed, output = run(workload, limits)
                if output != expected:
                    raise SystemExit(f"{workload.name}: output with limits {way} differs")
                times[way].append(elapsed)
        medians = {way: statistics.median(values) * 1e3 for way, values in times.items()}
        row = {
            "name": workload.name,
            **{f"{way}_ms": ms for way, ms in medians.items()},
            "limited_over_none": medians["time+instr+output"] / medians["none"],
            "all_over_none": medians["all"] / medians["none"],
        }
        rows.append(row)
        print(
            f"{workload.name:<16}{medians['none']:>10.1f}{medians['time+instr+output']:>10.1f}{medians['all']:>10.1f}"
            f"{row['limited_over_none']:>12.3f}{row['all_over_none']:>10.3f}"
        )
    geo = {
        key: math.exp(sum(math.log(r[key]) for r in rows) / len(rows)) for key in ("limited_over_none", "all_over_none")
    }
    print(f"{'geometric mean':<46}{geo['limited_over_none']:>12.3f}{geo['all_over_none']:>10.3f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "geometric_mean": geo}, indent=2))


if __name__ == "__main__":
    main()
