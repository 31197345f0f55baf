"""Snapshots: a suspended job as bytes, resumed exactly, in this process or another."""

from __future__ import annotations

import builtins
import decimal
import gc
import hmac
import io
import json
import os
import pickle
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path
from typing import Any

import msgpack
import pytest
from hypothesis import given
from hypothesis import strategies as st

import statek_vm
from statek_vm import Job, SnapshotError
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.snapshot import envelope, pickling
from statek_vm.vm import runtime
from tests.snapshot import durable
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"0123456789abcdef0123456789abcdef"
ROOT = Path(__file__).parents[2]

SCRIPT = textwrap.dedent(
    """
    class Counter:
        def __init__(self):
            self.n = 0
        def bump(self, by):
            self.n += by
            return self.n

    def numbers(k):
        for i in range(k):
            effect(("gen", i))
            yield wait(i) * 10

    counter = Counter()
    seen = {}
    for value in numbers(3):
        total = counter.bump(value + wait(1))
        seen[value] = total
        print("step", value, total)
    try:
        effect(("in try", wait(5) + 0))
    finally:
        effect("finally")
    result = sorted(seen.items(), key=lambda kv: -kv[1])
    effect(result)
    """
)


def _native_log(tmp_path: Path) -> list[Any]:
    log = tmp_path / "native.jsonl"
    env = {**os.environ, "STATEK_TEST_LOG": str(log), "STATEK_TEST_READY": "1", "PYTHONPATH": str(ROOT)}
    code = (
        "import sys; from tests.snapshot import durable; ns = durable.bindings(); "
        f"exec(compile({SCRIPT!r}, '<agent>', 'exec'), ns)"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT, capture_output=True)
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_every_resume_in_a_fresh_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "vm.jsonl"
    monkeypatch.setenv("STATEK_TEST_LOG", str(log))
    job = statek_vm.run(SCRIPT, durable.bindings())
    assert job.status == "SUSPENDED"
    snapshot = tmp_path / "job.snapshot"
    snapshot.write_bytes(job.dumps(key=KEY))
    del job
    env = {**os.environ, "STATEK_TEST_LOG": str(log), "PYTHONPATH": str(ROOT)}
    resumes = 0
    while True:
        done = subprocess.run(
            [sys.executable, "-m", "tests.snapshot.resume_worker", str(snapshot), KEY.hex()],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        resumes += 1
        status, _, output = done.stdout.partition("\n")
        assert status in ("SUSPENDED", "COMPLETED"), done.stderr
        if status == "COMPLETED":
            break
        assert resumes < 50
    assert resumes == 7  # 3 waits in the generator, 3 in the loop, 1 in the try
    vm_log = [json.loads(line) for line in log.read_text().splitlines()]
    assert vm_log == _native_log(tmp_path)
    assert output == "step 0 1\nstep 10 12\nstep 20 33\n", "output travels with the job across processes"


def test_many_round_trips_in_one_job() -> None:
    source = "total = 0\nfor i in range(60):\n    total += wait(i)\neffect(total)\n"
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings())
    trips = 0
    while job.status == "SUSPENDED":
        data = job.dumps(key=KEY)
        bindings = world.bindings()
        job = Job.loads(data, bindings, key=KEY)
        job.awaited_result.deps.open = True
        job.resume()
        trips += 1
    assert job.status == "COMPLETED", job.error
    assert trips == 60 and world.log == [sum(range(60))]


def _suspended(source: str = "x = 1\ny = wait(2) + x\n") -> tuple[Job, gates.World]:
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings())
    assert job.status == "SUSPENDED"
    return job, world


