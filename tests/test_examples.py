"""The examples run as the README says, and do what they promise.

Each job example is told by its ``demo.py``: every step a separate process,
in a scratch folder kept here (``--workdir``) so that the job store and the
example's own database can be read afterwards. What is checked is what each
example promises: the job suspended in the process that ran it, at the line
its docstring names; it resumed in another process; it printed its final
output; the lines before the wait ran once, and the side effects before it
happened once.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

needs_vm = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS,
    reason="jobs run on the VM, which runs only CPython "
    + ", ".join(f"{major}.{minor}" for major, minor in sorted(SUPPORTED_VERSIONS))
    + " bytecode for now",
)


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("STATEK_VM_STORE", None)
    env.pop("STATEK_VM", None)
    env.update(extra)
    return env


def test_temporal_api_example() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "temporal_api.py")],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in (
        "ready path:",
        "pending path:",
        "now ready:",
        "any:",
        "all:",
        "unpacked:",
    ):
        assert expected in out, out


# -- job examples -----------------------------------------------------------------


@dataclass
class Step:
    """One command of a story: as shown, the process that ran it, what it printed."""

    command: str
    pid: int
    output: str


@dataclass
class Story:
    workdir: Path
    steps: list[Step]
    transcript: str

    def step(self, command: str, nth: int = 0) -> Step:
        found = [step for step in self.steps if step.command == command]
        assert len(found) > nth, f"no step {command!r} (#{nth}) in:\n{self.transcript}"
        return found[nth]

    def jobs(self) -> list[str]:
        return [record.id for record in open_store(self.workdir / "statek_vm.db").jobs(newest_first=False)]

    def rows(self, database: str, query: str) -> list[tuple[object, ...]]:
        with closing(sqlite3.connect(self.workdir / database)) as db:
            return db.execute(query).fetchall()


_STEP = re.compile(r"^\$ (?P<command>.*?)(?: &)?  \[pid (?P<pid>\d+)\]$")


def _tell(example: str, workdir: Path, statek_vm: str | None = None) -> Story:
    """Run ``examples/EXAMPLE/demo.py`` in ``workdir``; its transcript, parsed into steps."""
    env = _env(STATEK_VM=statek_vm) if statek_vm else _env()
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / example / "demo.py"), "--workdir", str(workdir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    steps: list[Step] = []
    for line in done.stdout.splitlines():
        match = _STEP.match(line)
        if match:
            steps.append(Step(match["command"], int(match["pid"]), ""))
        elif line.startswith("# "):
            steps.append(Step(line, 0, ""))
        elif steps:
            steps[-1].output += line + "\n"
    return Story(workdir, steps, done.stdout)


def _line_of(example: str, script: str, text: str) -> int:
    """The number of the one line of the example's script that starts with ``text``."""
    lines = (EXAMPLES / example / script).read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if line.strip().startswith(text)]
    assert len(found) == 1, (text, found)
    return found[0]


def _assert_suspended_at(run: Step, example: str, script: str, waits_on: str) -> str:
    """``run`` suspended its job at the line containing ``waits_on``; returns the job id."""
    match = re.search(r"^job (\w+) SUSPENDED$", run.output, re.MULTILINE)
    assert match, run.output
    line = _line_of(example, script, waits_on)
    assert re.search(rf"waits at \S+/{re.escape(script)}:{line} ", run.output), run.output
    assert f"{line} | {waits_on}" in run.output, run.output
    return match[1]


def _assert_events(story: Story, job_id: str, expected: list[str]) -> None:
    """The job's history, without bookkeeping events, is ``expected``."""
    events = [e["event"] for e in open_store(story.workdir / "statek_vm.db").events(job_id)]
    assert [e for e in events if e not in ("submitted", "claimed", "ready")] == expected, events


def _final_output(story: Story, job_id: str) -> str:
    record = open_store(story.workdir / "statek_vm.db").get(job_id)
    assert record.status == "COMPLETED", (record.status, record.error)
    return record.output


def _console_script(folder: Path) -> str:
    """A ``statek-vm`` command as pip installs it: its own folder, not the cwd, is on sys.path."""
    script = folder / "statek-vm"
    script.write_text(f"#!{sys.executable}\nimport sys\nfrom statek_vm.cli import main\nsys.exit(main())\n")
    script.chmod(0o755)
    return str(script)


