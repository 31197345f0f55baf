"""Iterators a job holds at a wait resume with their native meaning, in a fresh process.

Each script suspends with iterators on a ``for`` loop's stack or in
variables; its snapshot is resumed in fresh processes (one per wait, all the
scripts in each), and its side effects, output and outcome must equal a
native run of the same script.  ``python -m tests.snapshot.test_iterators
FOLDER`` is that process: it resumes every job in FOLDER by one wait.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import statek_vm
from statek_vm import Job, SnapshotError
from statek_vm.job import SUPPORTED_VERSIONS
from tests.snapshot import durable
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"iterators-test-key".ljust(32, b".")
ROOT = Path(__file__).parents[2]

SCRIPTS = {
    # The loop reassigns a later key's value after a resume: the live dict is iterated, not a copy.
    "dict_items_reassigned_later": """
        d = {'a': 1, 'b': 2, 'c': 3}
        for k, v in d.items():
            if k == 'b':
                d['c'] = 30
            effect([k, v, str(wait(k))])
        print(d)
    """,
    "dict_size_changed_before_the_wait": """
        d = {'a': 1, 'b': 2}
        try:
            for k in d:
                d[k + '!'] = 0
                effect([k, str(wait(k))])
        except RuntimeError as e:
            effect(str(e))
        effect(sorted(d))
    """,
    "dict_size_changed_after_a_resume": """
        d = {'a': 1, 'b': 2, 'c': 3}
        try:
            for k, v in d.items():
                effect([k, v, str(wait(k))])
                if k == 'b':
                    del d['a']
        except RuntimeError as e:
            effect(str(e))
    """,
    "dict_keys_changed": """
        d = {'a': 1}
        try:
            for k in d:
                del d[k]
                d['z'] = 2
                effect([k, str(wait(k))])
        except RuntimeError as e:
            effect(str(e))
        effect(list(d))
    """,
    "set_size_changed": """
        s = {1, 2, 3}
        try:
            for e in s:
                s.add(e + 10)
                effect(wait(e) + 0)
        except RuntimeError as e:
            effect(str(e))
    """,
    "set_loop": """
        s = {1, 5, 9, 13}
        frozen = frozenset('abc')
        seen = []
        for e in s:
            seen.append(e)
            effect(wait(e) + 0)
        left = iter(frozen)
        first = next(left)
        w = wait(0) + 0
        effect([sorted(seen), sorted([first, *left])])
    """,
    "dict_views_and_iterators_as_variables": """
        d = {'a': 1, 'b': 2, 'c': 3}
        ks, vs, its = d.keys(), d.values(), d.items()
        it, r, rk, done = iter(d.values()), reversed(d.items()), reversed(d), iter({})
        effect([next(it), next(r)])
        w = wait(1) + 0
        d['b'] = 20
        d['a'] = 10
        effect([list(it), list(r), next(rk), list(done)])
        d['x'] = 9
        effect([list(ks), list(vs), list(its), 'x' in ks, len(its), ks.mapping is not None])
    """,
    "zip_of_two_dict_iterators": """
        a = {'x': 1, 'y': 2, 'z': 3}
        b = {'p': 4, 'q': 5, 'r': 6}
        for (k1, v1), k2 in zip(a.items(), b):
            a['z'] = v1 * 11
            b['r'] = v1 * 22
            effect([k1, v1, k2, b[k2], str(wait(k1))])
    """,
    "nested_iterators_sharing_one_list": """
        xs = [1, 2]
        for x in xs:
            for y in xs:
                if x == 1 and y == 1:
                    xs.append(3)
                if x == y:
                    effect([x, y, str(wait(y))])
        a, b = iter(xs), reversed(xs)
        next(a)
        w = wait(0) + 0
        xs.append(4)
        effect([list(a), list(b), xs])
    """,
    "groupby_with_a_wait_in_the_group_loop": """
        from itertools import groupby
        data = ['a1', 'a2', 'a3', 'b1', 'c1']
        for key, group in groupby(data, key=lambda s: s[0]):
            for item in group:
                effect([key, item, str(wait(item))])
                if item == 'a2':
                    break
    """,
    "groupby_and_groupers_as_variables": """
        import itertools as it
        g = it.groupby([1, 1, 2, 2, 3])
        k1, g1 = next(g)
        k2, g2 = next(g)
        w = wait(0) + 0
        effect([k1, list(g1), k2, list(g2), [(k, list(x)) for k, x in g]])
    """,
    "itertools_as_variables": """
        import itertools as it
        made = [
            it.count(5), it.count(2.5, 0.5), it.count(2**70), it.cycle('abc'), it.islice(iter(range(20)), 2, 15, 3),
            it.chain([1, 2], (3,), 'xy'), it.chain.from_iterable(['ab', 'cd']), it.product('ab', repeat=2),
            it.permutations(range(3), 2), it.combinations('abcd', 2), it.combinations_with_replacement('ab', 2),
            it.accumulate([1, 2, 3, 4]), it.accumulate([1, 2, 3], initial=100), it.accumulate([2, 3, 4], max),
            it.pairwise('abcde'), it.repeat('r', 3), it.repeat(0), it.starmap(pow, [(2, 3), (3, 2), (4, 2)]),
            it.takewhile(lambda x: x < 3, [1, 2, 3, 1]), it.dropwhile(lambda x: x < 3, [1, 2, 3, 1]),
            it.zip_longest('ab', 'wxyz', fillvalue='-'), it.compress('abcdef', [1, 0, 1, 0, 1, 1]),
            it.filterfalse(None, [0, 1, 0, 2]), *it.tee(iter([1, 2, 3, 4])),
        ]
        if hasattr(it, 'batched'):
            made.append(it.batched('abcdefg', 3))
        effect([[next(x) for _ in range(2)] for x in made])
        effect([next(made[3]), next(made[3])])   # the cycle into its saved items
        w = wait(1) + 0
        effect([list(it.islice(x, 6)) for x in made])
    """,
    # Tees of one iterator at different positions, a copy of one, across a wait per resume: after a load
    # they still share one buffer (an item read once), and later snapshots stay as small as the first.
    "tees_apart_across_waits": """
        import copy, itertools as it
        def numbers():
            for n in range(200):
                yield n * n
        a, b = it.tee(numbers())
        ahead = [next(a) for _ in range(30)]
        c = copy.copy(b)
        seen = []
        for step in range(6):
            seen.append((next(a), next(b), next(b), next(c)))
            w = wait(step) + 0
        d, e = it.tee(a)
        effect([seen, ahead[-1], next(d), next(e), next(d), list(it.islice(c, 3)), sum(b), sum(d), sum(e)])
    """,
    "itertools_on_loops": """
        import itertools as it
        for a, b in it.pairwise([1, 2, 3]):
            effect([a, b, str(wait(a))])
        for p in it.product('ab', [1, 2]):
            if p[1] == 2:
                effect([p, str(wait(p[0]))])
        for i, x in zip(it.count(), it.cycle('xy')):
            effect([i, x, str(wait(i))])
            if i == 2:
                break
    """,
    "builtin_iterators": """
        r = iter(range(10**20, 10**20 + 5)); next(r)
        b = iter(b'xyz'); next(b)
        t = reversed((1, 2, 3)); next(t)
        s = iter('hello'); next(s)
        f = filter(None, [0, 1, 2])
        z = zip('ab', [1, 2], strict=True)
        m = map(str, [1, 2, 3]); next(m)
        stack = [1, 2, 3, 4]
        popped = iter(stack.pop, 2); next(popped)
        ended = iter(int, 0); next(ended, None)
        w = wait(0) + 0
        stack.insert(0, 9)
        effect([list(r), list(b), list(t), list(s), list(f), list(z), list(m), list(popped), stack, list(ended)])
    """,
    "builtin_iterators_on_loops": """
        for i, ch in enumerate(map(str.upper, 'abc')):
            effect([i, ch, str(wait(i))])
        for n in range(3):
            effect([n, str(wait(n))])
    """,
}
SCRIPTS = {name: textwrap.dedent(source) for name, source in SCRIPTS.items()}


def _error(error: BaseException | None) -> str | None:
    return None if error is None else f"{type(error).__name__}: {error}"


def _log(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def _native(source: str, log: Path) -> tuple[list[Any], str, str | None]:
    out = io.StringIO()
    error = None
    with _environ(STATEK_TEST_LOG=str(log), STATEK_TEST_READY="1"), contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<agent>", "exec"), durable.bindings())
        except Exception as e:  # noqa: BLE001 - the outcome is compared
            error = e
    return _log(log), out.getvalue(), _error(error)


@contextlib.contextmanager
def _environ(**values: str) -> Any:
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def resume_each_by_one_wait(folder: Path) -> None:
    """Load every suspended job in ``folder``, resume it, and save what it became."""
    for snapshot in sorted(folder.glob("*.snapshot")):
        name = snapshot.stem
        with _environ(STATEK_TEST_LOG=str(folder / f"{name}.jsonl")):
            job = Job.loads(snapshot.read_bytes(), durable.bindings(), key=KEY)
            job.awaited_result.deps.open = True
            job.resume()
        if job.status == "SUSPENDED":
            snapshot.write_bytes(job.dumps(key=KEY))
            continue
        snapshot.unlink()
        result = {"output": job.output, "error": _error(job.error)}
        (folder / f"{name}.result").write_text(json.dumps(result))


@pytest.fixture(scope="module")
def resumed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("iterators")
    for name, source in SCRIPTS.items():
        with _environ(STATEK_TEST_LOG=str(folder / f"{name}.jsonl")):
            job = statek_vm.run(source, durable.bindings())
        assert job.status == "SUSPENDED", (name, job.error)
        (folder / f"{name}.snapshot").write_bytes(job.dumps(key=KEY))
        del job
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(10):
        if not any(folder.glob("*.snapshot")):
            break
        done = subprocess.run(
            [sys.executable, "-m", "tests.snapshot.test_iterators", str(folder)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_resumes_in_a_fresh_process_as_natively(name: str, resumed: Path, tmp_path: Path) -> None:
    result = resumed / f"{name}.result"
    assert result.exists(), "the job did not finish within 10 resumes"
    outcome = json.loads(result.read_text())
    vm = (_log(resumed / f"{name}.jsonl"), outcome["output"], outcome["error"])
    assert vm == _native(SCRIPTS[name], tmp_path / "native.jsonl")


def test_tees_loaded_again_and_again_keep_their_snapshot_small() -> None:
    # A loaded tee travels as itself: it does not wrap what it was loaded
    # from, so each further snapshot is no deeper than the first.
    source = """
        import itertools as it
        a, b = it.tee({"id": i, "words": (i * 37) % 90} for i in range(400))
        out = []
        for x, y in zip(a, b):
            if x["id"] % 30 == 0:
                out.append(x["words"] + y["id"] + wait(x["id"]) * 0)
        effect(out)
    """
    job, world = _suspended(source)
    sizes = []
    while job.status == "SUSPENDED":
        payload = job.dumps(key=KEY)
        sizes.append(len(payload))
        job = Job.loads(payload, world.bindings(), key=KEY)
        job.awaited_result.deps.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert len(sizes) == 14 and max(sizes) < 2 * sizes[0], sizes
    assert world.log == [[(i * 37) % 90 + i for i in range(0, 400, 30)]]


# -- what cannot be carried ---------------------------------------------------------


def _rows() -> Any:
    yield 1
    yield 2


def _suspended(source: str, **extra: Any) -> tuple[Job, gates.World]:
    world = gates.World(start_open=False)
    job = statek_vm.run(textwrap.dedent(source), {**world.bindings(), **extra})
    assert job.status == "SUSPENDED", job.error
    return job, world


def _refused(job: Job) -> str:
    with pytest.raises(SnapshotError) as info:
        job.dumps(key=KEY)
    assert job.status == "SUSPENDED"
    return str(info.value)


def _finish_in_memory(job: Job, world: gates.World) -> None:
    while job.status == "SUSPENDED":
        for gate in world.gates.values():
            gate.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error


def test_a_host_generator_on_a_loop_is_named_with_its_advice() -> None:
    job, world = _suspended("for r in rows():\n    effect(wait(r) + 0)\n", rows=_rows)
    message = _refused(job)
    assert "<module>() at <agent>:2, value stack slot 0 holds a builtins.generator" in message
    assert "made by host code" in message and "list()" in message
    _finish_in_memory(job, world)
    assert world.log == [1, 2]


def test_a_host_generator_in_a_variable_is_named_and_the_job_dumps_once_it_is_gone() -> None:
    source = """
        def step():
            pending = rows()
            first = next(pending)
            return first + wait(1)
        total = step()
        effect(total)
    """
    job, world = _suspended(source, rows=_rows)
    message = _refused(job)
    assert "step() at <agent>:5, variable 'pending' holds a builtins.generator" in message
    assert "materialize it with list()" in message
    frame = job.frames[0]
    frame.fast[frame.unit.code.co_varnames.index("pending")] = None  # what the script's fix would do
    loaded = Job.loads(job.dumps(key=KEY), {**world.bindings(), "rows": _rows}, key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED" and loaded.namespace["total"] == 2


def test_an_itertools_object_over_a_host_generator_names_the_generator() -> None:
    job, world = _suspended(
        "import itertools\nfor r in itertools.islice(rows(), 2):\n    effect(wait(r) + 0)\n", rows=_rows
    )
    message = _refused(job)
    assert "value stack slot 0 holds a itertools.islice" in message
    assert "generator _rows was made by host code" in message and "list()" in message
    _finish_in_memory(job, world)


def test_a_database_cursor_is_a_resource() -> None:
    db = sqlite3.connect(":memory:")
    try:
        job, world = _suspended(
            "for row in db.execute('select 1 union select 2'):\n    effect(wait(row[0]) + 0)\n", db=db
        )
        message = _refused(job)
        assert "value stack slot 0 holds a sqlite3.Cursor" in message
        assert "close it" in message and "host binding" in message and "resource" in message
        _finish_in_memory(job, world)
        assert world.log == [1, 2]
        job, world = _suspended("cursor = db.execute('select 1')\nx = wait(1) + 0\n", db=db)
        assert "global 'cursor' holds a sqlite3.Cursor" in _refused(job)
        job.namespace["cursor"].close()
        job.namespace["cursor"] = None
        loaded = Job.loads(job.dumps(key=KEY), {**world.bindings(), "db": db}, key=KEY)
        assert loaded.status == "SUSPENDED"
    finally:
        db.close()


def test_open_files_and_csv_readers_are_resources(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("a,1\nb,2\n")
    job, world = _suspended(f"for line in open({str(path)!r}):\n    effect(line.strip() + str(wait(1)))\n")
    message = _refused(job)
    assert "value stack slot 0 holds a _io.TextIOWrapper" in message and "close it" in message
    _finish_in_memory(job, world)
    source = f"""
        import csv
        def read():
            handle = open({str(path)!r})
            rows = csv.reader(handle)
            first = next(rows)
            return first[0] + str(wait(1))
        effect(read())
    """
    job, world = _suspended(source)
    message = _refused(job)
    assert "read() at <agent>:7, variable 'handle' holds a _io.TextIOWrapper" in message
    assert "close it" in message
    job, world = _suspended(f"import csv\nfor row in csv.reader(open({str(path)!r})):\n    effect(wait(row[0]))\n")
    message = _refused(job)
    assert "value stack slot 0 holds a _csv.reader" in message and "It holds a _io.TextIOWrapper" in message
    _finish_in_memory(job, world)


def test_a_dict_whose_keys_changed_mid_loop_is_refused_with_advice() -> None:
    source = """
        d = {'a': 1, 'b': 2, 'c': 3}
        for k in d:
            del d[k]
            d[k.upper()] = 0
            effect(wait(k))
    """
    job, world = _suspended(source)
    message = _refused(job)
    assert "value stack slot 0 holds a builtins.dict_keyiterator" in message
    while job.status == "SUSPENDED":  # in memory the native iterator goes on, as natively
        for gate in world.gates.values():
            gate.open = True
        job.resume()
    native = gates.World(start_open=True)
    outcome = None
    try:
        exec(compile(textwrap.dedent(source), "<agent>", "exec"), native.bindings())
    except RuntimeError as error:
        outcome = str(error)
    assert (world.log, _error(job.error)) == (native.log, outcome and f"RuntimeError: {outcome}")


if __name__ == "__main__":
    resume_each_by_one_wait(Path(sys.argv[1]))
    # CPython 3.12.1 can crash freeing a tee while the interpreter shuts down
    # (a job's namespace is kept to the end when the VM has cached its
    # frames): everything this process makes is in files by now.
    os._exit(0)