def test_a_scripts_own_stdout_and_stderr_are_the_jobs_not_the_processes_between_its_runs() -> None:
    source = (
        "import contextlib, io, sys\n"
        "buf, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):\n"
        "    print('in', wait(2))\n"
        "    print('oops', file=sys.stderr)\n"
        "print(repr(buf.getvalue()), repr(err.getvalue()))\n"
    )
    out, err, main = sys.stdout, sys.stderr, sys.modules["__main__"]
    job, world = _suspended(source)
    assert (sys.stdout, sys.stderr) == (out, err), "the suspended job's redirects left in the process"
    assert sys.modules["__main__"] is main, "the job's script module left in the process"
    print("the process's own line")
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert loaded.output == "'in 2\\n' 'oops\\n'\n"
    assert (sys.stdout, sys.stderr) == (out, err)
    assert sys.modules["__main__"] is main


def test_jobs_running_in_two_threads_leave_the_processes_main_module_and_streams() -> None:
    import threading

    main, out, err = sys.modules["__main__"], sys.stdout, sys.stderr
    a_in, b_in, a_done = threading.Event(), threading.Event(), threading.Event()

    def hold_a() -> str:
        a_in.set()
        assert b_in.wait(10)
        return type(sys.modules["__main__"]).__name__

    def hold_b() -> str:
        b_in.set()
        assert a_done.wait(10)
        return type(sys.modules["__main__"]).__name__

    source = "import sys\nprint(hold())\n"
    results: dict[str, Any] = {}

    def run(name: str, hold: Any) -> None:
        results[name] = statek_vm.run(source, {"hold": hold})

    a = threading.Thread(target=run, args=("a", hold_a))
    a.start()
    assert a_in.wait(10)
    b = threading.Thread(target=run, args=("b", hold_b))
    b.start()
    a.join(10)
    a_done.set()
    b.join(10)
    assert results["a"].output == results["b"].output == "ScriptModule\n"
    assert sys.modules["__main__"] is main, "a job's script module left as the process's __main__"
    assert (sys.stdout, sys.stderr) == (out, err), "a job's streams left in the process"


class _HostThing:
    """A class of the application's main module (pickled by host code that a job calls)."""

    __module__ = "__main__"
    __qualname__ = "_HostThing"


def test_host_functions_made_in_the_scripts_globals_keep_them_and_frozen_keys_keep_their_hashes() -> None:
    # dataclasses compiles __init__, __eq__ and __hash__ in the globals of
    # sys.modules[cls.__module__], the script's namespace while its job runs.
    # A copy of those globals in the snapshot held the instances as dict keys
    # and set members before they had their fields: they hashed otherwise.
    source = (
        "from dataclasses import dataclass\n"
        "@dataclass(frozen=True)\n"
        "class Sku:\n"
        "    vendor: str\n"
        "    code: int\n"
        "stock, seen = {}, set()\n"
        "for i in range(6):\n"
        "    sku = Sku('acme', i % 3)\n"
        "    seen.add(sku)\n"
        "    stock[sku] = stock.get(sku, 0) + wait(i)\n"
        "print(sorted(stock.values()), Sku('acme', 1) in seen, stock[Sku('acme', 2)])\n"
        "print(Sku.__eq__.__globals__ is globals(), Sku.__hash__.__globals__ is globals())\n"
    )
    job, world = _suspended(source)
    while job.status == "SUSPENDED":
        job = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
        job.awaited_result.deps.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert job.output == "[3, 5, 7] True 7\nTrue True\n"


def test_host_code_a_job_calls_finds_its_main_modules_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules["__main__"], "_HostThing", _HostThing, raising=False)

    def round_trip() -> str:
        return type(pickle.loads(pickle.dumps(_HostThing()))).__name__

    job = statek_vm.run(
        "import __main__\nprint(round_trip(), __main__.__name__, __main__.round_trip is round_trip)",
        {"round_trip": round_trip},
    )
    assert job.status == "COMPLETED", job.error
    assert job.output == "_HostThing __main__ True\n"


def test_loaded_job_behaves_like_the_original() -> None:
    job, world = _suspended("print('before')\nx = 1\ny = wait(2) + x\nprint('after', y)\n")
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    assert loaded.status == "SUSPENDED"
    assert loaded.id == job.id
    assert loaded.next_instr_num == job.next_instr_num
    assert loaded.location == job.location
    assert loaded.output == "before\n"
    assert loaded.awaited_result.deps == job.awaited_result.deps
    assert loaded.resume().status == "SUSPENDED", "not ready: nothing runs"
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED" and loaded.output == "before\nafter 3\n"
    assert [e["event"] for e in loaded.history][:2] == ["started", "suspended"]


