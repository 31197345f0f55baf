"""Runner throughput and latency: condition checks per sweep, notify wake-up, resumes through SQLite.

    python3 benchmarks/runner.py [--jobs N] [--resumes M] [--repeat R] [--quick] [--json PATH] [--profile]

Three figures of one worker (:class:`statek_vm.jobs.Runner`), each printed
beside its goal:

* **sweep**: condition checks per second of ``Runner.sweep()`` over ``--jobs``
  suspended jobs, in a :class:`MemoryStore` and in a :class:`SQLiteStore`
  (a file in a temporary folder).  Every job waits on a ``FutureResult``
  whose condition is cheap (it compares an attribute of a host-bound object
  with the future's ``state_num``) and never passes.  The *cold* sweep is a
  fresh runner's first, which reads and unpickles every awaited future; the
  *warm* figure is the median of the sweeps after it, which check the cached
  futures.  Goal: 100,000 checks per second per worker.
* **notify**: from ``notify(key)``, called after the dependency changed, to
  the resumed job's next instruction (a host function the script calls right
  after its wait notes the time).  In-process: a worker thread runs
  ``Runner.work()`` and the main thread calls ``runner.notify(key)``;
  cross-process: a worker subprocess runs ``work()`` over a SQLite store and
  this process calls ``store.wake(key=...)`` (the worker sees another
  process's commit by polling ``PRAGMA data_version`` every ``wake_poll``
  second, 1 ms by default).  The poll interval is 60 s, so a sweep never
  does the waking.  Between trials the job suspends again and its worker
  has checked (and cached) its future, as for a job that has waited a
  while.  Goal: under 2 ms median.
* **resumes**: ``--resumes`` jobs suspended in a SQLite store and made ready
  at once (one sweep); then one worker's ``work(until_idle=True)`` claims
  each, loads its snapshot, resumes it and commits: either to the end
  (*complete*) or to its next wait (*suspend again*, which also commits a
  new snapshot and awaited future, and checks the new condition once, as
  the worker does for every job that suspends).

Latencies are wall time, ``time.monotonic()`` in both processes (Linux's
``CLOCK_MONOTONIC``, one clock for the whole machine).  Throughputs are given
as wall time and as this process's CPU time: on a shared machine the wall
figure carries the neighbours' load, the CPU figure what the worker itself
spends.  Figures are for reading, not asserting.  ``--profile`` runs a warm
sweep and a batch of resumes under cProfile and prints where their time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import mmap
import os
import pstats
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from statek_vm import FutureError, FutureResult, temporal
from statek_vm.jobs import JobStore, MemoryStore, Runner, SQLiteStore, Status

SWEEP_GOAL = 100_000  # condition checks per second, per worker
NOTIFY_GOAL_MS = 2.0  # median, notify to the next instruction

KEY = "gate"

# Wall time for latencies, in this process and in the worker subprocess alike.
_clock = time.monotonic


class Gate:
    """A dependency with a counter: ``wait(gate, n)`` is ready once ``gate.count >= n``."""

    __statek_key__ = KEY

    def __init__(self) -> None:
        self.count = 0


class SharedGate:
    """A :class:`Gate` whose counter lives in a file both processes map."""

    __statek_key__ = KEY

    def __init__(self, path: str) -> None:
        with open(path, "r+b") as file:
            self._map = mmap.mmap(file.fileno(), 8)

    @property
    def count(self) -> int:
        return int(struct.unpack_from("q", self._map)[0])

    @count.setter
    def count(self, value: int) -> None:
        struct.pack_into("q", self._map, 0, value)


def _fetch(future: FutureResult) -> int:
    if future.deps.count < future.state_num:
        raise FutureError(future)
    return future.state_num


def _ready(future: FutureResult) -> bool:
    # The cheap condition every benchmark job waits on: an attribute of a
    # host-bound object against the future's own state_num.
    return bool(future.deps.count >= future.state_num)


@temporal(complement=_fetch, condition=_ready)
def wait(gate: Any, n: int) -> Any:
    if gate.count >= n:
        return n
    return FutureResult(deps=gate, state_num=n)


# Waits once, touches the value (the job suspends there), completes.
ONCE = "v = wait(gate, 1)\nv + 1\n"
# Resumes at its first wait, suspends again at its second.
TWICE = "v = wait(gate, 1)\nv + 1\nw = wait(gate, 2)\nw + 1\n"
# One wait per trial; stamp() notes when the job ran on after it.
TRIALS = "n = 0\nwhile True:\n    n = n + 1\n    stamp(wait(gate, n))\n"


def _bindings(gate: Any, stamp: Callable[[int], None] | None = None) -> dict[str, Any]:
    return {"wait": wait, "gate": gate, "stamp": stamp or _no_stamp}


def _no_stamp(n: int) -> None:
    return None


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """``fn()``, its wall time and this process's CPU time, in seconds."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - w0, time.process_time() - c0


