"""Script code that other code calls back: VM time over native time, in tier 0 alone and with tier 1.

Agent scripts hand their own functions to code that calls them: a ``set``
or ``dict`` calls a record's ``__hash__`` and ``__eq__``, ``sorted``,
``min`` and ``max`` call a ``key=`` function, an attribute load calls a
property's getter, an operator calls ``__add__`` or ``__lt__``.  On the VM
each such call is a nested run (host code calling script code), a call from
the VM's re-statement of the builtin, or a redo of the instruction on the
VM; these workloads measure what that costs.  Same method as
``overhead.py`` (whose functions this script uses): each workload runs
natively and as a job, alternately, its printed output checked against
CPython's, CPU time, median of ``--repeat`` runs.  Run from the repository
root::

    python benchmarks/callbacks.py [--repeat N] [--only NAME]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import overhead  # (this folder's module, found once the path is set)

SET_OF_RECORDS = """\
class Key:
    def __init__(self, kind, n):
        self.kind = kind
        self.n = n
    def __hash__(self):
        return hash((self.kind, self.n))
    def __eq__(self, other):
        return self.kind == other.kind and self.n == other.n

seen = set()
counts = {}
for i in range(6000):
    k = Key("ab"[i % 2], i % 40)
    seen.add(k)
    counts[k] = counts.get(k, 0) + 1
print(len(seen), sorted(counts.values())[:3])
"""

KEY_FUNCTIONS = """\
rows = [{"id": i, "score": (i * 7919) % 1000, "name": f"n{i % 17}"} for i in range(2000)]
total = 0
for k in range(8):
    ranked = sorted(rows, key=lambda r: (-r["score"], r["id"]))
    best = max(rows, key=lambda r: (r["score"], r["name"]))
    worst = min(rows, key=lambda r: r["score"])
    total += ranked[0]["id"] + best["id"] + worst["id"]
print(total)
"""

PROPERTIES = """\
class Invoice:
    def __init__(self, net, rate):
        self.net = net
        self.rate = rate
    @property
    def tax(self):
        return self.net * self.rate
    @property
    def gross(self):
        return self.net + self.tax

invoices = [Invoice(i % 97, 0.2) for i in range(500)]
total = 0.0
for _ in range(20):
    for inv in invoices:
        total += inv.gross
print(round(total, 2))
"""

OPERATORS = """\
class Money:
    __slots__ = ("cents",)
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __lt__(self, other):
        return self.cents < other.cents

acc = Money(0)
cheapest = Money(10**9)
for i in range(20000):
    m = Money(i % 250)
    acc = acc + m
    if m < cheapest:
        cheapest = m
print(acc.cents, cheapest.cents)
"""

WORKLOADS = [
    overhead.Workload("set_of_records", "set/dict of objects with __hash__/__eq__", SET_OF_RECORDS),
    overhead.Workload("key_functions", "sorted/min/max with key= lambdas", KEY_FUNCTIONS),
    overhead.Workload("properties", "property getters in a loop", PROPERTIES),
    overhead.Workload("operators", "__add__ and __lt__ of a class", OPERATORS),
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
