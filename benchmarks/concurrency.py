"""Worker concurrency: jobs per second of one worker at concurrency 1, 10 and 100, through SQLite.

    python3 benchmarks/concurrency.py [--jobs N] [--jobs-at-1 M] [--levels 1,10,100] [--delay S] [--json PATH]

Every job is an agent's shape: it awaits a host I/O call (an async tool that
opens a socket to a local asyncio server, in another process, which answers
after ``--delay`` seconds, 0.2 by default), suspends on a pending future (a
gate file), is notified once the gate is open, and awaits a second call::

    name = take_ticket()
    effect(name + ' start')
    first = await ask(name + ' one')
    approval = wait_gate(name).strip()   # the job suspends here until notified
    second = await ask(name + ' two')
    effect(name + ' end ' + first + ' ' + second + ' ' + approval)

(``take_ticket`` hands out the job's name, a host call before the first
suspension; every job runs the same program.)

For each level a fresh SQLite store gets ``--jobs`` jobs (``--jobs-at-1`` at
concurrency 1, where each job takes two round trips of the delay one after
the other), and one :class:`~statek_vm.jobs.Runner` runs them with
``concurrency=LEVEL`` in this process while another process plays the
approver: woken by the store's doorbell, it opens the gate of each job it
finds suspended and calls ``notify``.  The time is from the start of ``work()`` to the last job's
completion (submission is not counted).  Afterwards every job must be
``COMPLETED`` and each of its side effects must have happened exactly once:
its two lines in the effect log and its two requests as the server counted
them.  The ratios printed are of throughputs measured in this one run.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import statek_vm
from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal
from statek_vm.jobs import PYTHON, Runner, SQLiteStore, Status

SCRIPT = """\
name = take_ticket()
effect(name + ' start')
first = await ask(name + ' one')
approval = wait_gate(name).strip()
second = await ask(name + ' two')
effect(name + ' end ' + first + ' ' + second + ' ' + approval)
"""

# Where the server listens and where gates and the effect log live: set by
# main() before any job runs (host state, as a team's tools have).
PLACE: dict[str, Any] = {}


async def ask(text: str) -> str:
    """The async tool: one request to the delay server, over a socket."""
    reader, writer = await asyncio.open_connection("127.0.0.1", PLACE["port"])
    try:
        writer.write(text.encode() + b"\n")
        await writer.drain()
        answer = await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()
    return answer.decode().rstrip("\n")


def take_ticket() -> str:
    with PLACE["lock"]:
        PLACE["tickets"] += 1
        return f"{PLACE['level']}j{PLACE['tickets'] - 1}"


def effect(text: str) -> None:
    with open(PLACE["folder"] / "effects", "a", encoding="utf-8") as file:
        file.write(text + "\n")


def _gate(name: str) -> Path:
    return Path(PLACE["folder"]) / "gates" / name


class Gate:
    """The approval a job waits for: a file, pending until it exists."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def __statek_key__(self) -> str:
        return f"gate:{self.name}"

    def __repr__(self) -> str:
        return f"Gate({self.name!r})"