def _suspend(store: JobStore, gate: Any, source: str, n: int) -> dict[str, float]:
    """Submit ``n`` jobs and run each to its first wait; the setup's own figures."""
    runner = Runner(store, globals=_bindings(gate), poll_interval=60.0)
    try:
        ids, submit_wall, _ = _timed(lambda: [runner.submit(source) for _ in range(n)])

        def run_all() -> None:
            for job_id in ids:
                record = runner.run_job(job_id)
                if record.status != Status.SUSPENDED:
                    raise RuntimeError(f"a benchmark job did not suspend: {record.status} {record.error}")

        _, run_wall, _ = _timed(run_all)
    finally:
        runner.close()
    return {"submit_per_s": n / submit_wall, "first_runs_per_s": n / run_wall}


# -- 1. condition checks per second in a sweep ------------------------------------------


def measure_sweep(store: JobStore, jobs: int, sweeps: int) -> dict[str, Any]:
    gate = Gate()
    setup = _suspend(store, gate, ONCE, jobs)
    # A fresh runner: its first sweep finds no future cached.
    runner = Runner(store, globals=_bindings(gate), poll_interval=60.0)
    try:
        cold, cold_wall, cold_cpu = _timed(runner.sweep)
        warm = [_timed(runner.sweep) for _ in range(sweeps)]
    finally:
        runner.close()
    for stats in [cold, *(w[0] for w in warm)]:
        if stats.checked != jobs or stats.ready or stats.errors:
            raise RuntimeError(f"a sweep checked {stats}, expected {jobs} checks, none ready, no errors")
    warm_wall = statistics.median(w[1] for w in warm)
    warm_cpu = statistics.median(w[2] for w in warm)
    return {
        "jobs": jobs,
        "cold_wall_s": cold_wall,
        "cold_cpu_s": cold_cpu,
        "cold_checks_per_s_wall": jobs / cold_wall,
        "cold_checks_per_s_cpu": jobs / cold_cpu,
        "warm_sweeps": sweeps,
        "warm_wall_s": warm_wall,
        "warm_cpu_s": warm_cpu,
        "warm_checks_per_s_wall": jobs / warm_wall,
        "warm_checks_per_s_cpu": jobs / warm_cpu,
        "setup": setup,
    }


# -- 2. notify wake-up latency ------------------------------------------------------------


def _await(predicate: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    # Looks every 2 ms: rarely enough not to compete with the worker for the
    # machine's cores (it is never inside a timed interval).
    deadline = _clock() + timeout
    while not predicate():
        if _clock() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.002)


def _suspended_after(store: JobStore, job_id: str, version: int) -> Callable[[], bool]:
    def check() -> bool:
        record = store.get(job_id)
        if record.status not in (Status.PENDING, Status.STARTED, Status.SUSPENDED, Status.READY):
            raise RuntimeError(f"the benchmark job is {record.status}: {record.error}")
        return record.status == Status.SUSPENDED and record.version > version

    return check


# Pause after the job suspends before the next trial: its worker checks (and
# caches) the new awaited future within about a millisecond.
_SETTLE = 0.01


def _latency_summary(latencies: list[float], calls: list[float]) -> dict[str, Any]:
    ordered = sorted(latencies)
    return {
        "trials": len(ordered),
        "median_ms": statistics.median(ordered) * 1e3,
        "p90_ms": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))] * 1e3,
        "min_ms": ordered[0] * 1e3,
        "max_ms": ordered[-1] * 1e3,
        "notify_call_us": statistics.median(calls) * 1e6,
    }


