"""Suspend and resume latency, snapshot size, and resume cost against history.

    python3 benchmarks/latency.py [--repeat N] [--json PATH] [--breakdown | --profile]

Each state shape is a script that waits in a loop.  The benchmark's wait
(a ``@temporal`` function) notes the time inside its complement, which is
called exactly where the job suspends and where it resumes, so the figures
are the issue's own definitions:

* **suspend**: from the instruction that touches the pending future to the
  signed snapshot bytes (the VM's suspension, then ``job.dumps(key=...)``);
* **resume**: from the bytes to that instruction executing again
  (``Job.loads(bytes, ...)``, checking the HMAC, unpickling, then
  ``job.resume()`` up to the stored instruction);
* **cycle**: suspend + resume, the figure the goal is stated for;
* **size**: the snapshot's bytes.

What the script runs between resuming and its next wait (one turn of its
loop) is the script's own work and is in neither figure.

Shapes: a small frame (about 20 locals), the same waiting in a loop that
tier 1 runs (the suspension starts in compiled code), a deep call stack (20
script frames), a large state (a 100,000-element list).  Then the resume cost of a
small frame after 10, 1,000 and 100,000 executed instructions, which must not
grow with history.  Medians of ``--repeat`` runs of process CPU time (whose
clock costs about a microsecond to read, included once in each figure);
timings are for reading, not asserting (machines are shared and noisy).
``--breakdown`` splits the small-frame cycle into its parts (the VM's
suspension, pickling, the envelope and its HMAC, unpickling, rebuilding the
job, resuming); ``--profile`` runs small-frame cycles under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import statek_vm
from statek_vm import FutureError, FutureResult, temporal

KEY = b"benchmark-key-0123456789abcdef!!"

# CPU time of this process by default: on a shared machine, wall-clock
# medians of sub-millisecond operations swing with the neighbours' load.
# Reading it is a system call (about a microsecond); ``--clock wall`` reads
# the cheaper performance counter instead.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = CLOCKS["cpu"]

# Cycles run before measuring: the first ones fill caches and allocator pools.
WARMUP = 50

# When the complement last found the future pending ("touch") and when it
# was first called after a resume ("resumed").
_marks: dict[str, float] = {}


class Gate:
    """A dependency the benchmark opens before each resume."""

    def __init__(self) -> None:
        self.open = False


def _fetch(future: FutureResult) -> int:
    if not future.deps.open:
        _marks["touch"] = _clock()
        raise FutureError(future)
    if "resumed" not in _marks:
        _marks["resumed"] = _clock()
    return 1


def _ready(future: FutureResult) -> bool:
    return bool(future.deps.open)


@temporal(complement=_fetch, condition=_ready)
def wait() -> Any:
    return FutureResult(deps=Gate(), state_num=0)


SMALL = "\n".join([f"v{i} = {i}" for i in range(20)] + ["while True:", "    v0 = v0 + wait()"])

# The same frame, its wait in a loop that tier 1 runs (after a few cycles the
# unit is compiled: the wait is then touched by tier-1 code, and the
# suspension starts there).
SMALL_TIER1 = "\n".join(
    [f"v{i} = {i}" for i in range(20)]
    + ["while True:", "    for i in range(40):", "        v1 = v1 + i", "    v0 = v0 + wait()"]
)

DEEP = """
def down(n):
    if n == 0:
        while True:
            n = n + wait()
    return down(n - 1) + 1
down(19)
"""

LARGE = """
data = list(range(100_000))
while True:
    data[0] = data[0] + wait()
