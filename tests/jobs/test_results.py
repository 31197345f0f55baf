"""Job results (the value of the script's final expression statement) and the one shape of a job's error."""

from __future__ import annotations

import ast
import asyncio
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

import statek_vm
from statek_vm import JobError
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import JobStore, Runner, SQLiteStore, Status
from statek_vm.jobs.store import migrations
from statek_vm.program.program import compile_program
from tests.jobs import toolbox
from tests.jobs.processes import cli, script

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
)

# Final expression statements of every form the compiler treats apart: a
# value it drops with a POP_TOP, branches it gives an exit each (and, or,
# conditional expressions), inlined comprehensions (whose variable it
# restores after the POP_TOP on 3.13), and constants it folds and drops.
FINAL_EXPRESSIONS = [
    "x = 1\nx",
    "x = 2\nx * 21",
    "a, b = 0, 2\na and b",
    "a, b = 1, 2\na and b",
    "a, b = 0, 3\na or b",
    "x = 5\nx if x > 3 else -x",
    "x = [1, 2]\n[i * 2 for i in x]",
    "x = [[1, 2], [3]]\n[j for i in x for j in i]",
    "x = [1, 2]\n{k: [v for v in range(k)] for k in x}",
    "x = [0, 1, 2]\n{i for i in x if i}",
    "x = [1, 2]\nsum(i for i in x)",
    "i = 9\n[i for i in range(2)]",
    "x = 2\n(x\n *\n 3)",
    "def f():\n    return {'a': [1, 2]}\nf()['a']",
    "x = 3\nf'{x}!'",
    "print(1); 'done'",
    "print(1)\n'done'",
    "x = 1\n-1",
    "x = 1\n(1, 2)",
    "x = 1\n2 ** 10",
    "x = 1\n...",
    "x = 1\nNone",
    "'only a docstring'",
    "t = (1, 2)\n*t,",
    "for i in range(3):\n    pass\ni",
]


def _native_value(source: str) -> Any:
    """The value of ``source``'s final expression, natively: its body run, then the expression evaluated."""
    tree = ast.parse(source)
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(tree.body[:-1], []), "<native>", "exec"), namespace)
    final = tree.body[-1]
    assert isinstance(final, ast.Expr)
    return eval(compile(ast.Expression(final.value), "<native>", "eval"), namespace)


@pytest.mark.parametrize("source", FINAL_EXPRESSIONS)
def test_the_result_is_the_value_of_the_final_expression(source: str) -> None:
    job = statek_vm.run(source)
    assert job.status == "COMPLETED", job.error
    assert job.result == _native_value(source)


def test_a_jobs_program_keeps_the_hash_numbers_and_lines_of_the_plain_one() -> None:
    source = "a, b = 1, 2\nprint(a)\na and [b for b in range(b)]"
    plain = compile_program(source, "numbers.py")
    job = compile_program(source, "numbers.py", result=True)
    assert job is not plain and job.hash == plain.hash and job.instruction_count == plain.instruction_count
    def same(a: Any, b: Any) -> bool:  # (a nested code object's unit is each program's own)
        return (a.name, a.line) == (b.name, b.line) and (a.arg == b.arg or a.arg.index == b.arg.index)

    changed = [i for i, (a, b) in enumerate(zip(plain.main.ops, job.main.ops, strict=True)) if not same(a, b)]
    assert changed == list(job.result_at) and len(changed) == 2, "one per exit of `a and ...`"
    assert {plain.main.ops[i].name for i in changed} == {"POP_TOP"}
    assert {job.main.ops[i].name for i in changed} == {"RETURN_RESULT"}
    assert [op.line for op in job.main.ops] == [op.line for op in plain.main.ops]
    assert plain.result_at == () and compile_program("x = 1", "numbers.py", result=True).result_at == ()


def test_no_final_expression_no_result() -> None:
    for source in ["x = 1", "x = 1\nif x:\n    x + 1\n", "def f():\n    return 5", "x = [1]\nfor i in x:\n    i"]:
        job = statek_vm.run(source)
        assert job.status == "COMPLETED" and job.result is None, source
    single = statek_vm.run("6 * 7", mode="single")
    assert single.status == "COMPLETED" and single.result is None, "the value went to sys.displayhook"