def measure_notify_in_process(store: JobStore, repeat: int, idle: float) -> dict[str, Any]:
    """A worker thread runs ``work()``; this thread changes the gate and calls ``notify``.

    First the worker sits idle for ``idle`` seconds with its job suspended:
    the process's CPU time over that while is what an idle worker spends
    looking for wake-ups (``wake_poll``).
    """
    gate = Gate()
    stamps: dict[int, float] = {}
    stamped = threading.Event()

    def stamp(n: int) -> None:
        stamps[n] = _clock()
        stamped.set()

    runner = Runner(store, globals=_bindings(gate, stamp), poll_interval=60.0)
    worker = threading.Thread(target=runner.work, name="benchmark worker", daemon=True)
    job_id = runner.submit(TRIALS)
    worker.start()
    latencies, calls = [], []
    try:
        _await(_suspended_after(store, job_id, -1), "the first suspension")
        time.sleep(_SETTLE)
        _, idle_wall, idle_cpu = _timed(lambda: time.sleep(idle))
        for n in range(1, repeat + 1):
            time.sleep(_SETTLE)
            version = store.get(job_id).version
            stamped.clear()
            gate.count = n
            t0 = _clock()
            runner.notify(KEY)
            t1 = _clock()
            if not stamped.wait(timeout=30):
                raise RuntimeError(f"trial {n}: the job did not run on after notify")
            latencies.append(stamps[n] - t0)
            calls.append(t1 - t0)
            _await(_suspended_after(store, job_id, version), f"trial {n}'s next suspension")
    finally:
        runner.stop()
        worker.join(timeout=30)
        runner.close()
    return {**_latency_summary(latencies, calls), "idle_cpu_share": idle_cpu / idle_wall}


def measure_notify_cross_process(folder: str, repeat: int) -> dict[str, Any]:
    """A worker subprocess runs ``work()``; this process changes the gate and calls ``store.wake``."""
    db = os.path.join(folder, "notify.db")
    gate_file = os.path.join(folder, "gate")
    with open(gate_file, "wb") as file:
        file.write(bytes(8))
    store = SQLiteStore(db)
    gate = SharedGate(gate_file)
    job_id = Runner(store, globals=_bindings(gate)).submit(TRIALS)
    worker = subprocess.Popen([sys.executable, __file__, "--worker", db, gate_file], stdout=subprocess.PIPE, text=True)
    calls, wakes = [], {}
    try:
        _await(_suspended_after(store, job_id, -1), "the worker's first run of the job")
        for n in range(1, repeat + 1):
            time.sleep(_SETTLE)
            version = store.get(job_id).version
            gate.count = n
            t0 = _clock()
            store.wake(key=KEY)
            calls.append(_clock() - t0)
            wakes[n] = t0
            _await(_suspended_after(store, job_id, version), f"trial {n}'s next suspension")
    finally:
        worker.send_signal(signal.SIGTERM)
        out, _ = worker.communicate(timeout=30)
        store.close()
    if worker.returncode != 0:
        raise RuntimeError(f"the worker subprocess exited with {worker.returncode}")
    stamps = {int(n): t for n, t in json.loads(out)["stamps"].items()}
    return _latency_summary([stamps[n] - wakes[n] for n in wakes], calls)


def worker_main(db: str, gate_file: str) -> int:
    """The cross-process worker: runs ``work()`` until SIGTERM, then prints its stamps."""
    stamps: dict[int, float] = {}

    def stamp(n: int) -> None:
        stamps[n] = _clock()

    runner = Runner(SQLiteStore(db), globals=_bindings(SharedGate(gate_file), stamp), poll_interval=60.0)
    signal.signal(signal.SIGTERM, lambda *_: runner.stop())
    runner.work()
    runner.close()
    print(json.dumps({"stamps": stamps}))
    return 0


# -- 3. resumes per second through SQLite -------------------------------------------


