"""A worker running many jobs at once: async jobs whose host I/O overlaps, in one process.

Every job's tool opens a real socket to a local asyncio server
(:class:`toolbox.DelayServer`), which answers after a delay and counts the
requests it has open at once: the proof that the jobs overlapped.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import JobStore, Runner, Status
from tests.jobs import toolbox

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
)

ASK_WAIT_ASK = """\
log(folder, name + ':start')
first = await ask(folder, name + ' one', delay)
approval = wait_gate(Gate(folder, name)).strip()
log(folder, name + ':' + first + ':' + approval)
second = await ask(folder, name + ' two', delay)
log(folder, name + ':end:' + second)
print(first, second)
"""


def _runner(store: JobStore, folder: Path, **options: Any) -> Runner:
    bindings = {
        "log": toolbox.log,
        "wait_gate": toolbox.wait_gate,
        "Gate": toolbox.Gate,
        "ask": toolbox.ask,
        "folder": str(folder),
    }
    options.setdefault("poll_interval", 0.02)
    return Runner(store, globals=bindings, **options)


def _submit(runner: Runner, name: str, source: str, delay: float, **options: Any) -> str:
    return runner.submit(f"name = {name!r}\ndelay = {delay!r}\n" + source, filename=f"{name}.py", **options)


def test_concurrent_async_jobs_overlap_and_each_step_runs_once(store: JobStore, tmp_path: Path) -> None:
    names = [f"j{n}" for n in range(6)]
    with toolbox.DelayServer(str(tmp_path)) as server:
        runner = _runner(store, tmp_path, concurrency=len(names))
        ids = {name: _submit(runner, name, ASK_WAIT_ASK, 1.0) for name in names}
        started = time.monotonic()
        stats = runner.work(until_idle=True)
        assert (stats.runs, stats.suspended) == (6, 6)
        assert all(runner.get(i).status == Status.SUSPENDED for i in ids.values())
        assert server.peak >= 4, f"the jobs' requests did not overlap (at most {server.peak} at once)"
        for name in names:
            toolbox.Gate(str(tmp_path), name).open("ok")
            runner.notify(f"gate:{name}")
        stats = runner.work(until_idle=True)
        elapsed = time.monotonic() - started
        assert stats.completed == 6
    # One after the other, the twelve requests would take 12 s.
    assert elapsed < 10, elapsed
    for name, job_id in ids.items():
        record = runner.get(job_id)
        assert record.status == Status.COMPLETED, record.error
        assert record.output == f"{name.upper()} ONE {name.upper()} TWO\n"
    expected = [f"{n}:{step}" for n in names for step in ("start", f"{n.upper()} ONE:ok", f"end:{n.upper()} TWO")]
    assert sorted(toolbox.log_lines(str(tmp_path))) == sorted(expected)
    assert sorted(server.requests) == sorted(f"{n} {part}" for n in names for part in ("one", "two"))


def test_concurrency_one_runs_one_job_at_a_time(tmp_path: Path) -> None:
    from statek_vm.jobs import MemoryStore

    with toolbox.DelayServer(str(tmp_path)) as server:
        runner = _runner(MemoryStore(), tmp_path)
        for name in ("a", "b", "c"):
            _submit(runner, name, ASK_WAIT_ASK, 0.1)
        assert runner.work(until_idle=True).suspended == 3
    assert server.peak == 1


SLOW_THEN_LOG = """\
log(folder, name + ':start')
answer = await ask(folder, name, delay)
log(folder, name + ':after ' + answer)
"""


def _work_in_thread(runner: Runner, **options: Any) -> tuple[threading.Thread, list[Any]]:
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(runner.work(**options)), daemon=True)
    thread.start()
    return thread, result


def _wait_for(predicate: Any, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def test_cancelling_an_in_flight_job_interrupts_its_await_and_spares_the_others(
    store: JobStore, tmp_path: Path
) -> None:
    with toolbox.DelayServer(str(tmp_path)) as server:
        runner = _runner(store, tmp_path, concurrency=3)
        slow = _submit(runner, "slow", SLOW_THEN_LOG, 60.0)
        fast = _submit(runner, "fast", SLOW_THEN_LOG, 1.0)
        started = time.monotonic()
        thread, result = _work_in_thread(runner, until_idle=True)
        _wait_for(lambda: server.open == 2, "both jobs to await their requests")
        assert runner.cancel(slow) == Status.STARTED, "a running job is cancelled by its worker"
        thread.join(30)
        assert not thread.is_alive() and result
    assert time.monotonic() - started < 30, "the cancelled job's 60 s await was interrupted"
    cancelled = runner.get(slow)
    assert cancelled.status == Status.CANCELLED
    assert "interrupted" in (cancelled.error or "")
    events = [e["event"] for e in store.events(slow)]
    assert "cancel_requested" in events and events[-1] == "cancelled"
    assert runner.get(fast).status == Status.COMPLETED
    assert sorted(toolbox.log_lines(str(tmp_path))) == ["fast:after FAST", "fast:start", "slow:start"]


TIMED_OUT_AWAIT = """\
import asyncio
log(folder, name + ':start')
try:
    answer = await asyncio.wait_for(ask(folder, name, delay), 0.5)