"""


def history(n_loop: int) -> str:
    return f"x = 0\nfor i in range({n_loop}):\n    x = x + i\nwhile True:\n    x = x + wait()\n"


def _suspended(source: str) -> statek_vm.Job:
    job = statek_vm.run(source, {"wait": wait})
    assert job.status == "SUSPENDED", job.error
    return job


class _Shape:
    """One state shape: its job, as it goes from snapshot to snapshot, and its figures."""

    def __init__(self, source: str, *, include_program: bool = True, every: int = 1) -> None:
        self.job = _suspended(source)
        self.suspending = 0.0  # measured from the first cycle on (the warm-up)
        self.include_program = include_program
        self.programs = {self.job.program.hash: (self.job.program.source, self.job.program.filename)}
        self.every = every  # measured in one round out of ``every``
        self.suspend: list[float] = []
        self.resume: list[float] = []
        self.sizes: list[int] = []

    def cycle(self) -> None:
        """One suspend → bytes → load → resume."""
        t0 = _clock()
        data = self.job.dumps(key=KEY, include_program=self.include_program)
        t1 = _clock()
        job = statek_vm.Job.loads(data, {"wait": wait}, key=KEY, programs=self.programs)
        t2 = _clock()
        job.awaited_result.deps.open = True  # the benchmark's doing: not timed
        _marks.pop("resumed", None)
        t3 = _clock()
        job.resume()
        t4 = _clock()
        assert job.status == "SUSPENDED", job.error
        self.suspend.append(self.suspending + (t1 - t0))
        self.resume.append((t2 - t1) + (_marks["resumed"] - t3))
        self.sizes.append(len(data))
        self.job = job
        # The VM's part of the next suspension: from the touch to the
        # suspended job (other shapes may run before its snapshot is taken).
        self.suspending = t4 - _marks["touch"]

    def figures(self) -> dict[str, float]:
        cycles = sorted(s + r for s, r in zip(self.suspend, self.resume, strict=True))
        return {
            "suspend_us": statistics.median(self.suspend) * 1e6,
            "resume_us": statistics.median(self.resume) * 1e6,
            "cycle_us": statistics.median(cycles) * 1e6,
            # What the machine gives when its neighbours are quiet.
            "cycle_p10_us": cycles[len(cycles) // 10] * 1e6,
            "size_bytes": statistics.median(self.sizes),
        }


def measure(shapes: dict[str, _Shape], repeat: int) -> dict[str, dict[str, float]]:
    """Figures of every shape, measured in rounds of one cycle each.

    Interleaved rather than one shape after another, so that a burst of load
    from the machine's neighbours falls on all shapes alike, and their
    ratios (resume cost against history) hold better than their times.
    """
    for shape in shapes.values():
        for _ in range(WARMUP // shape.every):
            shape.cycle()
        shape.suspend.clear()
        shape.resume.clear()
        shape.sizes.clear()
    for i in range(repeat):
        for shape in shapes.values():
            if i % shape.every == 0:
                shape.cycle()
    return {name: shape.figures() for name, shape in shapes.items()}


def breakdown(repeat: int) -> None:
    """Medians of the parts of a small-frame cycle, timed by wrapping the snapshot stage's functions."""
    from statek_vm.snapshot import envelope, pickling

    spent: dict[str, float] = {}

    def timed(module: Any, name: str) -> Any:
        function = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = _clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = _clock() - start

        setattr(module, name, wrapper)
        return function

    originals = [
        (module, name, timed(module, name))
        for module, name in ((pickling, "dump"), (pickling, "load"), (envelope, "seal"), (envelope, "open_envelope"))
    ]
    parts: dict[str, list[float]] = {
        "suspend: the VM, from the touch to the suspended job": [],
        "suspend: pickling the frames and namespace": [],
        "suspend: the envelope and its HMAC": [],
        "suspend: the rest of Job.dumps": [],
        "resume: the envelope, checking its HMAC": [],
        "resume: unpickling": [],
        "resume: the rest of Job.loads (the job rebuilt)": [],
        "resume: Job.resume() up to the stored instruction": [],
    }
    try:
        job = _suspended(SMALL)
        for i in range(WARMUP + repeat):
            touched = _marks["touch"]
            t0 = _clock()
            data = job.dumps(key=KEY)
            t1 = _clock()
            dumped = dict(spent)
            job = statek_vm.Job.loads(data, {"wait": wait}, key=KEY)
            t2 = _clock()
            job.awaited_result.deps.open = True
            _marks.pop("resumed", None)
            t3 = _clock()
            job.resume()
            if i < WARMUP:
                continue
            for name, value in zip(
                parts,
                (
                    t0 - touched,
                    dumped["dump"],
                    dumped["seal"],
                    (t1 - t0) - dumped["dump"] - dumped["seal"],
                    spent["open_envelope"],
                    spent["load"],
                    (t2 - t1) - spent["open_envelope"] - spent["load"],
                    _marks["resumed"] - t3,
                ),
                strict=True,
            ):
                parts[name].append(value)
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    medians = {name: statistics.median(values) * 1e6 for name, values in parts.items()}
    print(f"small-frame cycle, median of {repeat} (each part's own median; they need not add up exactly)")
    for name, value in medians.items():
        print(f"  {name:52} {value:7.1f} us")
    print(f"  {'sum of the parts':52} {sum(medians.values()):7.1f} us")


