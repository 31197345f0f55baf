"""The runner in one process: the life of jobs, polling, policies, exactly-once."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm.exceptions import CapacityError, FutureError, JobStoreError
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import (
    PYTHON,
    JobRecord,
    JobStore,
    RetryPolicy,
    Runner,
    SQLiteStore,
    Status,
    TimeoutDecision,
    dependency_keys,
)
from statek_vm.jobs.polling import BoundedCheck, ConditionTimeout
from tests.jobs import toolbox

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
)

WAIT_ONCE = """\
log(folder, 'before')
value = wait_gate(Gate(folder, 'g1'))
log(folder, 'after ' + value)
print('got', value)
"""


def _bindings(folder: Path) -> dict[str, Any]:
    return {
        "log": toolbox.log,
        "wait_gate": toolbox.wait_gate,
        "Gate": toolbox.Gate,
        "folder": str(folder),
    }


def _runner(store: JobStore, folder: Path, **options: Any) -> Runner:
    options.setdefault("poll_interval", 0.02)
    return Runner(store, globals=_bindings(folder), **options)


def test_a_job_suspends_is_notified_and_completes_once(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    job_id = runner.submit(WAIT_ONCE, filename="agent.py")
    assert runner.get(job_id).status == Status.PENDING
    stats = runner.work(until_idle=True)
    record = runner.get(job_id)
    assert (stats.runs, stats.suspended) == (1, 1)
    assert record.status == Status.SUSPENDED and record.line == 3 and record.filename == "agent.py"
    assert record.keys == ("gate:g1",) and "Gate('g1')" in record.awaited_summary
    assert record.snapshot and record.awaited and record.next_instr_num is not None
    assert toolbox.log_lines(tmp_path) == ["before"]
    runner.work(until_idle=True)
    assert runner.get(job_id).status == Status.SUSPENDED, "not ready: nothing runs"
    toolbox.Gate(str(tmp_path), "g1").open("yes")
    assert runner.notify("gate:g1") == 1
    stats = runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED and record.output == "got yes\n"
    assert record.snapshot is None, "a completed job keeps no snapshot"
    assert toolbox.log_lines(tmp_path) == ["before", "after yes"]
    events = [e["event"] for e in store.events(job_id)]
    assert events == ["submitted", "claimed", "started", "suspended", "ready", "claimed", "resumed", "completed"]


def test_polling_finds_ready_jobs_without_notify(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    job_id = runner.submit(WAIT_ONCE)
    runner.work(until_idle=True)
    toolbox.Gate(str(tmp_path), "g1").open("polled")
    stats = runner.work(until_idle=True)
    assert stats.ready == 1 and runner.get(job_id).status == Status.COMPLETED


def test_sweep_checks_cached_futures_and_forgets_finished_jobs(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    ids = [runner.submit(WAIT_ONCE.replace("'g1'", f"'g{n}'")) for n in range(5)]
    runner.work(until_idle=True)
    first = runner.sweep()
    assert (first.checked, first.ready, first.errors) == (5, 0, 0)
    assert len(runner._cache) == 5
    toolbox.Gate(str(tmp_path), "g3").open()
    second = runner.sweep()
    assert (second.checked, second.ready) == (5, 1)
    assert store.get(ids[3]).status == Status.READY
    runner.work(until_idle=True)
    runner.sweep()
    assert ids[3] not in runner._cache and len(runner._cache) == 4


def test_a_condition_that_raises_is_recorded_and_the_job_kept(store: JobStore, tmp_path: Path) -> None:
    flaky = {"fail": True}

    def condition(future: Any) -> bool:
        if flaky["fail"]:
            raise ConnectionError("queue unreachable")
        return True

    def complement(future: Any) -> str:
        if flaky["fail"]:
            raise FutureError(future)
        return "done"

    from statek_vm.future import FutureResult, temporal

    @temporal(complement=complement, condition=condition)
    def wait_flaky() -> Any:
        return FutureResult(deps="flaky", state_num=0)

    # The condition closes over `flaky`: a binding too, so it travels by
    # reference and the worker sees the application's dict, not a copy.
    runner = Runner(store, globals={"wait_flaky": wait_flaky, "flaky": flaky}, poll_interval=0.02)
    job_id = runner.submit("x = wait_flaky()\nprint(x)\n")
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.SUSPENDED
    assert record.condition_error == "ConnectionError: queue unreachable"
    assert "condition_error" in [e["event"] for e in store.events(job_id)]
    flaky["fail"] = False
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED and record.output == "done\n" and record.condition_error is None


def test_a_slow_condition_is_interrupted(store: JobStore, tmp_path: Path) -> None:
    from statek_vm.future import FutureResult, temporal

    def slow(future: Any) -> bool:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass
        return True

    def never(future: Any) -> int:
        raise FutureError(future)

    @temporal(complement=never, condition=slow)
    def wait_slow() -> Any:
        return FutureResult(deps="slow", state_num=0)

    runner = Runner(store, globals={"wait_slow": wait_slow}, poll_interval=0.02, check_timeout=0.1)
    job_id = runner.submit("x = wait_slow() + 1\n")
    started = time.monotonic()
    runner.work(until_idle=True)
    assert time.monotonic() - started < 10
    record = runner.get(job_id)
    assert record.status == Status.SUSPENDED
    assert record.condition_error is not None and "longer than 0.1 s" in record.condition_error


def test_bounded_check_leaves_fast_calls_alone() -> None:
    check = BoundedCheck(0.05)
    assert [check(lambda n=n: n) for n in range(2000)] == list(range(2000))
    with pytest.raises(ConditionTimeout):
        check(lambda: [None for _ in iter(int, 1)])
    assert check(lambda: "still usable") == "still usable"
    time.sleep(0.2)  # a late watchdog must not hit the next call
    assert check(lambda: sum(range(1000))) == 499500
    check.close()


def test_max_live_queues_jobs_beyond_the_bound(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path, max_live=2)
    ids = [runner.submit(WAIT_ONCE.replace("'g1'", f"'q{n}'")) for n in range(3)]
    runner.work(until_idle=True)
    assert [runner.get(i).status for i in ids] == [Status.SUSPENDED, Status.SUSPENDED, Status.PENDING]
    toolbox.Gate(str(tmp_path), "q0").open()
    runner.work(until_idle=True)
    assert [runner.get(i).status for i in ids] == [Status.COMPLETED, Status.SUSPENDED, Status.SUSPENDED]


def test_max_live_can_refuse_instead(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path, max_live=1, on_full="refuse")
    runner.submit(WAIT_ONCE)
    with pytest.raises(CapacityError, match="max_live=1"):
        runner.submit(WAIT_ONCE)
    with pytest.raises(ValueError, match="on_full"):
        _runner(store, tmp_path, on_full="drop")


def test_wait_timeout_and_the_escalation_hook(store: JobStore, tmp_path: Path) -> None:
    seen: list[str] = []

    def escalate(record: JobRecord) -> Any:
        seen.append(record.id)
        if len(seen) == 1:
            return 0.5  # extend once
        return TimeoutDecision(status=Status.CANCELLED, reason="nobody answered")

    # (Half a second: work() must return before the wait times out, on a busy machine too.)
    runner = _runner(store, tmp_path, wait_timeout=0.5, on_timeout=escalate)
    job_id = runner.submit(WAIT_ONCE)
    runner.work(until_idle=True)
    assert runner.get(job_id).deadline is not None
    time.sleep(max(0.0, (runner.get(job_id).deadline or 0) - time.time()) + 0.05)
    runner.maintain()
    assert runner.get(job_id).status == Status.SUSPENDED and seen == [job_id]
    time.sleep(max(0.0, (runner.get(job_id).deadline or 0) - time.time()) + 0.05)
    runner.maintain()
    record = runner.get(job_id)
    assert record.status == Status.CANCELLED and record.error == "nobody answered"
    plain = _runner(store, tmp_path, wait_timeout=0.05)
    other = plain.submit(WAIT_ONCE, filename="late.py")
    plain.work(until_idle=True)
    time.sleep(0.1)
    plain.maintain()
    record = plain.get(other)
    assert record.status == Status.TIMED_OUT
    assert record.error is not None and "late.py:3" in record.error and "0.05 s" in record.error


def test_a_failing_escalation_hook_keeps_the_job(store: JobStore, tmp_path: Path) -> None:
    def broken(record: JobRecord) -> Any:
        raise RuntimeError("pager down")

    runner = _runner(store, tmp_path, wait_timeout=0.01, on_timeout=broken)
    job_id = runner.submit(WAIT_ONCE)
    runner.work(until_idle=True)
    time.sleep(0.05)
    runner.maintain()
    record = runner.get(job_id)
    assert record.status == Status.SUSPENDED
    assert record.condition_error is not None and "pager down" in record.condition_error


def test_cancel_while_it_runs(store: JobStore, tmp_path: Path) -> None:
    box: dict[str, Any] = {}

    def cancel_me() -> None:
        assert box["runner"].cancel(box["id"]) == Status.STARTED

    bindings = {**_bindings(tmp_path), "cancel_me": cancel_me}
    runner = Runner(store, globals=bindings, poll_interval=0.02)
    box["runner"] = runner
    box["id"] = runner.submit("cancel_me()\n" + WAIT_ONCE)
    runner.work(until_idle=True)
    assert runner.get(box["id"]).status == Status.CANCELLED
    pending = runner.submit(WAIT_ONCE)
    assert runner.cancel(pending) == Status.CANCELLED
    runner.work(until_idle=True)
    assert toolbox.log_lines(tmp_path) == ["before"], "the cancelled pending job never ran"


def test_failures_are_final_unless_a_retry_policy_says_otherwise(store: JobStore, tmp_path: Path) -> None:
    failing = WAIT_ONCE + "log(folder, 'end')\n1 / (len(open(folder + '/log').read().splitlines()) - 3)\n"
    runner = _runner(store, tmp_path)
    job_id = runner.submit(failing, filename="agent.py")
    runner.work(until_idle=True)
    toolbox.Gate(str(tmp_path), "g1").open("v")
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.FAILED and record.attempts == 1
    assert (
        record.error is not None and "ZeroDivisionError" in record.error and 'File "agent.py", line 6' in record.error
    )
    assert record.snapshot is not None, "a failed job keeps its last snapshot"


def test_retry_continues_from_the_last_snapshot(store: JobStore, tmp_path: Path) -> None:
    # Fails on the first run after the wait, succeeds on the second: the
    # retry continues at the wait, so 'before' is logged once.
    script = WAIT_ONCE + "if open(folder + '/log').read().count('after') < 2:\n    raise TimeoutError('flaky')\n"
    runner = _runner(store, tmp_path, retry=RetryPolicy(max_attempts=3, delay=0.01))
    job_id = runner.submit(script)
    runner.work(until_idle=True)
    toolbox.Gate(str(tmp_path), "g1").open("v")
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED and record.attempts == 1
    assert toolbox.log_lines(tmp_path) == ["before", "after v", "after v"]
    retry = [e for e in store.events(job_id) if e["event"] == "retry"]
    assert len(retry) == 1 and retry[0]["from"] == "last snapshot" and "run again" in retry[0]["note"]
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    assert not RetryPolicy(max_attempts=5, retry_on=("KeyError",)).retries("ValueError", 1)


def test_an_unserializable_wait_fails_the_job_with_a_precise_message(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    job_id = runner.submit(
        "import socket\nconn = socket.socket()\nx = wait_gate(Gate(folder, 'g1')).upper()\n", filename="a.py"
    )
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and "'conn'" in record.error and "socket" in record.error


def test_a_worker_without_a_binding_fails_clearly_and_resume_recovers(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    job_id = runner.submit(WAIT_ONCE)
    runner.work(until_idle=True)
    toolbox.Gate(str(tmp_path), "g1").open("v")
    bare = Runner(store, globals={k: v for k, v in _bindings(tmp_path).items() if k != "log"}, poll_interval=0.02)
    bare.work(until_idle=True)
    record = bare.get(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and "'log'" in record.error and record.snapshot is not None
    with pytest.raises(JobStoreError, match="FAILED"):
        runner.run_job(job_id)
    record = runner.resume(job_id)
    assert record.status == Status.COMPLETED, "an operator's resume continues from the kept snapshot"
    assert toolbox.log_lines(tmp_path) == ["before", "after v"]


def test_a_lost_lease_drops_the_stale_outcome(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "jobs.db")
    first = _runner(store, tmp_path, worker_id="slow")
    job_id = first.submit(WAIT_ONCE)
    claimed = store.claim("slow", python=PYTHON, lease=0.01, now=time.time())
    assert claimed is not None
    time.sleep(0.02)
    assert store.expire_leases(now=time.time()) == [job_id]
    second = _runner(store, tmp_path, worker_id="fast")
    second.work(until_idle=True)
    assert store.get(job_id).status == Status.SUSPENDED
    assert first._run_claimed(claimed) is None, "the slow worker's commit is refused"
    assert store.get(job_id).lease_owner is None and store.get(job_id).version == 4


def test_two_workers_never_resume_one_suspension_twice(tmp_path: Path) -> None:
    store_path = tmp_path / "jobs.db"
    script = """\
