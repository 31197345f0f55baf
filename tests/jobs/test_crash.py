"""Crash safety with real processes: SIGKILL mid-run, two workers on one store."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import SQLiteStore, Status
from tests.jobs import toolbox
from tests.jobs.processes import cli, script, start, wait_until

pytestmark = [
    pytest.mark.skipif(
        sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
    ),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

KILLED_MID_RUN = """\
import os
from toolbox import Gate, block, log, wait_gate

folder = os.path.dirname(__file__)
log(folder, 'start')
value = wait_gate(Gate(folder, 'g')).strip()
log(folder, 'resumed ' + value)
block(folder, 120)
log(folder, 'end')
print('finished with', value)
"""


def test_a_worker_killed_mid_run_loses_no_job(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", KILLED_MID_RUN)
    first = cli(tmp_path, "run", "agent.py", "--json")
    assert first.returncode == 0, first.stderr
    job_id = json.loads(first.stdout)["id"]
    assert json.loads(first.stdout)["status"] == "SUSPENDED"
    toolbox.Gate(str(tmp_path), "g").open("ok")

    doomed = start(tmp_path, "worker", "--lease", "1", "--poll", "0.05", "--quiet")
    try:
        wait_until(lambda: (tmp_path / "entered").exists(), what="the worker to enter the blocking call")
        store = SQLiteStore(tmp_path / "jobs.db")
        assert store.get(job_id).status == Status.STARTED
        os.kill(doomed.pid, signal.SIGKILL)
    finally:
        doomed.wait(timeout=30)
    assert doomed.returncode == -signal.SIGKILL
    assert store.get(job_id).status == Status.STARTED, "the dead worker's lease holds the job until it expires"

    time.sleep(1.2)  # the lease (1 s) runs out
    second = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05", "--lease", "5")
    assert second.returncode == 0, second.stderr
    record = store.get(job_id)
    assert record.status == Status.COMPLETED, record.error
    assert record.output == "finished with ok\n"
    assert record.recoveries == 1
    # 'start' ran before the committed snapshot: once.  The lost run's steps
    # after that snapshot ran again, as a recovery is documented to do.
    assert toolbox.log_lines(str(tmp_path)) == ["start", "resumed ok", "resumed ok", "end"]
    events = [e["event"] for e in store.events(job_id)]
    assert "recovered" in events and events[-1] == "completed"


FLEET_SCRIPT = """\
import os
from toolbox import Gate, log, wait_gate

folder = os.path.dirname(__file__)
name = os.path.basename(__file__)[:-3]
for step in range(3):
    log(folder, f'{name}:{step}')
    wait_gate(Gate(folder, f'{name}-{step}')).strip()
log(folder, f'{name}:end')
"""


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_two_worker_processes_resume_each_suspension_once(
    tmp_path: Path, kind: str, request: pytest.FixtureRequest
) -> None:
    names = [f"job{n}" for n in range(6)]
    for name in names:
        script(tmp_path, f"{name}.py", FLEET_SCRIPT)
    from statek_vm.jobs import Runner

    spec = str(tmp_path / "jobs.db")
    key = None
    if kind == "postgres":
        spec = request.getfixturevalue("postgres_server").database(url=True)
        key = b"fleet key " * 3 + b".."
    submitter = Runner(SQLiteStore(spec) if key is None else _postgres(spec, key))
    for name in names:
        submitter.submit_file(tmp_path / f"{name}.py")
    workers = [start(tmp_path, "worker", "--poll", "0.02", "--quiet", store=spec, key=key) for _ in range(2)]
    try:
        for step in range(3):
            wait_until(
                lambda step=step: (
                    sum(line.endswith(f":{step}") for line in toolbox.log_lines(str(tmp_path))) >= len(names)
                ),
                what=f"every job to reach step {step}",
            )
            for name in names:
                toolbox.Gate(str(tmp_path), f"{name}-{step}").open()
                submitter.notify(f"gate:{name}-{step}")
        wait_until(lambda: submitter.store.counts()[Status.COMPLETED] == len(names), what="every job to complete")
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=30)
    lines = toolbox.log_lines(str(tmp_path))
    assert sorted(lines) == sorted(f"{n}:{s}" for n in names for s in (0, 1, 2, "end")), "each step ran once"


def _postgres(url: str, key: bytes) -> Any:
    from statek_vm.jobs import PostgresStore

    return PostgresStore(url, key=key)


ASYNC_AGENT = """\
import os
from toolbox import Gate, ask, log, wait_gate