def measure_resumes(folder: str, source: str, resumes: int, name: str) -> dict[str, Any]:
    store = SQLiteStore(os.path.join(folder, f"resumes-{name}.db"))
    try:
        gate = Gate()
        setup = _suspend(store, gate, source, resumes)
        # work(until_idle=True) sweeps right after its last run and returns:
        # the long poll interval adds nothing to the figure.
        runner = Runner(store, globals=_bindings(gate), poll_interval=60.0)
        gate.count = 1
        marked, mark_wall, _ = _timed(runner.sweep)
        if marked.ready != resumes:
            raise RuntimeError(f"{marked.ready} of {resumes} jobs were made ready")
        stats, wall, cpu = _timed(lambda: runner.work(until_idle=True))
        runner.close()
        expected = Status.COMPLETED if source == ONCE else Status.SUSPENDED
        counts = store.counts()
        if counts[expected] != resumes or stats.runs != resumes:
            raise RuntimeError(f"after the resumes: {stats}, {counts}")
    finally:
        store.close()
    return {
        "jobs": resumes,
        "wall_s": wall,
        "cpu_s": cpu,
        "resumes_per_s_wall": resumes / wall,
        "resumes_per_s_cpu": resumes / cpu,
        "ms_per_resume_wall": wall / resumes * 1e3,
        "checks_in_run": stats.checked,
        "mark_ready_ms": mark_wall * 1e3,
        "setup": setup,
    }


# -- profiles --------------------------------------------------------------------------


def profile(jobs: int, resumes: int) -> None:
    with tempfile.TemporaryDirectory(prefix="statek-runner-bench-") as folder:
        store = SQLiteStore(os.path.join(folder, "profile.db"))
        gate = Gate()
        _suspend(store, gate, ONCE, jobs)
        runner = Runner(store, globals=_bindings(gate), poll_interval=60.0)
        _print_profile(f"cold sweep of {jobs:,} jobs (SQLite)", runner.sweep)
        _print_profile(f"warm sweep of {jobs:,} jobs (SQLite)", runner.sweep)
        runner.close()
        store.close()

        store = SQLiteStore(os.path.join(folder, "profile-resumes.db"))
        _suspend(store, gate, ONCE, resumes)
        runner = Runner(store, globals=_bindings(gate), poll_interval=60.0)
        gate.count = 1
        runner.sweep()
        _print_profile(f"{resumes:,} resumes to the end (SQLite)", lambda: runner.work(until_idle=True))
        runner.close()
        store.close()


