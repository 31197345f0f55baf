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
from statek_vm.jobs import SQLiteStore
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
    SQLiteStore(tmp_path / "jobs.db").close()
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
    assert not (tmp_path / "jobs.db").exists(), "the default store ($STATEK_VM_STORE) is another"
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


# -- no traps for a new user ------------------------------------------------------------


def test_global_options_go_before_or_after_the_command(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "before.db").close()
    SQLiteStore(tmp_path / "after.db").close()
    before = cli(tmp_path, "--store", "before.db", "--traceback", "show", "feedface")
    assert "no job 'feedface' in the job store 'before.db'" in before.stderr
    assert "Traceback" in before.stderr, "--traceback before the command is not lost"
    after = cli(tmp_path, "show", "feedface", "--store", "after.db")
    assert "'after.db'" in after.stderr and "Traceback" not in after.stderr
    both = cli(tmp_path, "--store", "before.db", "show", "feedface", "--store", "after.db")
    assert "'after.db'" in both.stderr, "the one after the command wins"
    assert not (tmp_path / "jobs.db").exists(), "the default store was never opened"


@needs_vm
def test_run_uses_the_store_given_before_the_command(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", "print('hello')\n")
    ran = cli(tmp_path, "--store", "global.db", "run", "agent.py")
    assert ran.returncode == 0 and "COMPLETED" in ran.stdout, ran.stderr
    assert (tmp_path / "global.db").exists() and not (tmp_path / "jobs.db").exists()


def test_read_only_commands_refuse_a_store_that_does_not_exist(tmp_path: Path) -> None:
    for command in (["jobs"], ["show", "feedface"], ["cancel", "feedface"], ["notify", "k"], ["resume", "feedface"]):
        refused = cli(tmp_path, *command, "--store", "typo.db")
        assert refused.returncode == 1, (command, refused.stderr)
        assert refused.stderr.startswith("statek-vm: error: no job store 'typo.db': the file does not exist"), command
        assert not (tmp_path / "typo.db").exists(), f"{command[0]} made a store"


@needs_vm
def test_a_store_whose_key_is_lost_or_wrong_refuses_to_start(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", AGENT)
    job_id = json.loads(cli(tmp_path, "run", "agent.py", "--json").stdout)["id"]
    key_file = tmp_path / "jobs.db.key"
    key = key_file.read_bytes()
    key_file.unlink()
    toolbox.Gate(str(tmp_path), "approval").open("approved")
    for command in (["worker", "--until-idle"], ["resume", job_id], ["run", "agent.py"]):
        refused = cli(tmp_path, *command)
        assert refused.returncode == 1, (command, refused.stdout, refused.stderr)
        assert "holds jobs, but its key file" in refused.stderr and "jobs.db.key' is missing" in refused.stderr
        assert "restore the key file, or set $STATEK_VM_KEY" in refused.stderr, refused.stderr
        assert not key_file.exists(), f"{command[0]} made a new key for a store with jobs"
    assert "SUSPENDED" in cli(tmp_path, "jobs").stdout, "looking at the jobs needs no key"
    assert len(json.loads(cli(tmp_path, "jobs", "--json").stdout)) > 0

    wrong = cli(tmp_path, "worker", "--until-idle", key=b"w" * 32)
    assert wrong.returncode == 1
    assert "the signing key ($STATEK_VM_KEY) is not the key of the job store" in wrong.stderr, wrong.stderr
    assert f"job {job_id[:12]} fails its check" in wrong.stderr
    key_file.write_bytes(b"ab" * 32)
    other = cli(tmp_path, "resume", job_id)
    assert other.returncode == 1 and "the key file" in other.stderr and "is not the key" in other.stderr
    assert "Restore the store's key file" in other.stderr

    key_file.write_bytes(key)
    done = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert done.returncode == 0 and "1 completed" in done.stderr, done.stderr
    assert json.loads(cli(tmp_path, "show", job_id, "--json").stdout)["status"] == "COMPLETED"
    by_environment = cli(tmp_path, "run", "agent.py", key=bytes.fromhex(key.decode()))
    assert by_environment.returncode == 0 and "SUSPENDED" not in by_environment.stderr, by_environment.stderr


def test_a_new_store_still_gets_its_key(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "jobs.db").close()
    worker = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert worker.returncode == 0, worker.stderr
    assert len(bytes.fromhex((tmp_path / "jobs.db.key").read_text())) == 32


def test_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "jobs.db").write_bytes(b"this is no database, just text that is long enough to be read\n" * 20)
    for command in (["jobs"], ["show", "feedface"], ["worker", "--until-idle"]):
        corrupt = cli(tmp_path, *command)
        assert corrupt.returncode == 1, command
        assert f"the job store {str(tmp_path / 'jobs.db')!r}" in corrupt.stderr, (command, corrupt.stderr)
        assert "file is not a database" in corrupt.stderr

    damaged = tmp_path / "damaged.db"
    store = SQLiteStore(damaged)
    store.close()
    data = bytearray(damaged.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first is garbage
    damaged.write_bytes(bytes(data))
    listed = cli(tmp_path, "jobs", "--store", str(damaged))
    assert listed.returncode == 1 and str(damaged) in listed.stderr, listed.stderr
    assert "malformed" in listed.stderr and "Traceback" not in listed.stderr

    (tmp_path / "jobs.db").unlink()
    (tmp_path / "latin.py").write_bytes(b"print('ok')\nprint('caf\xe9')\n")
    latin = cli(tmp_path, "run", "latin.py")
    assert latin.returncode == 1
    assert "the script 'latin.py' is not utf-8 text: line 2 holds the byte 0xe9" in latin.stderr, latin.stderr
    missing = cli(tmp_path, "run", "nowhere.py")
    assert missing.returncode == 1 and "no script file 'nowhere.py'" in missing.stderr

    SQLiteStore(tmp_path / "keyless.db").close()
    (tmp_path / "keyless.db.key").mkdir()  # a key file that cannot be read (even by root)
    unreadable = cli(tmp_path, "worker", "--until-idle", "--store", "keyless.db")
    assert unreadable.returncode == 1
    assert "cannot read the key file 'keyless.db.key' of the job store 'keyless.db'" in unreadable.stderr


@needs_vm
def test_a_script_with_a_coding_declaration_is_read_as_python_reads_it(tmp_path: Path) -> None:
    (tmp_path / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nprint('caf\xe9')\n")
    ran = cli(tmp_path, "run", "latin.py")
    assert ran.returncode == 0 and ran.stdout.startswith("caf\u00e9\n"), ran.stderr


@needs_vm
def test_a_reader_that_goes_away_is_no_error(tmp_path: Path) -> None:
    import os
    import subprocess

    from statek_vm.jobs import Manager
    from tests.jobs.processes import environment

    script(tmp_path, "agent.py", AGENT)
    manager = Manager(tmp_path / "jobs.db")
    job_id = manager.submit_file(tmp_path / "agent.py")
    manager.store.close()
    for command in (["jobs"], ["jobs", "--json"], ["show", job_id], ["--help"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before anything is written: every write fails with EPIPE
        try:
            ended = subprocess.run(
                [sys.executable, "-m", "statek_vm.cli", *command],
                cwd=tmp_path,
                env=environment(tmp_path / "jobs.db"),
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            os.close(write_end)
        if command == ["--help"]:
            continue  # (argparse's own output: only the store's commands are ours to quiet)
        assert ended.stderr == "", (command, ended.stderr)
        assert ended.returncode == 141, "as a command that SIGPIPE ends"


INPUTS_AGENT = """\
import os
from toolbox import Gate, wait_gate

print('hello', who, limit, tags)
tags.append('seen')
decision = wait_gate(Gate(os.path.dirname(__file__), 'approval'))
print('after the wait:', who, limit, tags, decision)
"""


@needs_vm
def test_run_passes_inputs_that_the_job_keeps(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", INPUTS_AGENT)
    ran = cli(tmp_path, "run", "agent.py", "--input", 'who="Ada"', "--input", "limit=3", "--input", 'tags=["a"]')
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("hello Ada 3 ['a']\n") and "SUSPENDED" in ran.stdout
    job_id = ran.stdout.splitlines()[1].split()[1]
    view = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert view["inputs"] == {"who": "Ada", "limit": 3, "tags": ["a"]}, "as submitted, not as the script changed them"
    assert 'inputs    who="Ada", limit=3, tags=["a"]' in cli(tmp_path, "show", job_id).stdout
    toolbox.Gate(str(tmp_path), "approval").open("yes")
    done = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert done.returncode == 0 and "1 completed" in done.stderr, done.stderr
    final = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert final["output"].endswith("after the wait: Ada 3 ['a', 'seen'] yes\n"), "another process resumed them"


def test_bad_inputs_are_usage_errors(tmp_path: Path) -> None:
    script(tmp_path, "agent.py", "print(x)\n")
    for given, expected in (
        ("x", "'x' is not NAME=JSON"),
        ("x=Ada", "the value of x is not JSON (Expecting value: 'Ada'); a string keeps its quotes"),
        ("no-name=1", "'no-name' is not a Python name"),
        ("class=1", "'class' is not a Python name"),
    ):
        bad = cli(tmp_path, "run", "agent.py", "--input", given)
        assert bad.returncode == 2, given
        assert f"argument --input: {expected}" in bad.stderr, bad.stderr
    assert not (tmp_path / "jobs.db").exists()


@needs_vm
def test_the_worker_logs_each_run_and_shows_its_output(tmp_path: Path) -> None:
    from statek_vm.jobs import Manager

    script(tmp_path, "agent.py", AGENT)
    manager = Manager(tmp_path / "jobs.db")
    first = manager.submit_file(tmp_path / "agent.py")
    manager.store.close()
    started = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05", "--show-output")
    assert started.returncode == 0, started.stderr
    line = f"statek-vm worker: job {first[:12]} SUSPENDED at {tmp_path / 'agent.py'}:8 for <FutureResult pending"
    assert line in started.stderr, started.stderr
    assert started.stdout == "preparing\n"

    toolbox.Gate(str(tmp_path), "approval").open("approved")
    quiet = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05", "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == "", "nothing unless asked"
    assert json.loads(cli(tmp_path, "show", first, "--json").stdout)["status"] == "COMPLETED"

    (tmp_path / "approval").unlink()
    second = json.loads(cli(tmp_path, "run", "agent.py", "--json").stdout)["id"]
    toolbox.Gate(str(tmp_path), "approval").open("yes")
    resumed = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05", "--show-output")
    assert f"statek-vm worker: job {second[:12]} COMPLETED\n" in resumed.stderr, resumed.stderr
    assert resumed.stdout == "decision: yes\n", "only what it printed in this run"
    plain = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert plain.stdout == "" and "statek-vm worker: job" not in plain.stderr, "no run, no line"
