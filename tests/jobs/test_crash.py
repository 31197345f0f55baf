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