def _print_profile(title: str, fn: Callable[[], Any]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    print(f"\n{title}, under cProfile, by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


# -- the report ----------------------------------------------------------------------------


def _rate(value: float) -> str:
    return f"{value:,.0f}"


def report(results: dict[str, Any], args: argparse.Namespace) -> None:
    width = 100
    print(f"1. condition checks per second in a sweep, one worker ({args.jobs:,} suspended jobs)")
    print(
        f"{'store':8} {'sweep':6} {'wall ms':>9} {'checks/s wall':>14} {'checks/s CPU':>13} "
        f"{'goal':>9} {'wall/goal':>10}"
    )
    print("-" * width)
    for store in ("memory", "sqlite"):
        r = results["sweep"][store]
        for phase in ("cold", "warm"):
            print(
                f"{store:8} {phase:6} {r[f'{phase}_wall_s'] * 1e3:9.1f} {_rate(r[f'{phase}_checks_per_s_wall']):>14} "
                f"{_rate(r[f'{phase}_checks_per_s_cpu']):>13} {_rate(SWEEP_GOAL):>9} "
                f"{r[f'{phase}_checks_per_s_wall'] / SWEEP_GOAL:9.2f}x"
            )
    print(
        f"   warm: median of {args.sweeps} sweeps after the cold one; "
        "cold: a fresh runner's first (unpickles each future)"
    )
    for store in ("memory", "sqlite"):
        s = results["sweep"][store]["setup"]
        print(
            f"   setup, {store}: {_rate(s['submit_per_s'])} submits/s, "
            f"{_rate(s['first_runs_per_s'])} first runs to a wait/s (run_job, wall)"
        )

    print(f"\n2. notify wake-up latency: notify(key) to the job's next instruction, wall ({args.repeat} trials)")
    print(
        f"{'worker':44} {'median ms':>10} {'p90 ms':>8} {'min ms':>8} {'notify us':>10} {'goal ms':>8} {'med/goal':>9}"
    )
    print("-" * width)
    for name, r in results["notify"].items():
        print(
            f"{name:44} {r['median_ms']:10.3f} {r['p90_ms']:8.3f} {r['min_ms']:8.3f} {r['notify_call_us']:10.0f} "
            f"{NOTIFY_GOAL_MS:8.1f} {r['median_ms'] / NOTIFY_GOAL_MS:8.2f}x"
        )
    print("   notify us: the notify()/store.wake() call itself, in the notifying thread (median)")
    for name, r in results["notify"].items():
        if "idle_cpu_share" in r:
            print(f"   idle worker, {name.split(', ')[1]}: {r['idle_cpu_share']:.1%} of a core looking for wake-ups")

    print(f"\n3. resumes per second through SQLite, one worker's work(until_idle=True) ({args.resumes:,} ready jobs)")
    print(
        f"{'each job':16} {'wall s':>8} {'resumes/s wall':>15} {'resumes/s CPU':>14} {'ms each':>8} "
        f"{'checks':>7} {'goal':>6}"
    )
    print("-" * width)
    for name, r in results["resumes"].items():
        print(
            f"{name:16} {r['wall_s']:8.3f} {_rate(r['resumes_per_s_wall']):>15} {_rate(r['resumes_per_s_cpu']):>14} "
            f"{r['ms_per_resume_wall']:8.3f} {r['checks_in_run']:7,} {'none':>6}"
        )
    marks = ", ".join(f"{name} {r['mark_ready_ms']:.1f} ms" for name, r in results["resumes"].items())
    print(f"   made ready first by one sweep (not in the figures): {marks}")
    print("   checks: conditions the run checked (a job that suspends again is checked once after its commit)")
    print("-" * width)
    clock = time.get_clock_info("monotonic").implementation
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load}; latency clock {clock}; "
        f"command: {' '.join(sys.argv)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=10_000, help="suspended jobs per sweep (default 10,000)")
    parser.add_argument("--sweeps", type=int, default=5, help="warm sweeps, of which the median (default 5)")
    parser.add_argument("--repeat", type=int, default=100, help="notify trials per worker (default 100)")
    parser.add_argument("--resumes", type=int, default=1_000, help="ready jobs resumed (default 1,000)")
    parser.add_argument("--idle", type=float, default=2.0, help="seconds an idle worker is watched (default 2)")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke test of a few seconds")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    parser.add_argument("--profile", action="store_true", help="where a sweep's and a resume's time goes (cProfile)")
    parser.add_argument("--worker", nargs=2, metavar=("DB", "GATE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main(*args.worker)
    if args.quick:
        args.jobs, args.sweeps, args.repeat, args.resumes, args.idle = 1_000, 3, 20, 100, 0.5
    if args.profile:
        profile(args.jobs, args.resumes)
        return 0

    results: dict[str, Any] = {"sweep": {}, "notify": {}, "resumes": {}}
    with tempfile.TemporaryDirectory(prefix="statek-runner-bench-") as folder:
        results["sweep"]["memory"] = measure_sweep(MemoryStore(), args.jobs, args.sweeps)
        sqlite = SQLiteStore(os.path.join(folder, "sweep.db"))
        results["sweep"]["sqlite"] = measure_sweep(sqlite, args.jobs, args.sweeps)
        sqlite.close()

        notify = results["notify"]
        notify["in-process, MemoryStore (thread)"] = measure_notify_in_process(MemoryStore(), args.repeat, args.idle)
        sqlite = SQLiteStore(os.path.join(folder, "notify-thread.db"))
        notify["in-process, SQLiteStore (thread)"] = measure_notify_in_process(sqlite, args.repeat, args.idle)
        sqlite.close()
        notify["cross-process, SQLiteStore (store.wake)"] = measure_notify_cross_process(folder, args.repeat)

        results["resumes"]["complete"] = measure_resumes(folder, ONCE, args.resumes, "complete")
        results["resumes"]["suspend again"] = measure_resumes(folder, TWICE, args.resumes, "again")

    report(results, args)
    if args.json:
        results["python"] = sys.version.split()[0]
        results["command"] = sys.argv
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
