"""What handing values to host code costs: a host call with a 10,000-element list.

    python3 benchmarks/handoff.py [--calls N] [--repeat R]

Before a host call the VM looks for futures among the arguments, inside
their containers too (``statek_vm/vm/handoff.py``), but only while some
future is alive in the process.  One job calls a host function ``N`` times
with the same list of 10,000 integers (or of 100 lists of 100), in four
settings measured in the same run:

* **no future**: no future alive anywhere, so nothing is searched;
* **a pending future alive**: the job holds one pending future (not in the
  list), so every call searches the list and finds nothing;
* **a storing call**: the same, through ``results.append(big)``, which stores
  without reading and is not searched;
* **the list held a future**: the list's first element was a future, already
  resolved and replaced by its value at the first call; later calls search it.

Figures are microseconds per call (medians of ``R`` runs of process CPU
time) and each setting's ratio to the first; for reading, not asserting.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

import statek_vm
from statek_vm import FutureError, FutureResult, temporal


class _Gate:
    def __init__(self, value: Any, ready: bool) -> None:
        self.value, self.ready = value, ready


def _fetch(future: FutureResult) -> Any:
    if not future.deps.ready:
        raise FutureError(future)
    return future.deps.value


@temporal(complement=_fetch, condition=lambda future: future.deps.ready)
def wait(value: Any, ready: bool = False) -> Any:
    return FutureResult(deps=_Gate(value, ready))


def consume(rows: Any) -> int:
    return len(rows)


FLAT = "big = list(range(10_000))\n"
NESTED = "big = [list(range(100)) for _ in range(100)]\n"

SETTINGS = {
    "no future": "{data}for _ in range(N):\n    consume(big)\n",
    "a pending future alive": "{data}held = wait(1)\nfor _ in range(N):\n    consume(big)\n",
    "a storing call": "{data}held = wait(1)\nresults = []\nfor _ in range(N):\n    results.append(big)\n",
    "the list held a future": "{data}held = wait(1)\nbig[0] = wait(0, True)\nfor _ in range(N):\n    consume(big)\n",
}


def _per_call(source: str, calls: int) -> float:
    bindings = {"consume": consume, "wait": wait, "N": calls}
    program = statek_vm.run("", {})  # warm the VM's first-use setup
    del program
    start = time.process_time()
    job = statek_vm.run(source, bindings)
    elapsed = time.process_time() - start
    assert job.status == "COMPLETED", job.error
    return elapsed / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    for label, data in (("10,000 integers", FLAT), ("100 lists of 100 integers", NESTED)):
        print(f"host call with {label}: microseconds per call ({options.calls} calls, median of {options.repeat})")
        base = None
        for name, template in SETTINGS.items():
            source = template.format(data=data)
            figure = statistics.median(_per_call(source, options.calls) for _ in range(options.repeat))
            base = figure if base is None else base
            print(f"  {name:<26} {figure:10.1f} us   {figure / base:6.2f}x")


if __name__ == "__main__":
    main()