def _fetch(future: FutureResult) -> str:
    try:
        return _gate(future.deps.name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FutureError(future) from None


def _open(future: FutureResult) -> bool:
    return _gate(future.deps.name).exists()


@temporal(complement=_fetch, condition=_open)
def wait_gate(name: str) -> Any:
    return FutureResult(deps=Gate(name), state_num=0)


BINDINGS = {"ask": ask, "effect": effect, "wait_gate": wait_gate, "take_ticket": take_ticket}


# -- the server, in a process of its own ----------------------------------------------


def serve(delay: float) -> None:
    """Answer each line upper-cased after ``delay`` seconds; ``COUNTS`` answers the
    requests counted so far (JSON).  Prints its port, then serves until stdin closes."""
    counts: collections.Counter[str] = collections.Counter()

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        text = (await reader.readline()).decode().rstrip("\n")
        if text == "COUNTS":
            writer.write(json.dumps(counts).encode() + b"\n")
        else:
            counts[text] += 1
            await asyncio.sleep(delay)
            writer.write(text.upper().encode() + b"\n")
        await writer.drain()
        writer.close()

    async def main() -> None:
        server = await asyncio.start_server(answer, "127.0.0.1", 0, backlog=1024)
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        server.close()

    asyncio.run(main())


def server_counts() -> dict[str, int]:
    async def ask_counts() -> dict[str, int]:
        reader, writer = await asyncio.open_connection("127.0.0.1", PLACE["port"])
        writer.write(b"COUNTS\n")
        await writer.drain()
        data = json.loads(await reader.readline())
        writer.close()
        return dict(data)

    return asyncio.run(ask_counts())


# -- one level -------------------------------------------------------------------


def approve(store_path: Path, folder: Path) -> None:
    """The approver, in a process of its own: open the gate of each job it finds
    suspended and notify it.  Woken by the store's doorbell; ends when stdin closes."""
    store = SQLiteStore(store_path)
    bell = store.doorbell("approver")
    opened: set[str] = set()
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    while True:
        for record in store.jobs(statuses=[Status.SUSPENDED], python=PYTHON, limit=100_000):
            if record.id in opened:
                continue
            opened.add(record.id)
            name = record.awaited_summary.split("'")[1]  # "<FutureResult pending deps=Gate('c10j7') ...>"
            gate = folder / "gates" / name
            # (written whole, then renamed: a job checking it never sees it half-written)
            gate.with_suffix(".tmp").write_text("ok", encoding="utf-8")
            gate.with_suffix(".tmp").replace(gate)
            store.wake(key=f"gate:{name}")
        if bell is not None:
            bell.wait(0.05)
        else:
            time.sleep(0.005)


def level(concurrency: int, jobs: int, root: Path) -> dict[str, Any]:
    folder = root / f"c{concurrency}"
    (folder / "gates").mkdir(parents=True)
    PLACE.update(folder=folder, level=f"c{concurrency}", tickets=0, lock=threading.Lock())
    store_path = folder / "jobs.db"
    runner = Runner(SQLiteStore(store_path), globals=BINDINGS, concurrency=concurrency, poll_interval=0.5, lease=60)
    names = [f"c{concurrency}j{n}" for n in range(jobs)]
    for _ in names:
        runner.submit(SCRIPT, filename="agent.py")
    approver = subprocess.Popen(
        [sys.executable, __file__, "--approve", str(store_path), str(folder)], stdin=subprocess.PIPE, text=True
    )

    def until_done(counts: dict[Status, int]) -> None:
        if counts[Status.COMPLETED] + counts[Status.FAILED] >= jobs:
            runner.stop()

    time.sleep(0.5)  # the approver starts
    started = time.monotonic()
    cpu = time.process_time()
    try:
        stats = runner.work(on_tick=until_done, tick_seconds=0.02)
    finally:
        approver.communicate("")
    seconds = time.monotonic() - started
    cpu = time.process_time() - cpu
    counts = runner.store.counts()
    runner.close()
    check(names, counts, folder)
    return {
        "concurrency": concurrency,
        "jobs": jobs,
        "seconds": round(seconds, 3),
        "jobs_per_second": round(jobs / seconds, 2),
        "cpu_seconds": round(cpu, 3),
        "runs": stats.runs,
    }


def check(names: list[str], counts: dict[Status, int], folder: Path) -> None:
    """Every job completed, and each of its side effects happened exactly once."""
    if counts[Status.COMPLETED] != len(names):
        raise SystemExit(f"not every job completed: {dict(counts)}")
    effects = collections.Counter((folder / "effects").read_text(encoding="utf-8").splitlines())
    requests = server_counts()
    for name in names:
        expected_effects = [f"{name} start", f"{name} end {name.upper()} ONE {name.upper()} TWO ok"]
        for line in expected_effects:
            if effects[line] != 1:
                raise SystemExit(f"side effect {line!r} happened {effects[line]} times")
        for text in (f"{name} one", f"{name} two"):
            if requests.get(text) != 1:
                raise SystemExit(f"request {text!r} reached the server {requests.get(text, 0)} times")
    if sum(effects.values()) != 2 * len(names):
        raise SystemExit("the effect log holds lines no job should have written")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=500, help="jobs per level (default 500)")
    parser.add_argument("--jobs-at-1", type=int, default=50, help="jobs at concurrency 1 (default 50)")
    parser.add_argument("--levels", default="1,10,100", help="concurrencies (default 1,10,100)")
    parser.add_argument("--delay", type=float, default=0.2, help="seconds each host call takes (default 0.2)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--approve", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.approve:
        approve(*args.approve)
        return
    if args.serve:
        serve(args.delay)
        return
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--delay", str(args.delay)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        PLACE["port"] = int(server.stdout.readline())
        levels = [int(n) for n in args.levels.split(",")]
        # The VM builds its runtime once per process, at its first job: not
        # in the first level's time.
        statek_vm.run("pass")
        results = []
        with tempfile.TemporaryDirectory() as root:
            for concurrency in levels:
                jobs = args.jobs_at_1 if concurrency == 1 else args.jobs
                result = level(concurrency, jobs, Path(root))
                results.append(result)
                print(
                    f"concurrency {concurrency:>4}: {jobs:>4} jobs in {result['seconds']:8.2f} s = "
                    f"{result['jobs_per_second']:8.2f} jobs/s  (CPU {result['cpu_seconds']:.2f} s; "
                    "every side effect exactly once)",
                    flush=True,
                )
    finally:
        server.communicate("")
    base = results[0]["jobs_per_second"]
    for result in results[1:]:
        ratio = result["jobs_per_second"] / base
        goal = "  (goal: at least 50)" if result["concurrency"] == 100 else ""
        print(f"throughput at {result['concurrency']} / at {results[0]['concurrency']}: {ratio:.1f}x{goal}")
    print(f"CPython {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