def profile(repeat: int) -> None:
    shape = _Shape(SMALL)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        shape.cycle()
    profiler.disable()
    print(f"small-frame cycles under cProfile ({repeat}), by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="CPU time (default) or wall time")
    parser.add_argument("--breakdown", action="store_true", help="the parts of the small-frame cycle")
    parser.add_argument("--profile", action="store_true", help="where the small-frame cycle's time goes (cProfile)")
    args = parser.parse_args(argv)
    global _clock
    _clock = CLOCKS[args.clock]
    if args.profile:
        profile(args.repeat)
        return 0
    if args.breakdown:
        breakdown(args.repeat)
        return 0

    shapes = {
        "small frame (20 locals)": _Shape(SMALL),
        "deep stack (20 frames)": _Shape(DEEP),
        "small frame, program in a registry": _Shape(SMALL, include_program=False),
        "small frame, waiting in tier-1 code": _Shape(SMALL_TIER1),
    }
    for n in (10, 1_000, 100_000):
        shapes[f"small, after {n:,} instructions"] = _Shape(history(max(1, n // 6)))
    results = measure(shapes, args.repeat)
    # Apart: a cycle of it pushes everything else out of the processor's caches.
    large = {"large state (100,000-element list)": _Shape(LARGE, every=20)}
    results.update(measure(large, args.repeat))

    print(f"{'state':38} {'suspend us':>11} {'resume us':>10} {'cycle us':>9} {'bytes':>9}")
    # (the tier-1 shape's resume includes one turn of its inner loop before the wait is touched again)
    print("-" * 81)
    for name, r in results.items():
        print(f"{name:38} {r['suspend_us']:11.1f} {r['resume_us']:10.1f} {r['cycle_us']:9.1f} {r['size_bytes']:9,.0f}")
    small = results["small frame (20 locals)"]
    base = results["small, after 10 instructions"]["resume_us"]
    late = results["small, after 100,000 instructions"]["resume_us"]
    print("-" * 81)
    print(
        f"goal: small-frame suspend + resume under 50 us median: {small['cycle_us']:.1f} us "
        f"(10th percentile {small['cycle_p10_us']:.1f} us)"
    )
    registry = results["small frame, program in a registry"]
    print(
        f"goal: small-frame snapshot under 1 KB: {small['size_bytes']:.0f} bytes "
        f"({registry['size_bytes']:.0f} with the program stored once in a registry)"
    )
    print(f"resume after 100,000 instructions / after 10: {late / base:.2f}x (must not grow with history)")
    clock = "CPU time" if args.clock == "cpu" else "wall time"
    print(f"python {sys.version.split()[0]}, {clock}, median of {args.repeat}; command: {' '.join(sys.argv)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
