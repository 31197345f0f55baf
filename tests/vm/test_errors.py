"""Errors: syntax errors, failed jobs, host exceptions, host boundaries, VM bugs."""

from __future__ import annotations

import functools
import sys
import traceback

import pytest

import statek_vm
from statek_vm.exceptions import NotResumableError, VMInternalError
from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)


def test_syntax_error_raises_at_run_with_location() -> None:
    with pytest.raises(SyntaxError) as info:
        statek_vm.run("x = 1\ny = (2 +\n", filename="agent.py")
    assert info.value.filename == "agent.py"
    assert info.value.lineno == 2
    assert info.value.offset is not None


def test_source_must_be_text() -> None:
    with pytest.raises(TypeError, match="source must be a str"):
        statek_vm.run(b"x = 1")  # type: ignore[arg-type]


FAILING = """\
def parse(text):
    return int(text)

def load(items):
    return [parse(item) for item in items]

values = load(["1", "2", "x"])
"""


def test_failed_job_has_a_native_traceback() -> None:
    job = statek_vm.run(FAILING, filename="agent.py")
    assert job.status == "FAILED"
    assert isinstance(job.error, ValueError)
    entries = [(e.filename, e.lineno, e.name) for e in traceback.extract_tb(job.error.__traceback__)]
    native: list[tuple[str, int | None, str]] = []
    try:
        exec(compile(FAILING, "agent.py", "exec"), {})
    except ValueError as error:
        native = [
            (e.filename, e.lineno, e.name)
            for e in traceback.extract_tb(error.__traceback__)
            if e.filename == "agent.py"
        ]
    assert entries == native
    assert entries[-1] == ("agent.py", 2, "parse")
    text = "".join(traceback.format_exception(job.error))
    assert "return int(text)" in text, "script source lines appear in the traceback"
    assert "statek_vm" not in text, "the VM's own frames never appear"
    assert job.history[-1]["event"] == "failed"


def test_host_exceptions_reach_script_handlers() -> None:
    job = statek_vm.run(
        "import json\ntry:\n    json.loads('{')\nexcept ValueError as e:\n    kind = type(e).__name__\n"
        "try:\n    tool()\nexcept RuntimeError as e:\n    msg = str(e)\n",
        {"tool": functools.partial(_raise, RuntimeError("tool broke"))},
    )
    assert job.status == "COMPLETED", job.error
    assert job.namespace["kind"] == "JSONDecodeError"
    assert job.namespace["msg"] == "tool broke"


def _raise(error: BaseException) -> None:
    raise error


# str.translate is C code calling the script's __getitem__: not one the VM re-states.
HOST_CALLBACK = """\
class Digits:
    def __getitem__(self, code):
        if chr(code) == " ":
            raise LookupError(code)
        return str(wait(int(chr(code))))
total = sum(map(int, "1 2 3".translate(Digits()).split()))
effect(total)
"""


def test_suspension_across_a_host_frame_is_refused_by_name() -> None:
    world = gates.World(start_open=False)
    job = statek_vm.run(HOST_CALLBACK, world.bindings())
    assert job.status == "FAILED"
    assert isinstance(job.error, NotResumableError)
    message = str(job.error)
    assert "Digits.__getitem__" in message and "str.translate" in message and "<agent>:5" in message
    assert world.log == [], "nothing after the refused suspension ran"


def test_retry_host_calls_reruns_the_host_call_as_a_whole() -> None:
    # An idempotent wait: one gate per value, as a durable external handle
    # would be; re-running the host call finds the gates it already opened.
    gates_by_value: dict[int, gates.Gate] = {}
    calls: list[int] = []

    @statek_vm.temporal(complement=gates._fetch, condition=gates._is_open)
    def wait(x: int) -> object:
        calls.append(x)
        gate = gates_by_value.setdefault(x, gates.Gate(x, x))
        return x if gate.open else statek_vm.FutureResult(deps=gate, state_num=x)

    log: list[object] = []
    job = statek_vm.run(HOST_CALLBACK, {"wait": wait, "effect": log.append}, retry_host_calls=True)
    suspensions = 0
    while job.status == "SUSPENDED":
        suspensions += 1
        job.awaited_result.deps.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert log == [6]
    assert suspensions == 3
    # str.translate ran again from the start after each resume: 1, 2, 3 waits.
    assert calls == [1, 1, 2, 1, 2, 3, 1, 2, 3]