@needs_vm
@pytest.mark.parametrize("command", ["module", "console script"])
def test_approval_example(tmp_path: Path, command: str) -> None:
    statek_vm = _console_script(tmp_path) if command == "console script" else None
    story = _tell("approval", tmp_path / "story", statek_vm)

    run = story.step("statek-vm run agent.py")
    job_id = _assert_suspended_at(run, "approval", "agent.py", 'if approval.status == "approved":')
    assert f"preparing in process {run.pid}:" in run.output
    assert "notify key: approval:1" in run.output
    assert "resumed" not in run.output

    assert "request 1 approved by dana; 1 waiting job(s)" in story.step("python3 approve.py 1 --reviewer dana").output
    worker = story.step("statek-vm worker --until-idle --poll 0.05")
    assert worker.pid != run.pid
    output = _final_output(story, job_id)
    assert output.count("preparing") == 1, output
    assert f"preparing in process {run.pid}:" in output, output
    assert f"resumed in process {worker.pid}: dana approved; applied: move the weekly sync" in output
    assert "status    COMPLETED" in story.step(f"statek-vm show {job_id}").output
    _assert_events(story, job_id, ["started", "suspended", "resumed", "completed"])
    # The side effects before and after the wait happened once each.
    assert story.rows("approvals.db", "SELECT id, status, reviewer FROM requests") == [(1, "approved", "dana")]
    assert (story.workdir / "applied.log").read_text() == "move the weekly sync to Thursday 10:00\n"


@needs_vm
def test_export_example(tmp_path: Path) -> None:
    story = _tell("export", tmp_path)

    run = story.step("statek-vm run agent.py")
    job_id = _assert_suspended_at(run, "export", "agent.py", "report = build_report(output_url)")
    assert f"preparing in process {run.pid}: exporting orders-2026-11" in run.output
    # While the export runs, a worker checks the job and leaves it waiting.
    early = story.step("statek-vm worker --until-idle --poll 0.05", 0)
    assert "0 runs" in early.output, early.output
    assert "0 ready" in early.output, early.output
    assert "export 1 complete; 1 waiting job(s)" in story.step("python3 finish_export.py 1").output
    worker = story.step("statek-vm worker --until-idle --poll 0.05", 1)
    assert worker.pid != run.pid
    output = _final_output(story, job_id)
    assert output.count("preparing") == 1, output
    assert f"preparing in process {run.pid}:" in output, output
    url = (story.workdir / "exports" / "orders-2026-11.csv").as_uri()
    assert f"resumed in process {worker.pid}: report: 3 orders, total 237.75, from {url}" in output
    _assert_events(story, job_id, ["started", "suspended", "resumed", "completed"])
    assert story.rows("exports.db", "SELECT id, status FROM exports") == [(1, "complete")]


@needs_vm
def test_any_all_example(tmp_path: Path) -> None:
    story = _tell("any_all", tmp_path)

    run = story.step("statek-vm run agent.py")
    job_id = _assert_suspended_at(run, "any_all", "agent.py", 'print(f"first search result: {first_flight}')
    assert f"preparing in process {run.pid}:" in run.output
    assert "notify key: lookup:1, lookup:2" in run.output
    # The fallback answered first: get_any_future resumes the job with it, and
    # the job suspends again, at get_all_future's line.
    first = story.step("statek-vm worker --until-idle --poll 0.05", 0)
    second = story.step("statek-vm worker --until-idle --poll 0.05", 1)
    last = story.step("statek-vm worker --until-idle --poll 0.05", 2)
    assert "1 runs (0 completed, 1 suspended" in first.output, first.output
    # Only the profile is in: get_all_future waits on.
    assert "0 runs" in second.output, second.output
    assert "0 ready" in second.output, second.output
    assert "1 runs (1 completed" in last.output, last.output
    assert len({run.pid, first.pid, last.pid}) == 3
    output = _final_output(story, job_id)
    assert output.count("preparing") == 1, output
    assert f"preparing in process {run.pid}:" in output, output
    assert f"first search result: TAP 13:05, 212 EUR (resumed in process {first.pid})" in output
    assert (
        "booking for Ana, aisle seat, free Thursday to Sunday: TAP 13:05, 212 EUR "
        f"(resumed in process {last.pid})" in output
    )
    _assert_events(story, job_id, ["started", "suspended", "resumed", "suspended", "resumed", "completed"])
    records = open_store(story.workdir / "statek_vm.db").events(job_id)
    lines = [e["line"] for e in records if e["event"] == "suspended"]
    assert lines == [
        _line_of("any_all", "agent.py", 'print(f"first search result:'),
        _line_of("any_all", "agent.py", 'print(f"booking for'),
    ]
    assert story.rows("lookups.db", "SELECT count(*) FROM lookups") == [(4,)]


