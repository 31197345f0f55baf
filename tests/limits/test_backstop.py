"""The backstop: each run of a job in a child process with OS limits, the worker surviving whatever it does.

What the in-process checks cannot stop (a host call that never returns,
memory that host C code allocates) is stopped by the operating system and
the parent: the job fails with ``LimitExceeded`` keeping its last snapshot,
and the same worker goes on with other jobs.  Everything else works as
without a backstop: waits commit their snapshots, resumes go on exactly,
cancellation and a worker's stop reach the child, a budget the VM checks
stops the job first, exactly.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm import Limits
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import Backstop, MemoryStore, Runner, SQLiteStore, Status
from tests.jobs import toolbox
from tests.jobs.processes import wait_until

pytestmark = [
    pytest.mark.skipif(
        sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
    ),
    pytest.mark.skipif(sys.platform == "win32", reason="the backstop forks"),
]


def hang() -> None:
    """A host call that does not return (until the test's process ends)."""
    time.sleep(3600)


def allocate(n: int) -> int:
    """Host C code allocating ``n`` bytes, outside the VM's view."""
    return len(bytearray(n))


def _runner(folder: Path, **options: Any) -> Runner:
    bindings = {"hang": hang, "allocate": allocate, "log": toolbox.log, "wait_gate": toolbox.wait_gate}
    bindings["Gate"] = toolbox.Gate
    bindings["FOLDER"] = str(folder)
    return Runner(SQLiteStore(folder / "jobs.db"), globals=bindings, poll_interval=0.02, **options)


WAITS_THEN = """
log(FOLDER, "before")
answer = wait_gate(Gate(FOLDER, "go"))
log(FOLDER, "after " + answer)
{then}
log(FOLDER, "end")
print("done", answer)
"""


def test_a_host_call_that_hangs_is_killed_and_the_job_fails_from_its_last_snapshot(tmp_path: Path) -> None:
    runner = _runner(tmp_path, backstop=Backstop(seconds=1.0, grace=0.5))
    job_id = runner.submit(WAITS_THEN.format(then="hang()"))
    record = runner.run_job(job_id)
    assert record.status == Status.SUSPENDED
    waited_at = record.snapshot
    toolbox.Gate(str(tmp_path), "go").open("yes")
    runner.work(until_idle=True, max_seconds=30)
    record = runner.get(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and record.error.startswith("LimitExceeded: the job exceeded its backstop's seconds")
    assert "goes on from its last snapshot (at line 4)" in record.error and "runs again" in record.error
    assert record.snapshot == waited_at  # the job's state at its last wait, kept
    assert toolbox.log_lines(tmp_path) == ["before", "after yes"]
    # The worker goes on.
    other = runner.submit("print(6 * 7)\n")
    assert runner.run_job(other).output == "42\n"


def test_memory_host_code_allocates_stops_at_the_backstop(tmp_path: Path) -> None:
    runner = _runner(tmp_path, backstop=Backstop(memory=64 * 2**20))
    job_id = runner.submit("print('start')\nn = allocate(512 * 2**20)\nprint(n)\n")
    record = runner.run_job(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and record.error.startswith("LimitExceeded: the job exceeded its backstop's memory")
    assert runner.run_job(runner.submit("print(allocate(2**20))\n")).output == f"{2**20}\n"


def test_waits_and_resumes_in_children_run_every_step_once(tmp_path: Path) -> None:
    runner = _runner(tmp_path, backstop=Backstop(memory=256 * 2**20, seconds=30))
    job_id = runner.submit(WAITS_THEN.format(then="second = wait_gate(Gate(FOLDER, 'again'))\nlog(FOLDER, second)"))
    assert runner.run_job(job_id).status == Status.SUSPENDED
    toolbox.Gate(str(tmp_path), "go").open("one")
    runner.work(until_idle=True, max_seconds=30)
    assert runner.get(job_id).status == Status.SUSPENDED
    toolbox.Gate(str(tmp_path), "again").open("two")
    runner.work(until_idle=True, max_seconds=30)
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED, record.error
    assert record.output == "done one\n"
    assert toolbox.log_lines(tmp_path) == ["before", "after one", "two", "end"]


def test_a_budget_the_vm_checks_stops_the_job_first_exactly(tmp_path: Path) -> None:
    runner = _runner(tmp_path, backstop=Backstop(seconds=0.5, grace=5))
    job_id = runner.submit("log(FOLDER, 'once')\nn = 0\nwhile n < 10**9:\n    n += 1\n")
    record = runner.run_job(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and "its seconds limit" in record.error and "can resume there" in record.error
    assert record.snapshot is not None  # kept where it stopped: resumable with nothing run twice
    record = runner.resume(job_id)  # another run, another half second
    assert record.status == Status.FAILED and "its seconds limit" in (record.error or "")
    assert toolbox.log_lines(tmp_path) == ["once"]


def test_cancel_and_stop_reach_the_child(tmp_path: Path) -> None:
    runner = _runner(tmp_path, backstop=Backstop(seconds=60))
    spin = "log(FOLDER, 'spin')\nwhile True:\n    pass\n"
    job_id = runner.submit(spin)
    threading.Timer(0.5, runner.cancel, [job_id]).start()
    started = time.monotonic()
    record = runner.run_job(job_id)
    assert record.status == Status.CANCELLED and time.monotonic() - started < 10
    paused = runner.submit("log(FOLDER, 'paused')\nn = 0\nwhile True:\n    n += 1\n")
    threading.Timer(0.5, runner.stop).start()
    record = runner.run_job(paused)
    assert record.status == Status.READY, record.error  # stopped by its worker: any worker goes on from there
    assert record.snapshot is not None
    wait_until(lambda: runner.get(paused).status == Status.READY)
    assert toolbox.log_lines(tmp_path) == ["spin", "paused"]


def test_backstop_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="positive"):
        Backstop(seconds=0)
    with pytest.raises(ValueError, match="positive"):
        Backstop(memory=-1)
    with pytest.raises(TypeError, match="Backstop"):
        Runner(MemoryStore(), backstop=Limits(seconds=1))  # type: ignore[arg-type]
    assert Backstop(seconds=2).job_limits(Limits(seconds=10), used_seconds=5) == Limits(seconds=7)
    assert Backstop(memory=100).job_limits(Limits()) == Limits(memory=100)


def test_the_cli_takes_a_backstop(tmp_path: Path) -> None:
    from tests.jobs.processes import cli

    (tmp_path / "slow.py").write_text("import time\nprint('x')\ntime.sleep(60)\n")
    started = time.monotonic()
    done = cli(tmp_path, "run", "slow.py", "--backstop-seconds", "0.5", "--backstop-grace", "0.5")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "LimitExceeded: the job exceeded its backstop's seconds limit" in done.stdout
    assert time.monotonic() - started < 30