def test_snapshot_header_is_readable_without_unpickling(no_unpickling: None) -> None:
    job, _ = _suspended()
    data = job.dumps(key=KEY)
    outer = msgpack.unpackb(data)
    assert outer[0] == envelope.MAGIC and outer[1] == envelope.FORMAT
    header = envelope.read_header(data)
    assert "payload" not in header
    assert header["python"] == f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert header["statek_vm"] == statek_vm.__version__
    assert header["program_hash"] == job.program.hash
    assert header["filename"] == "<agent>" and header["mode"] == "exec"
    assert header["source"] == job.program.source
    assert header["id"] == job.id
    assert header["next_instr_num"] == job.next_instr_num
    assert header["line"] == 2 and header["function"] == "<module>" and header["status"] == "SUSPENDED"
    assert "FutureResult" in header["awaited"]
    assert header["created"] == job.created
    assert header["history"] == job.history


def test_job_ids_that_are_not_uuid_hex_travel_as_they_are() -> None:
    job, world = _suspended()
    for job_id in ("order-42", "ABCDEF0123456789ABCDEF0123456789", "0123456789abcdef0123456789abcdeg"):
        job.id = job_id
        assert Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY).id == job_id


def test_interactive_programs_round_trip() -> None:
    world = gates.World(start_open=False)
    job = statek_vm.run("wait(1) + 41\n", world.bindings(), mode="single")
    assert job.status == "SUSPENDED"
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    assert loaded.program is job.program and envelope.read_header(job.dumps(key=KEY))["mode"] == "single"


def test_closures_generators_and_resolved_futures_round_trip() -> None:
    # Frames with cells and generator frames take the long form of a
    # frame's pickled state; a resolved future carries its value.
    source = textwrap.dedent(
        """
        def counter():
            n = 0
            def bump(by):
                nonlocal n
                n += by
                return n
            return bump

        def numbers(k):
            for i in range(k):
                yield wait(i) + bump(1)

        bump = counter()
        early = wait(100)
        total = early + 0
        for v in numbers(3):
            total += v
        effect((total, early + 1, bump(0)))
        """
    )
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings())
    trips = 0
    while job.status == "SUSPENDED":
        job = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
        job.awaited_result.deps.open = True
        job.resume()
        trips += 1
    assert job.status == "COMPLETED", job.error
    native = gates.run_native(source)[0]
    assert world.log == native.log and trips == 4


def test_a_future_inside_its_own_deps_round_trips() -> None:
    job, world = _suspended()
    job.awaited_result.deps.future = job.awaited_result
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    assert loaded.awaited_result.deps.future is loaded.awaited_result
    assert loaded.awaited_result.state_num == job.awaited_result.state_num


def test_a_loaded_job_is_freed_without_the_cycle_collector() -> None:
    # A runner drops one job per snapshot: each must go when its last
    # reference does, not pile up until a cycle collection.
    job, world = _suspended("print('x')\ny = wait(1) + 1\n")
    data = job.dumps(key=KEY)
    gc.disable()
    try:
        loaded = Job.loads(data, world.bindings(), key=KEY)
        loaded.awaited_result.deps.open = True
        loaded.resume()
        assert loaded.output == "x\n"
        gone = weakref.ref(loaded)
        del loaded
        assert gone() is None
    finally:
        gc.enable()


def test_open_file_binding_travels_by_name(tmp_path: Path) -> None:
    # Open files are refused as values, but a binding is the application's
    # and travels by name, whatever it is.
    world = gates.World(start_open=False)
    with open(tmp_path / "log.txt", "w") as log:
        job = statek_vm.run("y = wait(1) + 1\nlog.write(str(y))\n", {**world.bindings(), "log": log})
        loaded = Job.loads(job.dumps(key=KEY), {**world.bindings(), "log": log}, key=KEY)
        loaded.awaited_result.deps.open = True
        loaded.resume()
        assert loaded.status == "COMPLETED", loaded.error
    assert (tmp_path / "log.txt").read_text() == "2"


