"""The ``statek-vm`` command line, in real processes."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

import statek_vm
from statek_vm.cli import main
from statek_vm.job import SUPPORTED_VERSIONS
from tests.jobs import toolbox
from tests.jobs.processes import cli, script

needs_vm = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
)

AGENT = """\
import os
from toolbox import Gate, log, wait_gate

folder = os.path.dirname(__file__)
print('preparing')
log(folder, 'prepared')
decision = wait_gate(Gate(folder, 'approval'))
print('decision:', decision.strip())
"""


@needs_vm
def test_run_show_notify_worker_round_trip(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", AGENT)
    ran = cli(tmp_path, "run", "agent.py")
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[0] == "preparing"
    assert lines[1].startswith("job ") and lines[1].endswith(" SUSPENDED")
    job_id = lines[1].split()[1]
    assert f"waits at {tmp_path / 'agent.py'}:8" in ran.stdout, "the line that needs the decision"
    assert "8 | print('decision:', decision.strip())" in ran.stdout
    assert "notify key: gate:approval" in ran.stdout and "FutureResult" in ran.stdout

    listed = cli(tmp_path, "jobs")
    assert job_id[:12] in listed.stdout and "SUSPENDED" in listed.stdout and "agent.py:8" in listed.stdout
    rows = [json.loads(line) for line in cli(tmp_path, "jobs", "--json", "--status", "suspended").stdout.splitlines()]
    assert [r["id"] for r in rows] == [job_id] and rows[0]["keys"] == ["gate:approval"]
    assert cli(tmp_path, "jobs", "--status", "completed").stdout.strip() == "no jobs"

    shown = cli(tmp_path, "show", job_id[:8])
    assert shown.returncode == 0 and "status    SUSPENDED" in shown.stdout
    assert "8 | print('decision:', decision.strip())" in shown.stdout and "preparing" in shown.stdout
    view = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert view["status"] == "SUSPENDED" and view["line"] == 8 and view["file"] == str(tmp_path / "agent.py")
    assert view["next_instr_num"] is not None and view["output"] == "preparing\n"
    assert [e["event"] for e in view["history"]] == ["submitted", "claimed", "started", "suspended"]

    idle = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert idle.returncode == 0 and "0 runs" in idle.stderr, idle.stderr
    toolbox.Gate(str(tmp_path), "approval").open("approved\n")
    notified = cli(tmp_path, "notify", "gate:approval")
    assert notified.stdout.startswith("1 job waiting on 'gate:approval'")
    done = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert done.returncode == 0 and "1 completed" in done.stderr, done.stderr
    final = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert final["status"] == "COMPLETED" and final["output"] == "preparing\ndecision: approved\n"
    assert toolbox.log_lines(str(tmp_path)) == ["prepared"], "nothing before the wait ran again"


@needs_vm
def test_run_json_and_resume_and_cancel(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", AGENT)
    view = json.loads(cli(tmp_path, "run", "agent.py", "--json").stdout)
    assert {"id", "status", "next_instr_num", "file", "line", "awaited", "output"} <= set(view)
    assert view["status"] == "SUSPENDED" and view["line"] == 8 and view["output"] == "preparing\n"
    still = cli(tmp_path, "resume", view["id"])
    assert still.returncode == 0 and "SUSPENDED" in still.stdout, "not ready: stays suspended"
    toolbox.Gate(str(tmp_path), "approval").open("yes")
    resumed = json.loads(cli(tmp_path, "resume", view["id"], "--json").stdout)
    assert resumed["status"] == "COMPLETED" and resumed["output"] == "preparing\ndecision: yes\n"

    (tmp_path / "approval").unlink()
    other = json.loads(cli(tmp_path, "run", "agent.py", "--json").stdout)
    cancelled = cli(tmp_path, "cancel", other["id"])
    assert cancelled.stdout.strip() == f"job {other['id'][:12]} CANCELLED"
    again = cli(tmp_path, "cancel", other["id"])
    assert "CANCELLED already" in again.stdout


@needs_vm
def test_a_failing_script_exits_1_with_its_traceback(tmp_path: Path) -> None:
    script(tmp_path, "broken.py", "print('about to fail')\n{}['missing']\n")
    ran = cli(tmp_path, "run", "broken.py")
    assert ran.returncode == 1
    assert ran.stdout.startswith("about to fail\n") and "FAILED: KeyError: 'missing'" in ran.stdout
    assert 'broken.py", line 2' in ran.stderr


def test_errors_are_one_line_unless_asked(tmp_path: Path) -> None:
    missing = cli(tmp_path, "show", "feedface")
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("statek-vm: error: no job 'feedface'")
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    verbose = cli(tmp_path, "show", "feedface", "--traceback")
    assert "Traceback" in verbose.stderr
    no_script = cli(tmp_path, "run", "nowhere.py")
    assert no_script.returncode == 1 and "no script file 'nowhere.py'" in no_script.stderr
    (tmp_path / "bad.py").write_text("def broken(:\n")
    bad = cli(tmp_path, "run", "bad.py")
    assert bad.returncode == 1 and "invalid syntax" in bad.stderr and "Traceback" not in bad.stderr
    status = cli(tmp_path, "jobs", "--status", "sleeping")
    assert status.returncode == 1 and "unknown status 'sleeping'" in status.stderr


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["launch"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"statek-vm {statek_vm.__version__}"


@needs_vm
def test_store_option_and_environment(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", "print('hello')\n")
    ran = cli(tmp_path, "run", "agent.py", "--store", str(tmp_path / "other.db"))
    assert ran.returncode == 0 and "COMPLETED" in ran.stdout
    assert (tmp_path / "other.db").exists()
    assert cli(tmp_path, "jobs").stdout.strip() == "no jobs", "the default store ($STATEK_VM_STORE) is another"
    assert "COMPLETED" in cli(tmp_path, "jobs", "--store", str(tmp_path / "other.db")).stdout


def test_sigterm_stops_the_worker_cleanly(tmp_path: Path) -> None:
    import signal

    from tests.jobs.processes import start

    worker = start(tmp_path, "worker", "--poll", "0.05")
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "jobs.db").exists():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.3)
        worker.send_signal(signal.SIGTERM)
        _, err = worker.communicate(timeout=30)
    finally:
        worker.kill()
    assert worker.returncode == 0, err
    assert "statek-vm worker: 0 runs" in err