def test_exec_of_a_jobs_source_still_returns_none() -> None:
    # A job's program and exec() of the same source share a hash, not their code.
    source = "x = 2\nx * 3"
    assert statek_vm.run(source, filename="<string>").result == 6
    job = statek_vm.run(f"r = exec({source!r})\nr, x", filename="<string>")
    assert job.status == "COMPLETED" and job.result == (None, 2)


def test_a_failed_or_suspended_job_has_no_result(tmp_path: Path) -> None:
    failed = statek_vm.run("x = 1\n1 / 0")
    assert failed.status == "FAILED" and failed.result is None
    bindings = {"wait_gate": toolbox.wait_gate, "Gate": toolbox.Gate, "folder": str(tmp_path)}
    suspended = statek_vm.run("x = 1\nwait_gate(Gate(folder, 'g')) + '!'", bindings)
    assert suspended.status == "SUSPENDED" and suspended.result is None


def test_a_pending_future_as_the_final_value_is_the_result_as_it_is(tmp_path: Path) -> None:
    # As natively: nothing needs the future's value, so nothing waits for it.
    bindings = {"wait_gate": toolbox.wait_gate, "Gate": toolbox.Gate, "folder": str(tmp_path)}
    job = statek_vm.run("wait_gate(Gate(folder, 'g'))", bindings)
    assert job.status == "COMPLETED" and isinstance(job.result, statek_vm.FutureResult)


def test_top_level_await_and_arun_give_the_result() -> None:
    source = "import asyncio\nasync def f(n):\n    await asyncio.sleep(0)\n    return n * 2\nawait f(21)"
    assert statek_vm.run(source).result == 42

    async def main() -> Any:
        job = await statek_vm.arun(source)
        return job.status, job.result

    assert asyncio.run(main()) == ("COMPLETED", 42)


def test_tracebacks_keep_their_lines() -> None:
    job = statek_vm.run("x = 1\ndef f():\n    return 1 / 0\n\nf() + x")
    assert job.status == "FAILED"
    text = job.failure.traceback if job.failure else ""
    assert 'File "<agent>", line 5, in <module>' in text and 'File "<agent>", line 3, in f' in text


def test_a_final_expression_that_suspends_gives_its_result_once_after_a_snapshot(tmp_path: Path) -> None:
    source = "log(folder, 'start')\nmark(wait_gate(Gate(folder, 'g')).upper())"

    def mark(value: str) -> str:
        toolbox.log(str(tmp_path), f"final {value}")
        return value + "!"

    bindings = {"log": toolbox.log, "wait_gate": toolbox.wait_gate, "Gate": toolbox.Gate, "folder": str(tmp_path)}
    bindings["mark"] = mark
    job = statek_vm.run(source, bindings)
    assert job.status == "SUSPENDED" and job.result is None
    data = job.dumps(key=b"k" * 32)
    toolbox.Gate(str(tmp_path), "g").open("yes")
    loaded = statek_vm.Job.loads(data, bindings, key=b"k" * 32).resume()
    assert loaded.status == "COMPLETED" and loaded.result == "YES!"
    assert toolbox.log_lines(str(tmp_path)) == ["start", "final YES"]


AGENT = """\
import os
from toolbox import Gate, log, wait_gate

folder = os.path.dirname(__file__)
log(folder, 'start')
{'decision': wait_gate(Gate(folder, 'approval')).strip(), 'logged': log(folder, 'final')}
"""