@needs_vm
def test_unpacking_example(tmp_path: Path) -> None:
    story = _tell("unpacking", tmp_path)

    run = story.step("statek-vm run agent.py")
    job_id = _assert_suspended_at(run, "unpacking", "agent.py", 'print(f"the offsite is on {day}')
    # Unpacking the pending pair did not wait: the line after it ran first.
    assert "unpacked the pending outcome into two elements" in run.output
    assert f"preparing in process {run.pid}: poll 1 is open" in run.output
    worker = story.step("statek-vm worker --until-idle --poll 0.05")
    assert worker.pid != run.pid
    output = _final_output(story, job_id)
    assert output.count("preparing") == 1, output
    assert f"preparing in process {run.pid}:" in output, output
    assert output.count("unpacked") == 1, output
    assert f"the offsite is on Thursday, with 2 of 3 votes (resumed in process {worker.pid})" in output
    _assert_events(story, job_id, ["started", "suspended", "resumed", "completed"])
    assert story.rows("polls.db", "SELECT count(*) FROM polls") == [(1,)]


@needs_vm
def test_warmup_fleet_example(tmp_path: Path) -> None:
    story = _tell("warmup", tmp_path)

    runs = [story.step("statek-vm run warmup.py", n) for n in range(3)]
    jobs = [_assert_suspended_at(run, "warmup", "warmup.py", "user = task.user") for run in runs]
    assert jobs == story.jobs()
    fleet = {step.pid for step in story.steps if step.command == "statek-vm worker --max-live 3 --poll 0.05"}
    assert len(fleet) == 2
    picked: dict[int, str] = {}
    for run, job_id in zip(runs, jobs, strict=True):
        assert f"warming up in process {run.pid}:" in run.output
        output = _final_output(story, job_id)
        # The warmup before the wait ran once, in the process that suspended.
        assert output.count("warming up") == 1, output
        assert f"warming up in process {run.pid}:" in output, output
        match = re.search(r"resumed in process (\d+): task (\d+) from (\w+): ", output)
        assert match, output
        assert int(match[1]) in fleet  # resumed by a worker of the fleet, not where it suspended
        picked[int(match[2])] = job_id
    # Each task went to exactly one job, and each job answered its own task.
    assert sorted(picked) == [1, 2, 3]
    answers = story.rows("queue.db", "SELECT id, user, answer FROM tasks ORDER BY id")
    assert answers == [
        (1, "ana", "done: summarize yesterday's standup"),
        (2, "ben", "done: draft the release notes"),
        (3, "chloe", "done: book a room for friday"),
    ]
    assert "task 3 from chloe: 'Book a room for Friday' -> done" in story.step("python3 produce.py --list").output


@needs_vm
def test_a_demo_leaves_nothing_behind(tmp_path: Path) -> None:
    # Without --workdir a demo tells its story in a temporary folder and
    # removes it; it writes nothing beside the examples either.
    before = sorted(p.relative_to(EXAMPLES) for p in EXAMPLES.rglob("*"))
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "unpacking" / "demo.py")],
        cwd=tmp_path,
        env=_env(TMPDIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    folder = re.search(r"^# in (\S+)", done.stdout, re.MULTILINE)
    assert folder, done.stdout
    assert Path(folder[1]).parent == tmp_path
    assert not Path(folder[1]).exists()
    assert list(tmp_path.iterdir()) == []
    assert sorted(p.relative_to(EXAMPLES) for p in EXAMPLES.rglob("*")) == before