def test_script_callbacks_for_builtins_stay_resumable() -> None:
    source = (
        "rows = [3, 1, 2]\n"
        "ordered = sorted(rows, key=lambda r: wait(-r))\n"
        "total = sum(wait(r) for r in rows)\n"
        "best = max(rows, key=lambda r: wait(r % 3))\n"
        "flags = any(wait(r) > 2 for r in rows)\n"
        "pairs = list(zip(rows, (wait(r) * 2 for r in rows)))\n"
        "effect((ordered, total, best, flags, pairs))\n"
    )
    job, world, suspensions = gates.run_interrupted(source)
    native_world, _, error = gates.run_native(source)
    assert error is None and job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert suspensions == len(world.gates) > 10


def test_host_call_given_a_pending_future_in_a_container_waits_before_it_starts() -> None:
    calls: list[int] = []

    def add_all(items: list[object]) -> object:
        calls.append(len(items))
        return sum(items)  # type: ignore[arg-type]

    world = gates.World(start_open=False)
    bindings = {**world.bindings(), "add_all": add_all}
    job = statek_vm.run("items = [wait(1), 2]\ntotal = add_all(items)\n", bindings)
    assert job.status == "SUSPENDED" and job.location == ("<agent>", 2)
    world.gates[0].open = True
    job.resume()
    assert job.status == "COMPLETED" and job.namespace["total"] == 3
    assert calls == [2], "the host call started before its argument was ready"


def test_internal_errors_are_not_script_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from statek_vm.vm.dialect import DIALECT

    monkeypatch.delitem(DIALECT.handlers, "BUILD_SLICE")  # type: ignore[arg-type]
    job = statek_vm.run(
        "try:\n    x = [1, 2, 3][0:1:1]\nexcept Exception:\n    caught = True\n", filename="unique-internal.py"
    )
    assert job.status == "FAILED"
    assert isinstance(job.error, VMInternalError)
    assert "BUILD_SLICE" in str(job.error)
    assert "caught" not in job.namespace, "a script handler must not see a VM bug"


def test_recursion_limit_is_a_script_error() -> None:
    job = statek_vm.run(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    msg = str(e)\n"
    )
    assert job.status == "COMPLETED", job.error
    assert "maximum recursion depth" in job.namespace["msg"]


FUSED_EDGES = """\
def load_load():
    a = 1
    try:
        return a + later
    except UnboundLocalError as e:
        return "ll:" + str(e)
    later = 2

def first_unbound():
    try:
        return early + 1
    except UnboundLocalError as e:
        return "fu:" + str(e)
    early = 1

def store_load():
    x = 1
    try:
        del y
    except UnboundLocalError:
        pass
    try:
        z = x
        return z + y
    except UnboundLocalError as e:
        return "sl:" + str(e)
    y = 0

def const_load():
    try:
        return 1 + q
    except UnboundLocalError as e:
        return "cl:" + str(e)
    q = 0

results = [load_load(), first_unbound(), store_load(), const_load()]
"""


def test_fused_steps_stop_at_the_boundary_where_an_error_belongs() -> None:
    native: dict[str, object] = {}
    exec(compile(FUSED_EDGES, "<agent>", "exec"), native)
    job = statek_vm.run(FUSED_EDGES)
    assert job.status == "COMPLETED", job.error
    assert job.namespace["results"] == native["results"]
    failing = "def f():\n    a = 1\n    return a + never\n    never = 0\nf()\n"
    vm_job = statek_vm.run(failing)
    try:
        exec(compile(failing, "<agent>", "exec"), {})
    except UnboundLocalError as error:
        native_lines = [e.lineno for e in traceback.extract_tb(error.__traceback__) if e.filename == "<agent>"]
    assert isinstance(vm_job.error, UnboundLocalError)
    assert [e.lineno for e in traceback.extract_tb(vm_job.error.__traceback__)] == native_lines
