"""Snapshots: a suspended job as bytes, resumed exactly, in this process or another."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
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


def test_snapshot_header_is_readable_without_unpickling() -> None:
    job, _ = _suspended()
    outer = msgpack.unpackb(job.dumps(key=KEY))
    body = msgpack.unpackb(outer[2])
    assert outer[0] == envelope.MAGIC and outer[1] == envelope.FORMAT
    assert body["python"] == f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert body["program"]["hash"] == job.program.hash
    assert body["job"]["next_instr_num"] == job.next_instr_num
    assert body["job"]["line"] == 2 and body["job"]["status"] == "SUSPENDED"
    assert "FutureResult" in body["job"]["awaited"]


def test_program_stored_once_in_a_registry() -> None:
    job, world = _suspended()
    data = job.dumps(key=KEY, include_program=False)
    assert job.program.source.encode() not in data
    with pytest.raises(SnapshotError, match="does not include its program"):
        Job.loads(data, world.bindings(), key=KEY)
    registry = {job.program.hash: (job.program.source, job.program.filename)}
    loaded = Job.loads(data, world.bindings(), key=KEY, programs=registry)
    assert loaded.status == "SUSPENDED"


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
        text = read_all()
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


def test_host_iterator_on_the_stack_is_named() -> None:
    def rows() -> Any:
        yield 1
        yield 2

    world = gates.World(start_open=False)
    job = statek_vm.run("for r in rows():\n    effect(wait(r) + 0)\n", {**world.bindings(), "rows": rows})
    with pytest.raises(SnapshotError, match="stack slot 0 holds a builtins.generator"):
        job.dumps(key=KEY)


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

    for unpickler in (pickling._FastUnpickler, pickling._DillUnpickler):
        monkeypatch.setattr(unpickler, "load", refuse)


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
    unpicklers = (pickling._FastUnpickler, pickling._DillUnpickler)
    real_loads = [u.load for u in unpicklers]

    def spy(self: Any) -> Any:
        loads_called.append(True)
        raise AssertionError("unpickled")

    for u in unpicklers:
        u.load = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(SnapshotError):
            Job.loads(corrupted, gates.World(start_open=False).bindings(), key=KEY)
    finally:
        for u, real in zip(unpicklers, real_loads, strict=True):
            u.load = real  # type: ignore[method-assign]
    assert not loads_called, "nothing may be unpickled from a corrupted snapshot"


def _resealed(data: bytes, change: Any) -> bytes:
    outer = msgpack.unpackb(data)
    body = msgpack.unpackb(outer[2])
    change(body, outer)
    return envelope.seal(body, KEY) if outer[1] == envelope.FORMAT else msgpack.packb(outer)


def test_other_cpython_version_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()
    data = _resealed(job.dumps(key=KEY), lambda body, outer: body.update(python="3.10"))
    with pytest.raises(SnapshotError, match="made by CPython 3.10; it can only be resumed by CPython 3.10"):
        Job.loads(data, world.bindings(), key=KEY)


def test_other_snapshot_format_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()
    outer = msgpack.unpackb(job.dumps(key=KEY))
    outer[1] = 99
    with pytest.raises(SnapshotError, match="format 99 is not supported"):
        Job.loads(msgpack.packb(outer), world.bindings(), key=KEY)


def test_program_not_matching_its_hash_is_refused(no_unpickling: None) -> None:
    job, world = _suspended()

    def edit(body: dict[str, Any], outer: Any) -> None:
        body["program"]["source"] = body["program"]["source"].replace("x = 1", "x = 2")

    with pytest.raises(SnapshotError, match="does not match its hash"):
        Job.loads(_resealed(job.dumps(key=KEY), edit), world.bindings(), key=KEY)


def test_only_suspended_jobs_have_snapshots() -> None:
    with pytest.raises(statek_vm.StatekError, match="only a SUSPENDED job"):
        statek_vm.run("x = 1").dumps(key=KEY)


def test_not_bytes_is_refused() -> None:
    with pytest.raises(SnapshotError, match="is bytes"):
        Job.loads(io.BytesIO(b""), key=KEY)  # type: ignore[arg-type]