def test_a_result_across_processes_in_sqlite(tmp_path: Path) -> None:
    # Run until it suspends in one process, resume it in a worker process,
    # read the result in this one: computed once, kept signed in the store.
    script(tmp_path, "agent.py", AGENT)
    ran = cli(tmp_path, "run", "agent.py", "--json")
    assert ran.returncode == 0, ran.stderr
    job_id = json.loads(ran.stdout)["id"]
    toolbox.Gate(str(tmp_path), "approval").open("approved\n")
    done = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05")
    assert done.returncode == 0 and "1 completed" in done.stderr, done.stderr
    assert toolbox.log_lines(str(tmp_path)) == ["start", "final"]

    view = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert view["status"] == "COMPLETED"
    assert view["result"] == {"decision": "approved", "logged": None} and view["result_format"] == "json"
    shown = cli(tmp_path, "show", job_id)
    assert "result    {'decision': 'approved', 'logged': None}" in shown.stdout

    with SQLiteStore(tmp_path / "jobs.db") as store:
        record = store.get(job_id)
    assert record.result == {"decision": "approved", "logged": None} and not record.result_is_repr


def test_a_result_that_json_refuses_is_pickled_and_shown_by_its_repr(tmp_path: Path) -> None:
    script(tmp_path, "sets.py", "import datetime\n({1, 2}, datetime.date(2024, 5, 1))\n")
    job_id = json.loads(cli(tmp_path, "run", "sets.py", "--json").stdout)["id"]
    view = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert view["result_format"] == "repr" and view["result"] == "({1, 2}, datetime.date(2024, 5, 1))"
    import datetime

    with SQLiteStore(tmp_path / "jobs.db") as store:
        assert store.get(job_id).result == ({1, 2}, datetime.date(2024, 5, 1)), "the value itself, unpickled"


UNPICKLABLE = """\
class Verdict:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f"Verdict({self.text!r})"

print('deciding')
Verdict('yes')
"""


def test_an_unpicklable_result_keeps_its_repr_and_the_job_completes(store: JobStore, tmp_path: Path) -> None:
    runner = Runner(store, poll_interval=0.02)
    job_id = runner.submit(UNPICKLABLE)
    lock_id = runner.submit("import threading\nthreading.Lock()")
    runner.work(until_idle=True)
    record = runner.get(job_id)
    assert record.status == Status.COMPLETED and record.output == "deciding\n", record.error
    assert record.result == "Verdict('yes')" and record.result_is_repr
    assert record.summary()["result"] == "Verdict('yes')" and record.summary()["result_format"] == "repr"
    lock = runner.get(lock_id)
    assert lock.status == Status.COMPLETED and lock.result_is_repr and lock.result.startswith("<unlocked _thread.lock")


def test_a_result_with_a_wrong_signature_is_not_unpickled(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "jobs.db")
    runner = Runner(store, poll_interval=0.02)
    job_id = runner.submit("x = 20\n[x, x + 1]")
    runner.work(until_idle=True)
    assert store.get(job_id).result == [20, 21]
    store._read("UPDATE jobs SET result = ? WHERE id = ?", (b"\0" * 32 + b"tampered", job_id))
    tampered = store.get(job_id)
    assert tampered.result == "[20, 21]" and tampered.result_is_repr, "only its repr, never the unchecked pickle"
    store.close()


def test_results_in_every_store(store: JobStore, tmp_path: Path) -> None:
    runner = Runner(store, poll_interval=0.02)
    ids = [runner.submit(source) for source in ("x = 3\n{'n': x, 'items': [1.5, None, True]}", "x = 1", "1 / 0")]
    runner.work(until_idle=True)
    completed, without, failed = (runner.get(i) for i in ids)
    assert completed.result == {"n": 3, "items": [1.5, None, True]} and not completed.result_is_repr
    assert completed.summary()["result"] == {"n": 3, "items": [1.5, None, True]}
    assert without.status == Status.COMPLETED and without.result is None and without.summary()["result"] is None
    assert failed.status == Status.FAILED and failed.result is None and failed.summary()["result_format"] is None


# -- the error shape -----------------------------------------------------------------------

FAILING = "x = 1\ndef f():\n    return {}['missing']\n\nf()\n"


