"""Budgets, cancellation and stopping of running jobs in runners and real worker processes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm import Limits
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import Runner, SQLiteStore, Status
from statek_vm.jobs.runner import DEFAULT_OUTPUT_LIMIT
from tests.jobs.processes import cli, script, start, wait_until

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Counts to N, printing as it starts and ends: a rerun of any instruction
# shows in the output ("start" twice) or in the count.
COUNTER = """
print("start")
n = 0
while n < {n}:
    n += 1
print("end", n)
"""

SPIN = "print('spinning')\nwhile True:\n    pass\n"


def _events(runner: Runner, job_id: str) -> list[str]:
    return [e["event"] for e in runner.store.events(job_id)]


def test_a_runner_stops_a_job_at_its_budget_and_resumes_it_where_it_stopped(tmp_path: Path) -> None:
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"), limits=Limits(instructions=20_000))
    job_id = runner.submit(COUNTER.format(n=30_000))
    record = runner.run_job(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and record.error.startswith("LimitExceeded: the job exceeded its instructions")
    assert record.snapshot is not None and record.line is not None
    assert record.output == "start\n"
    # The runner's budget again: it stops at once, nothing runs.
    record = runner.resume(job_id)
    assert record.status == Status.FAILED and record.output == "start\n"
    record = runner.resume(job_id, limits=Limits(instructions=10**7))
    assert record.status == Status.COMPLETED, record.error
    assert record.output == "start\nend 30000\n"
    assert _events(runner, job_id).count("failed") == 2
    assert runner.get(job_id).limits == {"instructions": 10**7}


def test_a_stop_while_a_run_is_prepared_stops_it_at_its_first_checkpoint(tmp_path: Path, monkeypatch: Any) -> None:
    # Ctrl-C between a job's claim and its first instruction (the program
    # compiled, the snapshot loaded) stops that run too, a new job's and a
    # loaded one's alike: it does not run on to its end.
    prepare = Runner._prepare

    def stopped_meanwhile(self: Runner, *args: Any) -> Any:
        prepared = prepare(self, *args)
        self.stop()
        return prepared

    monkeypatch.setattr(Runner, "_prepare", stopped_meanwhile)
    store = SQLiteStore(tmp_path / "jobs.db")
    job_id = Runner(store).submit(COUNTER.format(n=3_000_000))
    for _ in range(2):  # started, then loaded from the snapshot the first run left
        record = Runner(store).run_job(job_id)
        assert record.status == Status.READY and record.snapshot is not None, (record.status, record.error)
        assert record.output == ""
    monkeypatch.setattr(Runner, "_prepare", prepare)
    record = Runner(store).run_job(job_id)
    assert record.status == Status.COMPLETED and record.output == "start\nend 3000000\n"


def test_a_jobs_own_limits_take_the_place_of_the_runners(tmp_path: Path) -> None:
    # (each limit the job sets replaces the runner's of that kind: its 0.3 s, not the runner's minute)
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"), limits=Limits(seconds=60, output=10_000))
    job_id = runner.submit(SPIN, limits=Limits(seconds=0.3))
    started = time.monotonic()
    record = runner.run_job(job_id)
    assert time.monotonic() - started < 10
    assert record.status == Status.FAILED and "seconds limit" in (record.error or "")
    assert runner.get(job_id).limits == {"seconds": 0.3}


def test_stored_output_is_capped_by_default(tmp_path: Path) -> None:
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    job_id = runner.submit(f"print('x' * {DEFAULT_OUTPUT_LIMIT + 1000})\nprint('after')\n")
    record = runner.run_job(job_id)
    assert record.status == Status.FAILED and "output limit" in (record.error or "")
    assert len(record.output) == DEFAULT_OUTPUT_LIMIT


def test_a_cancelled_running_job_stops_within_a_second_in_a_worker_process(tmp_path: Path) -> None:
    script(tmp_path, "spin.py", SPIN)
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    job_id = runner.submit_file(tmp_path / "spin.py")
    worker = start(tmp_path, "worker", "--poll", "0.05", "--quiet")
    try:
        wait_until(lambda: runner.get(job_id).status == Status.STARTED, what="the job to run")
        time.sleep(0.3)
        cancelled_at = time.monotonic()
        done = cli(tmp_path, "cancel", job_id)
        assert done.returncode == 0 and "stops it within a second" in done.stdout, done.stderr
        wait_until(lambda: runner.get(job_id).status == Status.CANCELLED, timeout=10, what="the job to be cancelled")
        assert time.monotonic() - cancelled_at < 3
        assert worker.poll() is None, "the worker goes on"
        assert runner.get(job_id).output == "spinning\n"
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    assert worker.returncode == 0, worker.stderr.read() if worker.stderr else ""


def test_sigterm_stops_a_looping_job_at_an_instruction_and_another_worker_goes_on(tmp_path: Path) -> None:
    script(tmp_path, "count.py", COUNTER.format(n=3_000_000))
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    job_id = runner.submit_file(tmp_path / "count.py")
    worker = start(tmp_path, "worker", "--poll", "0.05", "--quiet")
    try:
        wait_until(lambda: runner.get(job_id).status == Status.STARTED, what="the job to run")
        time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        worker.wait(timeout=30)
    assert worker.returncode == 0, worker.stderr.read() if worker.stderr else ""
    assert time.monotonic() - stopped_at < 5
    record = runner.get(job_id)
    assert record.status == Status.READY and record.snapshot is not None
    assert "paused" in _events(runner, job_id)
    finish = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert finish.returncode == 0, finish.stderr
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED, record.error
    assert record.output == "start\nend 3000000\n"


def test_a_worker_with_run_for_returns_though_a_job_never_ends(tmp_path: Path) -> None:
    script(tmp_path, "spin.py", SPIN)
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    job_id = runner.submit_file(tmp_path / "spin.py")
    started = time.monotonic()
    done = cli(tmp_path, "worker", "--run-for", "1", "--poll", "0.05", timeout=60)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 15
    assert runner.get(job_id).status == Status.READY


def test_the_cli_runs_and_resumes_with_budgets(tmp_path: Path) -> None:
    script(tmp_path, "count.py", COUNTER.format(n=50_000))
    done = cli(tmp_path, "run", "count.py", "--max-instructions", "30000", "--json")
    assert done.returncode == 1, done.stderr
    view = json.loads(done.stdout)
    assert view["status"] == "FAILED" and "instructions limit" in view["error"]
    again = cli(tmp_path, "resume", view["id"], "--max-instructions", "1000000", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["status"] == "COMPLETED"
    assert json.loads(again.stdout)["output"] == "start\nend 50000\n"


# Counts until the test makes its marker file: a run that cannot end by itself, however fast it counts.
UNTIL_MARKED = """
import os
print("start")
n = 0
while not os.path.exists({marker!r}):
    n += 1
print("end")
"""


def test_ctrl_c_stops_a_run_where_it_is(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    script(tmp_path, "count.py", UNTIL_MARKED.format(marker=str(marker)))
    run = start(tmp_path, "run", "count.py", "--json")
    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    try:
        wait_until(lambda: bool(runner.store.jobs()), what="the job to be submitted")
        job_id = runner.store.jobs()[0].id
        wait_until(lambda: runner.get(job_id).status == Status.STARTED, what="the job to run")
        time.sleep(0.3)
    finally:
        run.send_signal(signal.SIGINT)
        try:
            run.wait(timeout=30)
        except subprocess.TimeoutExpired:
            run.kill()  # (its script counts until the marker exists: never left running)
            run.wait()
            raise
    record = runner.get(job_id)
    assert record.status == Status.READY and record.snapshot is not None, (record.status, run.stderr.read())
    marker.touch()
    assert cli(tmp_path, "worker", "--until-idle", "--poll", "0.05").returncode == 0
    assert runner.get(job_id).output == "start\nend\n"