folder = os.path.dirname(__file__)
name = os.path.basename(__file__)[:-3]
log(folder, f'{name}:start')
first = await ask(folder, f'{name} one', 0.05)
value = wait_gate(Gate(folder, name)).strip()
log(folder, f'{name}:resumed')
second = await ask(folder, f'{name} two', 0.05)
log(folder, f'{name}:end')
print(first, value, second)
"""


def _async_agents(folder: Path, count: int, runner: Any) -> dict[str, str]:
    ids = {}
    for n in range(count):
        name = f"agent{n}"
        script(folder, f"{name}.py", ASYNC_AGENT)
        ids[name] = runner.submit_file(folder / f"{name}.py")
    return ids


def _open_gates(folder: Path, names: Any, runner: Any) -> None:
    for name in names:
        toolbox.Gate(str(folder), name).open("ok")
        runner.notify(f"gate:{name}")


def test_a_worker_killed_with_jobs_in_flight_loses_none(tmp_path: Path) -> None:
    from statek_vm.jobs import Runner

    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    with toolbox.DelayServer(str(tmp_path)) as server:
        ids = _async_agents(tmp_path, 4, runner)
        first = cli(tmp_path, "worker", "--until-idle", "--concurrency", "4", "--poll", "0.05")
        assert first.returncode == 0, first.stderr
        assert all(runner.get(i).status == Status.SUSPENDED for i in ids.values())
        server.hold()
        _open_gates(tmp_path, ids, runner)
        doomed = start(tmp_path, "worker", "--concurrency", "4", "--lease", "1", "--poll", "0.05", "--quiet")
        try:
            wait_until(lambda: server.open == 4, what="four jobs in flight, each awaiting its request")
            assert all(runner.get(i).status == Status.STARTED for i in ids.values())
            os.kill(doomed.pid, signal.SIGKILL)
        finally:
            doomed.wait(timeout=30)
        assert doomed.returncode == -signal.SIGKILL
        server.release()
        time.sleep(1.2)  # the leases (1 s) run out
        second = cli(tmp_path, "worker", "--until-idle", "--concurrency", "4", "--poll", "0.05")
        assert second.returncode == 0, second.stderr
    for name, job_id in ids.items():
        record = runner.get(job_id)
        assert record.status == Status.COMPLETED, record.error
        assert record.output == f"{name.upper()} ONE ok {name.upper()} TWO\n"
        assert record.recoveries == 1
    lines = toolbox.log_lines(str(tmp_path))
    for name in ids:
        # Before the committed snapshot: once.  The lost run's steps after it
        # ran again, as a recovery is documented to do.
        assert lines.count(f"{name}:start") == 1
        assert lines.count(f"{name}:resumed") == 2
        assert lines.count(f"{name}:end") == 1
        assert server.requests.count(f"{name} one") == 1


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_two_concurrent_worker_processes_run_every_step_once(
    tmp_path: Path, kind: str, request: pytest.FixtureRequest
) -> None:
    from statek_vm.jobs import Runner

    spec = str(tmp_path / "jobs.db")
    key = None
    if kind == "postgres":
        spec = request.getfixturevalue("postgres_server").database(url=True)
        key = b"fleet key " * 3 + b".."
    runner = Runner(SQLiteStore(spec) if key is None else _postgres(spec, key))
    with toolbox.DelayServer(str(tmp_path)) as server:
        ids = _async_agents(tmp_path, 8, runner)
        # Held until both workers have three jobs in flight: both take part,
        # and both have their signal handlers before they are terminated.
        server.hold()
        workers = [
            start(tmp_path, "worker", "--concurrency", "3", "--poll", "0.02", "--quiet", store=spec, key=key)
            for _ in range(2)
        ]
        try:
            wait_until(lambda: server.open == 6, what="both workers to run three jobs each")
            server.release()
            wait_until(
                lambda: runner.store.counts()[Status.SUSPENDED] == len(ids), what="every job to suspend"
            )
            _open_gates(tmp_path, ids, runner)
            wait_until(lambda: runner.store.counts()[Status.COMPLETED] == len(ids), what="every job to complete")
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
        failed = [worker.stderr.read() for worker in workers if worker.returncode != 0 and worker.stderr]
        assert [worker.returncode for worker in workers] == [0, 0], f"SIGTERM stops a worker cleanly: {failed}"
        requests = sorted(server.requests)
    lines = toolbox.log_lines(str(tmp_path))
    assert sorted(lines) == sorted(f"{n}:{s}" for n in ids for s in ("start", "resumed", "end")), "each step ran once"
    assert requests == sorted(f"{n} {part}" for n in ids for part in ("one", "two"))
    owners = {e["owner"] for job_id in ids.values() for e in runner.store.events(job_id) if e["event"] == "claimed"}
    assert len(owners) == 2, "both workers ran jobs"


def test_sigterm_drains_a_worker_its_runs_commit_and_nothing_more_is_claimed(tmp_path: Path) -> None:
    from statek_vm.jobs import Runner

    runner = Runner(SQLiteStore(tmp_path / "jobs.db"))
    with toolbox.DelayServer(str(tmp_path)) as server:
        ids = _async_agents(tmp_path, 5, runner)
        server.hold()
        worker = start(tmp_path, "worker", "--concurrency", "3", "--poll", "0.05", "--quiet")
        try:
            wait_until(lambda: server.open == 3, what="three jobs in flight")
            worker.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            assert worker.poll() is None, "a draining worker waits for its runs"
            server.release()
            _, stderr = worker.communicate(timeout=60)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=30)
        assert worker.returncode == 0, stderr
        # The three runs got their answers, then stopped at a checkpoint
        # (READY: any worker goes on there) or reached their wait.
        statuses = [runner.get(i).status.value for i in ids.values()]
        assert statuses.count("PENDING") == 2, statuses
        errors = [runner.get(i).error for i in ids.values()]
        assert all(status in ("PENDING", "READY", "SUSPENDED") for status in statuses), (statuses, errors)
        assert len(server.requests) == 3
        again = cli(tmp_path, "worker", "--until-idle", "--concurrency", "5", "--poll", "0.05")
        assert again.returncode == 0, again.stderr
    assert all(runner.get(i).status == Status.SUSPENDED for i in ids.values())
    assert sorted(toolbox.log_lines(str(tmp_path))) == sorted(f"{n}:start" for n in ids)
    assert sorted(server.requests) == sorted(f"{n} one" for n in ids)