for step in range(3):
    log(folder, f'{job}:{step}')
    wait_gate(Gate(folder, f'{job}-{step}'))
log(folder, f'{job}:end')
"""
    submitter = Runner(SQLiteStore(store_path), globals=_bindings(tmp_path))
    jobs = [f"j{n}" for n in range(8)]
    for job in jobs:
        submitter.submit(f"job = {job!r}\n" + script)
    stop = threading.Event()

    def work() -> None:
        runner = Runner(SQLiteStore(store_path), globals=_bindings(tmp_path), poll_interval=0.01)
        while not stop.is_set():
            runner.work(max_seconds=0.2)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for step in range(3):
            deadline = time.monotonic() + 30
            while sum(line.endswith(f":{step}") for line in toolbox.log_lines(tmp_path)) < len(jobs):
                assert time.monotonic() < deadline, toolbox.log_lines(tmp_path)[-5:]
                time.sleep(0.01)
            for job in jobs:
                toolbox.Gate(str(tmp_path), f"{job}-{step}").open()
                submitter.notify(f"gate:{job}-{step}")
        deadline = time.monotonic() + 30
        while submitter.store.counts()[Status.COMPLETED] < len(jobs):
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    lines = toolbox.log_lines(tmp_path)
    expected = sorted(f"{job}:{step}" for job in jobs for step in (0, 1, 2, "end"))
    assert sorted(lines) == expected, "every step ran exactly once"


def test_dependency_keys() -> None:
    from statek_vm.future import FutureResult, get_all_future, get_any_future

    gate = toolbox.Gate("/tmp", "a")
    assert dependency_keys(FutureResult(deps=gate)) == ("gate:a",)
    assert dependency_keys(FutureResult(deps="plain-key")) == ("plain-key",)
    assert dependency_keys(FutureResult(deps=(gate, "k2", object()))) == ("gate:a", "k2")
    combined = get_any_future(FutureResult(deps=gate), FutureResult(deps=toolbox.Gate("/tmp", "b")))
    assert dependency_keys(combined) == ("gate:a", "gate:b")
    assert dependency_keys(get_all_future(FutureResult(deps=object()))) == ()


def test_submit_refuses_bad_input(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    with pytest.raises(SyntaxError):
        runner.submit("def broken(:\n", filename="bad.py")
    assert sum(store.counts().values()) == 0, "nothing stored"
    with pytest.raises(TypeError, match="str"):
        runner.submit(b"x = 1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lease"):
        Runner(store, lease=0)
    with pytest.raises(ValueError, match="wait_timeout"):
        runner.submit(WAIT_ONCE, wait_timeout=-1)
    with pytest.raises(TypeError, match="dict of host bindings"):
        Runner(store, globals=[("log", toolbox.log)])  # type: ignore[arg-type]
    assert sum(store.counts().values()) == 0, "nothing stored"


def test_a_tampered_snapshot_is_refused_and_the_job_kept(tmp_path: Path) -> None:
    import sqlite3

    store = SQLiteStore(tmp_path / "jobs.db")
    runner = _runner(store, tmp_path)
    job_id = runner.submit(WAIT_ONCE)
    runner.work(until_idle=True)
    snapshot = store.get(job_id).snapshot
    assert snapshot is not None
    tampered = bytes([snapshot[0]]) + bytes([snapshot[1] ^ 1]) + snapshot[2:-1] + bytes([snapshot[-1] ^ 0x40])
    with sqlite3.connect(tmp_path / "jobs.db") as db:
        db.execute("UPDATE jobs SET snapshot = ? WHERE id = ?", (tampered, job_id))
    toolbox.Gate(str(tmp_path), "g1").open("v")
    runner.work(until_idle=True)
    record = store.get(job_id)
    assert record.status == Status.FAILED
    assert record.error is not None and record.error.startswith("SnapshotError")
    assert record.snapshot == tampered, "the evidence is kept, nothing overwritten"
    assert toolbox.log_lines(tmp_path) == ["before"], "nothing ran from a refused snapshot"


def test_a_manager_steers_jobs_that_a_worker_runs(store: JobStore, tmp_path: Path) -> None:
    from statek_vm.jobs import Manager

    manager = Manager(store)
    worker = _runner(store, tmp_path)
    first = manager.submit(WAIT_ONCE, filename="agent.py")
    second = manager.submit(WAIT_ONCE, filename="agent.py")
    worker.work(until_idle=True)
    assert manager.get(first).status == manager.get(second).status == Status.SUSPENDED
    assert manager.cancel(second) == Status.CANCELLED
    toolbox.Gate(str(tmp_path), "g1").open("yes")
    # resume() asks a worker to check the job at once; the manager runs nothing.
    assert manager.resume(first).status == Status.SUSPENDED
    assert store.take_woken(python=PYTHON) == [(first, manager.get(first).version)]
    assert manager.notify("gate:g1") == 1
    worker.work(until_idle=True)
    assert manager.get(first).status == Status.COMPLETED
    assert manager.get(second).status == Status.CANCELLED
    assert toolbox.log_lines(tmp_path) == ["before", "before", "after yes"]


def test_inputs_are_globals_kept_with_the_job(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    source = "print(n, xs)\nxs.append(0)\nvalue = wait_gate(Gate(folder, 'g1'))\nprint(n, xs, value)\n"
    job_id = runner.submit(source, inputs={"n": 2, "xs": [1]})
    assert runner.get(job_id).inputs == {"n": 2, "xs": [1]}
    runner.work(until_idle=True)
    assert runner.get(job_id).status == Status.SUSPENDED
    toolbox.Gate(str(tmp_path), "g1").open("yes")
    other = _runner(store, tmp_path)  # another worker: the inputs are in the snapshot
    other.work(until_idle=True)
    record = other.get(job_id)
    assert record.status == Status.COMPLETED and record.output == "2 [1]\n2 [1, 0] yes\n"
    assert record.inputs == {"n": 2, "xs": [1]}, "as submitted"


def test_bad_inputs_are_refused_with_their_name(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path)
    with pytest.raises(ValueError, match="the input name 'a-b' is not a Python name"):
        runner.submit("x = 1\n", inputs={"a-b": 1})
    with pytest.raises(ValueError, match="the input name 'for' is not a Python name"):
        runner.submit("x = 1\n", inputs={"for": 1})
    with pytest.raises(ValueError, match="the input 'when' is not a JSON value"):
        runner.submit("x = 1\n", inputs={"when": object()})
    with pytest.raises(ValueError, match="the input 'big' is not a JSON value"):
        runner.submit("x = 1\n", inputs={"big": float("inf")})
    with pytest.raises(TypeError, match="inputs must be a dict"):
        runner.submit("x = 1\n", inputs=[("x", 1)])  # type: ignore[arg-type]
    assert store.jobs() == []


def test_on_run_is_called_after_each_run_with_the_record_as_claimed(store: JobStore, tmp_path: Path) -> None:
    runner = _runner(store, tmp_path, concurrency=2)
    source = "print('one')\nvalue = wait_gate(Gate(folder, 'g1'))\nprint('two', value)\n"
    ids = [runner.submit(source), runner.submit("print('done')\n")]
    seen: list[tuple[str, str, Status]] = []

    def ran(claimed: JobRecord) -> None:
        seen.append((claimed.id, claimed.output, runner.get(claimed.id).status))

    runner.work(until_idle=True, on_run=ran)
    assert sorted(seen) == sorted([(ids[0], "", Status.SUSPENDED), (ids[1], "", Status.COMPLETED)])
    toolbox.Gate(str(tmp_path), "g1").open()
    seen.clear()
    runner.work(until_idle=True, on_run=ran)
    assert seen == [(ids[0], "one\n", Status.COMPLETED)], "claimed with what it printed before"
