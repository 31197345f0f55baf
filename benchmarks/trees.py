"""What a change costs tier 0: ``overhead.py``'s workloads run by two source trees, in one run.

    python3 benchmarks/trees.py BASELINE_TREE [CHANGED_TREE] [--rounds N] [--repeat R] [--only NAME ...]

Each tree is a checkout of the repository (``git worktree add /tmp/base
COMMIT`` makes one); ``CHANGED_TREE`` defaults to this one.  For every
workload, the two trees take turns ``--rounds`` times, each turn a fresh
process running ``overhead.py --only NAME --repeat R`` with that tree first
on ``sys.path``.  Each turn reports the VM-to-native ratio measured within
that process (so a busy machine slows both sides of it alike); the table
shows the median ratio per tree and the changed tree's ratio over the
baseline's, then their geometric mean.  Figures are for reading, not
asserting.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from overhead import BY_NAME, WORKLOADS, geometric_mean  # noqa: E402


def _turn(tree: Path, workload: str, repeat: int) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "report.json"
        env = {**os.environ, "PYTHONPATH": str(tree)}
        subprocess.run(
            [sys.executable, str(tree / "benchmarks" / "overhead.py"), "--only", workload, "--repeat", str(repeat),
             "--json", str(out)],
            env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        report = json.loads(out.read_text())
    workload_report = report["workloads"][0]
    # Tier 0 alone (a tree from before tier 1 reports only its one ratio).
    return float(workload_report.get("tier0_ratio", workload_report["ratio"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("baseline", type=Path)
    parser.add_argument("changed", type=Path, nargs="?", default=HERE.parent)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=sorted(BY_NAME))
    args = parser.parse_args()
    names = args.only or [w.name for w in WORKLOADS]
    print(f"baseline {args.baseline.resolve()}  changed {args.changed.resolve()}  (VM/native ratios, medians)")
    print(f"{'workload':<18}{'baseline':>10}{'changed':>10}{'changed/baseline':>18}")
    factors = []
    for name in names:
        base: list[float] = []
        changed: list[float] = []
        for _ in range(args.rounds):
            base.append(_turn(args.baseline.resolve(), name, args.repeat))
            changed.append(_turn(args.changed.resolve(), name, args.repeat))
        b, c = statistics.median(base), statistics.median(changed)
        factors.append(c / b)
        print(f"{name:<18}{b:>9.1f}x{c:>9.1f}x{c / b:>17.3f}", flush=True)
    print(f"{'geometric mean':<38}{geometric_mean(factors):>17.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
