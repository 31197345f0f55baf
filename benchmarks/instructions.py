"""What a change costs tier 0, counted in CPU instructions by callgrind: two trees, no noise.

    python3 benchmarks/instructions.py BASELINE_TREE [CHANGED_TREE] [--only NAME ...]

For each of ``overhead.py``'s workloads and each tree (a checkout: ``git
worktree add /tmp/base COMMIT``), ``valgrind --tool=callgrind`` counts the
CPU instructions of a process that runs the workload once on the VM (after
a warm-up run), less those of the same process without that run.  The
counts do not depend on what else the machine runs, so a difference of a
fraction of a percent is real (wall-clock ratios of ``trees.py`` wander by
several percent on a shared machine).  Needs ``valgrind``; each workload
takes about a minute per tree.
"""

from __future__ import annotations

import argparse
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import overhead  # noqa: E402 - the workloads' names

RUNNER = """
import sys
tree, name = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
sys.path.insert(0, tree + "/benchmarks")
import overhead, statek_vm
workload = [w for w in overhead.WORKLOADS if w.name == name][0]
statek_vm.run(workload.source, workload.host())  # warm-up: programs built, caches filled
if len(sys.argv) > 3:
    statek_vm.run(workload.source, workload.host())
"""


def _collected(script: Path, tree: Path, name: str, *extra: str) -> int:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(script), str(tree),
         name, *extra],
        capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    match = re.search(r"Collected : (\d+)", done.stderr)
    if match is None:
        raise SystemExit(f"callgrind reported no count:\n{done.stderr[-2000:]}")
    return int(match.group(1))


def count(script: Path, tree: Path, name: str) -> int:
    """CPU instructions of one VM run of workload ``name`` by ``tree``."""
    return _collected(script, tree, name, "run") - _collected(script, tree, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("baseline", type=Path)
    parser.add_argument("changed", type=Path, nargs="?", default=HERE.parent)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    names = [w.name for w in overhead.WORKLOADS if not args.only or w.name in args.only]
    print(f"CPython {sys.version.split()[0]}: CPU instructions of one VM run (callgrind)")
    print(f"baseline {args.baseline}  changed {args.changed}")
    print(f"{'workload':<16}{'baseline':>16}{'changed':>16}{'changed/baseline':>18}")
    ratios = []
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "run_once.py"
        script.write_text(RUNNER)
        for name in names:
            base = count(script, args.baseline.resolve(), name)
            changed = count(script, args.changed.resolve(), name)
            ratios.append(changed / base)
            print(f"{name:<16}{base:>16,}{changed:>16,}{changed / base:>18.3f}")
    print(f"{'geometric mean':<48}{math.exp(sum(map(math.log, ratios)) / len(ratios)):>18.3f}")


if __name__ == "__main__":
    main()