class _SnapshotsOnPickling:
    """A host object that snapshots another job while it is being pickled."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.inner: bytes = b""

    def __reduce__(self) -> Any:
        self.inner = self.job.dumps(key=KEY)
        return (dict, ())


def test_a_dump_within_a_dump() -> None:
    inner_job, world = _suspended()
    outer_job, _ = _suspended("y = wait(2) + 1\n")
    holder = _SnapshotsOnPickling(inner_job)
    outer_job.namespace["holder"] = holder
    outer = Job.loads(outer_job.dumps(key=KEY), world.bindings(), key=KEY)
    inner = Job.loads(holder.inner, world.bindings(), key=KEY)
    assert outer.namespace["holder"] == {} and inner.next_instr_num == inner_job.next_instr_num
    kept = pickling._reused.kept
    assert kept is not None and kept[0].refs is None


def test_the_reused_pickler_keeps_nothing_of_a_job() -> None:
    job, _ = _suspended()
    job.dumps(key=KEY)
    job.dumps(key=KEY)
    kept = pickling._reused.kept
    assert kept is not None and kept[0].refs is None


def test_program_stored_once_in_a_registry() -> None:
    job, world = _suspended()
    data = job.dumps(key=KEY, include_program=False)
    assert job.program.source.encode() not in data
    with pytest.raises(SnapshotError, match="does not include its program"):
        Job.loads(data, world.bindings(), key=KEY)
    registry = {job.program.hash: (job.program.source, job.program.filename)}
    loaded = Job.loads(data, world.bindings(), key=KEY, programs=registry)
    assert loaded.status == "SUSPENDED"


def test_a_job_waiting_inside_the_vms_runtime_holds_it_by_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    # sorted() with a key runs the runtime's re-statement; lru_cache makes a
    # closure of the runtime's, kept in the script's globals.
    source = textwrap.dedent(
        """
        import functools
        @functools.lru_cache
        def score(word):
            return wait(len(word))
        ranked = sorted(["pear", "fig"], key=score)
        """
    )
    job, world = _suspended(source)
    frame = job._frame
    while frame.unit.filename != runtime.FILENAME:
        frame = frame.back
    data = job.dumps(key=KEY)
    # Neither the runtime's source, nor its globals, nor the host's builtins.
    assert runtime.SOURCE[:300].encode() not in data and b"Copyright" not in data and len(data) < 4000
    loaded = Job.loads(data, world.bindings(), key=KEY)
    frame = loaded._frame
    while frame.unit.filename != runtime.FILENAME:
        frame = frame.back
    assert frame.globals is runtime.namespace() and frame.unit.program is runtime.program()
    assert frame.builtins is builtins.__dict__
    score = loaded.namespace["score"]
    assert score.__globals__ is runtime.namespace() and score._builtins is builtins.__dict__
    loaded.awaited_result.deps.open = True
    assert loaded.resume().status == "SUSPENDED"
    loaded.awaited_result.deps.open = True
    assert loaded.resume().status == "COMPLETED" and loaded.namespace["ranked"] == ["fig", "pear"]
    # Another statek_vm's runtime: refused, not run with other code.
    monkeypatch.setattr(runtime.program(), "hash", "0" * 64)
    with pytest.raises(SnapshotError, match="runtime of another statek_vm version"):
        Job.loads(data, world.bindings(), key=KEY)


def test_objects_of_the_runtimes_classes_keep_their_class_through_a_snapshot() -> None:
    source = textwrap.dedent(
        """
        import functools
        class Shelf:
            def __getitem__(self, i):
                return "abc"[i]
        books = iter(Shelf())
        key = functools.cmp_to_key(lambda a, b: 0)("x")
        done = wait(1) + 1
        """
    )
    job, world = _suspended(source)
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    assert type(loaded.namespace["books"]) is runtime.namespace()["SequenceIterator"]
    assert type(loaded.namespace["key"]) is runtime.namespace()["KeyWrapper"]
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED" and next(loaded.namespace["books"]) == "a"


def test_missing_binding_is_named() -> None:
    job, _ = _suspended()
    with pytest.raises(SnapshotError, match="host binding 'wait'"):
        Job.loads(job.dumps(key=KEY), {"effect": print}, key=KEY)


def test_unserializable_value_is_named_and_the_job_survives(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("a\nb\n")
    source = textwrap.dedent(
        f"""
        def read_all():
            handle = open({str(path)!r})
            first = handle.readline()
            extra = wait(1) + 0
            return first + handle.readline() + str(extra)
        class Tag:
            def __init__(self, name):
                self.name = name
            def __eq__(self, other):
                return self.name == other.name
        text = read_all()
        where = [Tag("a"), Tag("b")].index(Tag("b"))
        """
    )
    job, world = _suspended(source)
    with pytest.raises(SnapshotError) as info:
        job.dumps(key=KEY)
    message = str(info.value)
    assert "read_all()" in message and ":5" in message and "'handle'" in message and "TextIOWrapper" in message
    assert job.status == "SUSPENDED"
    world.gates[0].open = True
    job.resume()
    assert job.status == "COMPLETED" and job.namespace["text"] == "a\nb\n1"
    # The failed snapshot left nothing behind: host code's calls of a script
    # __eq__ run it again (while snapshotting, distinct keys are unequal).
    assert job.namespace["where"] == 1


def test_host_iterator_on_the_stack_is_named() -> None:
    def rows() -> Any:
        yield 1
        yield 2

    world = gates.World(start_open=False)
    job = statek_vm.run("for r in rows():\n    effect(wait(r) + 0)\n", {**world.bindings(), "rows": rows})
    with pytest.raises(SnapshotError, match=r"stack slot 0 holds a builtins\.generator"):
        job.dumps(key=KEY)


def test_the_global_that_cannot_be_carried_is_named_not_a_class_whose_methods_see_it(tmp_path: Path) -> None:
    # The script's classes and functions hold its namespace as their globals:
    # the report names the global that fails, not the first of them it meets.
    (tmp_path / "notes.txt").write_text("n")
    source = (
        "class Reviewer:\n"
        "    def review(self, item):\n"
        "        return wait(item)\n"
        f"notes = open({str(tmp_path / 'notes.txt')!r})\n"
        "print(Reviewer().review(1))\n"
    )
    job, _ = _suspended(source)
    with pytest.raises(SnapshotError, match=r"global 'notes' holds a _io\.TextIOWrapper"):
        job.dumps(key=KEY)
    job.namespace["notes"].close()


def test_a_thread_pool_with_no_work_in_it_is_carried_shut_down_or_not() -> None:
    source = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor(max_workers=2) as done:\n"
        "    first = list(done.map(len, ['ab', 'c']))\n"
        "idle = ThreadPoolExecutor(max_workers=3, thread_name_prefix='tools')\n"
        "second = idle.submit(sum, [1, 2]).result()\n"
        "value = wait(5)\n"
        "print(first, second, value, idle.submit(len, 'abcd').result(), idle._max_workers, idle._thread_name_prefix)\n"
        "try:\n"
        "    done.submit(len, 'x')\n"
        "except RuntimeError as e:\n"
        "    print('shut down:', e)\n"
        "idle.shutdown()\n"
    )
    job, world = _suspended(source)
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert loaded.output == "[2, 1] 3 5 4 3 tools\nshut down: cannot schedule new futures after shutdown\n"


def test_a_thread_pool_with_work_running_is_refused_by_name() -> None:
    import threading

    release = threading.Event()
    source = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "busy = ThreadPoolExecutor(max_workers=1)\n"
        "running = busy.submit(block)\n"
        "print(wait(5))\n"
    )
    world = gates.World(start_open=False)
    job = statek_vm.run(source, {**world.bindings(), "block": lambda: release.wait(10)})
    assert job.status == "SUSPENDED", job.error
    try:
        with pytest.raises(
            SnapshotError, match=r"global 'busy' holds a concurrent\.futures\.thread\.ThreadPoolExecutor"
        ):
            job.dumps(key=KEY)
    finally:
        release.set()
        job.namespace["busy"].shutdown()


def test_what_a_waiting_task_holds_is_named_in_its_coroutine_not_in_the_event_loop() -> None:
    # The failing value is reached through the script's event loop (the VM's
    # own code): the report names the task's frame and variable instead.
    source = (
        "import asyncio\n"
        "async def fetch_all():\n"
        "    view = memoryview(b'rows')\n"
        "    await asyncio.sleep(0)\n"
        "    return wait(1) + len(view)\n"
        "async def main():\n"
        "    return await asyncio.gather(fetch_all(), asyncio.sleep(0, 'x'))\n"
        "print(asyncio.run(main()))\n"
    )
    job, world = _suspended(source)
    with pytest.raises(SnapshotError) as info:
        job.dumps(key=KEY)
    message = str(info.value)
    assert "in fetch_all() at <agent>:5, variable 'view' holds a builtins.memoryview" in message, message
    assert "Drop it or turn it into plain data" in message and "generator" not in message, message
    world.gates[next(iter(world.gates))].open = True
    job.resume()
    assert job.status == "COMPLETED" and job.output == "[5, 'x']\n", job.error


def test_contexts_and_tokens_of_host_context_variables_are_refused_by_name() -> None:
    import contextvars

    host_var = contextvars.ContextVar("host_tracing_id")
    world = gates.World(start_open=False)
    bindings = {**world.bindings(), "host_var": host_var, "tag": lambda: host_var.set("h-1") and None}
    kept_copy = "import contextvars\ntag()\nside = contextvars.copy_context()\nprint(wait(5))\n"
    job = statek_vm.run(kept_copy, bindings)
    assert job.status == "SUSPENDED", job.error
    with pytest.raises(SnapshotError, match=r"global 'side' .*host's context variable 'host_tracing_id'"):
        job.dumps(key=KEY)
    job = statek_vm.run("token = host_var.set(3)\nprint(wait(5))\n", bindings)
    with pytest.raises(SnapshotError, match=r"global 'token' .*Token of the host's context variable 'host_tracing_id'"):
        job.dumps(key=KEY)
    # Neither failed snapshot changed the job: it resumes.
    job.awaited_result.deps.open = True
    job.resume()
    assert job.status == "COMPLETED" and job.output == "5\n"


def test_a_token_of_the_jobs_context_still_resets_there_after_two_loads() -> None:
    source = (
        "import contextvars\n"
        "stage = contextvars.ContextVar('stage')\n"
        "token = stage.set('draft')\n"
        "inner = stage.set('review')\n"
        "print(wait(1), stage.get())\n"
        "stage.reset(inner)\n"
        "print(wait(2), stage.get())\n"
        "stage.reset(token)\n"
        "print(stage.get('unset'), token.old_value is contextvars.Token.MISSING, inner.old_value)\n"
    )
    job, world = _suspended(source)
    for _ in range(2):
        job = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
        job.awaited_result.deps.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert job.output == "1 review\n2 draft\nunset True draft\n"


def test_dict_iterators_resume_over_a_copy() -> None:
    # A dict iterator pickles as an iterator over a list of the remaining
    # items: after loading, the loop continues over what was left, and later
    # changes to the dict are not seen (natively they would raise).
    source = "d = {'a': 1, 'b': 2, 'c': 3}\nseen = []\nfor k in d:\n    seen.append(k + str(wait(1)))\n"
    job, world = _suspended(source)
    job.awaited_result.deps.open = True
    job.resume()
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    while loaded.status == "SUSPENDED":
        loaded.awaited_result.deps.open = True
        loaded.resume()
        if loaded.status == "SUSPENDED":
            loaded = Job.loads(loaded.dumps(key=KEY), world.bindings(), key=KEY)
    assert loaded.namespace["seen"] == ["a1", "b1", "c1"]


# -- integrity ----------------------------------------------------------------


@pytest.fixture
def no_unpickling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Any) -> Any:
        raise AssertionError("the payload was unpickled before the snapshot was verified")

    monkeypatch.setattr(pickling._DillUnpickler, "load", refuse)
    monkeypatch.setattr(pickle, "loads", lambda *args, **kwargs: refuse(None))


def test_wrong_key_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()
    with pytest.raises(SnapshotError, match="integrity check failed"):
        Job.loads(job.dumps(key=KEY), world.bindings(), key=b"another key")


def test_unsigned_snapshots_need_an_explicit_opt_out() -> None:
    job, world = _suspended()
    data = job.dumps()
    with pytest.raises(SnapshotError, match="unsigned"):
        Job.loads(data, world.bindings())
    with pytest.raises(SnapshotError, match="unsigned but a key was given"):
        Job.loads(data, world.bindings(), key=KEY)
    assert Job.loads(data, world.bindings(), allow_unsigned=True).status == "SUSPENDED"
    with pytest.raises(SnapshotError, match="signed: pass key"):
        Job.loads(job.dumps(key=KEY), world.bindings())


_SIGNED: list[bytes] = []


def _signed() -> bytes:
    if not _SIGNED:
        job, _ = _suspended()
        _SIGNED.append(job.dumps(key=KEY))
    return _SIGNED[0]


@given(st.data())
def test_corrupted_snapshots_are_refused_before_unpickling(data: st.DataObject) -> None:
    original = _signed()
    kind = data.draw(st.sampled_from(["flip", "truncate", "append"]))
    if kind == "flip":
        position = data.draw(st.integers(0, len(original) - 1))
        bit = data.draw(st.integers(0, 7))
        corrupt = bytearray(original)
        corrupt[position] ^= 1 << bit
        corrupted = bytes(corrupt)
    elif kind == "truncate":
        corrupted = original[: data.draw(st.integers(0, len(original) - 1))]
    else:
        corrupted = original + data.draw(st.binary(min_size=1, max_size=8))
    loads_called = []

    def spy(*args: Any) -> Any:
        loads_called.append(True)
        raise AssertionError("unpickled")

    real = pickle.loads, pickling._DillUnpickler.load
    pickle.loads = spy
    pickling._DillUnpickler.load = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(SnapshotError):
            Job.loads(corrupted, gates.World(start_open=False).bindings(), key=KEY)
    finally:
        pickle.loads, pickling._DillUnpickler.load = real  # type: ignore[method-assign]
    assert not loads_called, "nothing may be unpickled from a corrupted snapshot"


def _resealed(data: bytes, change: Any) -> bytes:
    body = msgpack.unpackb(msgpack.unpackb(data)[2])
    change(body)
    return envelope.seal(body, KEY)


def test_other_cpython_version_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()
    data = _resealed(job.dumps(key=KEY), lambda body: body.__setitem__(envelope.PYTHON, "3.10"))
    with pytest.raises(SnapshotError, match=r"made by CPython 3\.10; it can only be resumed by CPython 3\.10"):
        Job.loads(data, world.bindings(), key=KEY)


def test_other_snapshot_format_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()
    outer = msgpack.unpackb(job.dumps(key=KEY))
    outer[1] = 99
    with pytest.raises(SnapshotError, match="format 99 is not supported"):
        Job.loads(msgpack.packb(outer), world.bindings(), key=KEY)


def test_format_1_snapshots_are_refused(no_unpickling: None) -> None:
    # Format 1 had a map for a body; its snapshots say so rather than fail oddly.
    _, world = _suspended()
    body = msgpack.packb({"python": "3.11", "payload": b"P"})
    old = msgpack.packb([envelope.MAGIC, 1, body, hmac.digest(KEY, body, "sha256")])
    with pytest.raises(SnapshotError, match="format 1 is not supported: this statek_vm reads format 2"):
        Job.loads(old, world.bindings(), key=KEY)


@given(st.binary(max_size=200), st.binary(max_size=2000))
def test_the_tag_is_hmac_sha256(key: bytes, message: bytes) -> None:
    assert envelope._tag(key, message) == hmac.digest(key, message, "sha256")


def test_program_not_matching_its_hash_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()

    def edit(body: list[Any]) -> None:
        body[envelope.SOURCE] = body[envelope.SOURCE].replace("x = 1", "x = 2")

    with pytest.raises(SnapshotError, match="does not match its hash"):
        Job.loads(_resealed(job.dumps(key=KEY), edit), world.bindings(), key=KEY)


def test_only_suspended_jobs_have_snapshots() -> None:
    with pytest.raises(statek_vm.StatekError, match="only a SUSPENDED job"):
        statek_vm.run("x = 1").dumps(key=KEY)


def test_not_bytes_is_refused() -> None:
    with pytest.raises(SnapshotError, match="is bytes"):
        Job.loads(io.BytesIO(b""), key=KEY)  # type: ignore[arg-type]


def test_a_wait_inside_print_arguments_round_trips() -> None:
    # The job's print is on the value stack while its argument is pending:
    # it travels by reference and writes to the loaded job's output.
    job, world = _suspended("print('before')\nprint('after', wait(2))\n")
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED"
    assert loaded.output == "before\nafter 2\n"


def test_generators_that_refuse_copy_still_travel_in_snapshots() -> None:
    # Natively (and so in scripts) a generator, a coroutine and its __await__
    # iterator refuse copy and pickle; a snapshot takes them by their state.
    source = textwrap.dedent(
        """
        import copy

        def numbers():
            for i in range(3):
                yield i * 10

        async def later():
            return 7

        gen = numbers()
        first = next(gen)
        waiter = later().__await__()
        try:
            copy.copy(gen)
        except TypeError as error:
            refused = str(error)
        got = wait(1)
        try:
            next(waiter)
        except StopIteration as stop:
            awaited = stop.value
        effect((refused, first, got + 0, list(gen), awaited))
        """
    )
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings())
    assert job.status == "SUSPENDED", job.error
    loaded = Job.loads(job.dumps(key=KEY), world.bindings(), key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    native = gates.run_native(source)[0]
    assert world.log == native.log
    assert world.log[-1][0] == "cannot pickle 'generator' object"


@pytest.mark.parametrize(
    "held",
    [
        "re.compile('a').scanner('aaa')",
        "re.compile('a').scanner('aaa').search",
        "iter(re.compile('a').scanner('aaa').search, None)",
    ],
)
def test_c_objects_no_one_can_make_are_refused_when_saved_not_when_loaded(held: str) -> None:
    # A C type that cannot be instantiated (re's scanner) is never pickled as
    # a class made again: the snapshot would be written and fail to load.
    # The job stays suspended and usable.
    from tests.vm.gates import World

    world = World(start_open=False)
    job = statek_vm.run(f"import re\nheld = {held}\neffect(wait(1))\n", world.bindings())
    assert job.status == "SUSPENDED", job.error
    with pytest.raises(SnapshotError, match=r"cannot pickle '_sre\.SRE_Scanner'"):
        job.dumps()
    assert job.status == "SUSPENDED"


def test_a_decimal_localcontext_block_waits_and_resumes() -> None:
    from tests.vm.gates import World

    world = World(start_open=False)
    source = (
        "import decimal\n"
        "with decimal.localcontext(prec=3) as ctx:\n"
        "    effect([str(decimal.Decimal(1) / 3), wait('inside'), ctx.prec])\n"
        "effect([str(decimal.Decimal(1) / 3), decimal.getcontext().prec])\n"
    )
    job = statek_vm.run(source, world.bindings())
    assert job.status == "SUSPENDED", job.error
    later = World(start_open=True)
    loaded = Job.loads(job.dumps(), later.bindings(), allow_unsigned=True)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert later.log == [["0.333", "inside", 3], [str(decimal.Decimal(1) / 3), 28]]