except TimeoutError:
    answer = 'gave up'
value = wait_gate(Gate(folder, name)).strip()
log(folder, name + ':' + answer + ':' + value)
"""


def test_a_timeout_inside_an_in_flight_job_is_its_own(store: JobStore, tmp_path: Path) -> None:
    with toolbox.DelayServer(str(tmp_path)):
        runner = _runner(store, tmp_path, concurrency=3)
        slow = _submit(runner, "slow", TIMED_OUT_AWAIT, 30.0)
        quick = _submit(runner, "quick", TIMED_OUT_AWAIT, 0.05)
        stranded = _submit(runner, "stranded", ASK_WAIT_ASK, 0.05, wait_timeout=1.0)
        started = time.monotonic()
        runner.work(until_idle=True)
        assert time.monotonic() - started < 20, "wait_for interrupted the slow request"
        for job_id in (slow, quick, stranded):
            assert runner.get(job_id).status == Status.SUSPENDED, runner.get(job_id).error
        # The stranded job's wait times out while the others resume.
        for name in ("slow", "quick"):
            toolbox.Gate(str(tmp_path), name).open("ok")
            runner.notify(f"gate:{name}")
        time.sleep(max(0.0, (runner.get(stranded).deadline or 0) - time.time()) + 0.05)
        runner.work(until_idle=True)
    assert runner.get(slow).status == Status.COMPLETED
    assert runner.get(quick).status == Status.COMPLETED
    assert runner.get(stranded).status == Status.TIMED_OUT
    assert sorted(toolbox.log_lines(str(tmp_path))) == sorted(
        ["slow:start", "slow:gave up:ok", "quick:start", "quick:QUICK:ok", "stranded:start"]
    )


def test_a_stopped_worker_drains_its_runs_and_claims_nothing_more(tmp_path: Path) -> None:
    from statek_vm.jobs import SQLiteStore

    with toolbox.DelayServer(str(tmp_path)) as server:
        runner = _runner(SQLiteStore(tmp_path / "jobs.db"), tmp_path, concurrency=2)
        ids = [_submit(runner, f"j{n}", SLOW_THEN_LOG, 1.0) for n in range(4)]
        thread, result = _work_in_thread(runner)
        _wait_for(lambda: server.open == 2, "two jobs in flight")
        runner.stop()
        thread.join(30)
        assert not thread.is_alive() and result
        # The two runs in progress got their answers, then ended or stopped
        # where they were (READY, for any worker to go on): none is left
        # STARTED for a lease to expire.
        statuses = [runner.get(i).status.value for i in ids]
        assert statuses.count("PENDING") == 2, statuses
        assert all(status in ("COMPLETED", "READY", "PENDING") for status in statuses), statuses
        runner.work(until_idle=True)
    assert all(runner.get(i).status == Status.COMPLETED for i in ids)
    lines = toolbox.log_lines(str(tmp_path))
    assert sorted(lines) == sorted(f"j{n}:{step}" for n in range(4) for step in ("start", f"after J{n}"))


def test_concurrency_must_be_a_positive_int(tmp_path: Path) -> None:
    from statek_vm.jobs import MemoryStore

    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="concurrency"):
            Runner(MemoryStore(), concurrency=bad)  # type: ignore[arg-type]


def test_work_inside_a_running_loop_points_to_awork(tmp_path: Path) -> None:
    import asyncio

    from statek_vm.exceptions import StatekError
    from statek_vm.jobs import MemoryStore

    async def main() -> Any:
        runner = _runner(MemoryStore(), tmp_path, concurrency=2)
        with pytest.raises(StatekError, match="awork"):
            runner.work(until_idle=True)
        job_id = runner.submit("log(folder, 'ran')\n")
        await runner.awork(until_idle=True)
        return runner.get(job_id).status

    assert asyncio.run(main()) == Status.COMPLETED
    assert toolbox.log_lines(str(tmp_path)) == ["ran"]


def test_a_worker_that_fails_commits_nothing_of_its_runs_in_flight(tmp_path: Path) -> None:
    from statek_vm.jobs import SQLiteStore

    with toolbox.DelayServer(str(tmp_path)) as server:
        runner = _runner(SQLiteStore(tmp_path / "jobs.db"), tmp_path, concurrency=2, lease=60)
        ids = [_submit(runner, f"j{n}", SLOW_THEN_LOG, 30.0) for n in range(2)]

        def tick(counts: dict[Status, int]) -> None:
            if server.open == 2:
                raise RuntimeError("the worker fails")

        with pytest.raises(RuntimeError, match="the worker fails"):
            runner.work(on_tick=tick, tick_seconds=0.02)
    # The scripts saw CancelledError as the loop closed, but that is not their
    # outcome: their leases hold them until another worker recovers them.
    assert [runner.get(i).status for i in ids] == [Status.STARTED, Status.STARTED]
    assert sorted(toolbox.log_lines(str(tmp_path))) == ["j0:start", "j1:start"]