def test_one_error_shape_in_memory_and_from_the_store(store: JobStore, tmp_path: Path) -> None:
    job = statek_vm.run(FAILING, filename="agent.py")
    assert job.status == "FAILED" and isinstance(job.error, KeyError), "job.error is still the exception"
    in_memory = job.failure
    assert isinstance(in_memory, JobError)
    assert (in_memory.type, in_memory.message) == ("KeyError", "'missing'")
    assert in_memory.exception is job.error and str(in_memory) == "KeyError: 'missing'"
    assert 'File "agent.py", line 3, in f' in in_memory.traceback

    runner = Runner(store, poll_interval=0.02)
    job_id = runner.submit(FAILING, filename="agent.py")
    runner.work(until_idle=True)
    stored = runner.get(job_id).failure
    assert isinstance(stored, JobError) and stored.exception is None
    assert stored == in_memory, "type, message and traceback text are the same (the exception is not compared)"
    assert runner.get(job_id).error == stored.traceback, "record.error is still the text"
    assert runner.get(job_id).summary()["error_type"] == "KeyError"
    assert statek_vm.run("x = 1").failure is None


def test_an_error_from_the_store_in_another_process(tmp_path: Path) -> None:
    script(tmp_path, "broken.py", "print('about to fail')\n{}['missing']\n")
    ran = cli(tmp_path, "run", "broken.py")
    assert ran.returncode == 1
    job_id = json.loads(cli(tmp_path, "jobs", "--json").stdout.splitlines()[0])["id"]
    view = json.loads(cli(tmp_path, "show", job_id, "--json").stdout)
    assert view["error_type"] == "KeyError" and view["error_message"] == "'missing'"
    with SQLiteStore(tmp_path / "jobs.db") as store:
        failure = store.get(job_id).failure
    assert failure is not None and (failure.type, failure.message) == ("KeyError", "'missing'")
    assert 'broken.py", line 2' in failure.traceback and failure.exception is None


def test_ends_without_an_exception_have_a_reason_and_no_type(store: JobStore, tmp_path: Path) -> None:
    runner = Runner(store, globals={"wait_gate": toolbox.wait_gate, "Gate": toolbox.Gate}, poll_interval=0.02)
    job_id = runner.submit(f"wait_gate(Gate({str(tmp_path)!r}, 'never')) + '!'")
    runner.work(until_idle=True)
    record = store.get(job_id)
    assert record.status == Status.SUSPENDED and record.failure is None
    assert store.end_wait(job_id, record.version, status=Status.TIMED_OUT, deadline=None, reason="late", now=1.0)
    assert store.get(job_id).failure == JobError(None, "late", "late")


# -- stores made before results ------------------------------------------------------------


def test_a_store_made_before_results_is_migrated_and_its_jobs_read(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for number, _, sql in migrations("sqlite"):
        if number <= 4:
            db.executescript(sql)
            db.execute(f"PRAGMA user_version = {number}")
    db.execute(
        "INSERT INTO jobs (id, status, python, program_hash, filename, version, max_attempts, created, updated, "
        "error) VALUES ('a1', 'FAILED', ?, 'h', 'old.py', 3, 1, 0, 0, 'Traceback ...\nValueError: old')",
        (f"{sys.version_info[0]}.{sys.version_info[1]}",),
    )
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        old = store.get("a1")
        assert old.status == Status.FAILED and old.result is None and not old.result_is_repr
        assert old.failure == JobError(None, "Traceback ...\nValueError: old", "Traceback ...\nValueError: old")
        runner = Runner(store, poll_interval=0.02)
        new_id = runner.submit("'works'")
        runner.work(until_idle=True)
        assert store.get(new_id).result == "works"


def test_a_budgets_error_has_the_same_shape_in_memory_and_in_the_store(store: JobStore) -> None:
    source = "total = 0\nfor i in range(10**9):\n    total += i\n"
    job = statek_vm.run(source, limits=statek_vm.Limits(instructions=10_000))
    assert job.status == "FAILED" and job.failure is not None and job.failure.type == "LimitExceeded"
    runner = Runner(store, poll_interval=0.02, limits=statek_vm.Limits(instructions=10_000))
    job_id = runner.submit(source)
    runner.work(until_idle=True)
    stored = runner.get(job_id).failure
    assert stored is not None and stored.type == "LimitExceeded"
    assert stored.traceback == f"LimitExceeded: {stored.message}" and job.failure.traceback.startswith("LimitExceeded: ")
