"""Property: tasks of a script's event loop that wait on pending futures run each instruction once.

Hypothesis builds ``asyncio`` programs: a few tasks (gathered, or made with
``create_task`` and awaited), each a sequence of steps — awaiting a host
coroutine, ``asyncio.sleep(0)``, a wait on a temporal future (``wait(v)``),
a side effect, a loop over a wait, a call of a coroutine that waits, a lock
held across a wait.  Each program runs natively (every future ready), on the
VM with every future ready, and on the VM suspending whenever every task
waits (each resume opening every gate the job waits on), once keeping the
job and once reloading it from its snapshot bytes at every suspension.

What must hold: each task's side effects in the same order as natively (the
interleaving of tasks may differ where a task waited: that is when the
others go on), the same final results, and per-instruction counts of the
interrupted runs equal to the uninterrupted run's — except the instructions
of an ``await``'s own loop (SEND and the yield that passes on what the awaited
object yields), which spin once more for each time what is awaited was not
done yet, as they do natively when an awaited task is still running.
"""

from __future__ import annotations

import asyncio
import collections
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statek_vm
from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

STEPS = ["host", "sleep", "wait", "effect", "loop_wait", "call_wait", "lock_wait"]
step = st.tuples(st.sampled_from(STEPS), st.integers(min_value=0, max_value=5))
task = st.lists(step, min_size=1, max_size=5)
program = st.tuples(st.lists(task, min_size=1, max_size=4), st.sampled_from(["gather", "create_task"]))


def _lines(task_no: int, steps: list[tuple[str, int]]) -> list[str]:
    out = [f"async def task{task_no}(lock):", "    acc = 0"]
    for kind, v in steps:
        tag = f"[{task_no}, {v}"
        if kind == "host":
            out.append(f"    acc += await host({v})")
        elif kind == "sleep":
            out.append("    await asyncio.sleep(0)")
        elif kind == "wait":
            out.append(f"    acc += wait({v})")
        elif kind == "effect":
            out.append(f"    effect({tag}, acc])")
        elif kind == "loop_wait":
            out += [f"    for i in range({v % 3 + 1}):", f"        acc += wait(i + {v})", f"        effect({tag}, i])"]
        elif kind == "call_wait":
            out.append(f"    acc += await helper({task_no}, {v})")
        elif kind == "lock_wait":
            out += ["    async with lock:", f"        acc += wait({v})", f"        effect({tag}, 'locked'])"]
    out.append(f"    effect([{task_no}, 'done', acc])")
    out.append("    return acc")
    return out


def source_of(tasks: list[list[tuple[str, int]]], how: str) -> str:
    lines = [
        "import asyncio",
        "async def helper(n, v):",
        "    await asyncio.sleep(0)",
        "    got = wait(v) * 2",
        "    effect([n, 'helper', got])",
        "    return got",
    ]
    for n, steps in enumerate(tasks):
        lines += _lines(n, steps)
    lines.append("async def main():")
    lines.append("    lock = asyncio.Lock()")
    calls = ", ".join(f"task{n}(lock)" for n in range(len(tasks)))
    if how == "gather":
        lines.append(f"    return await asyncio.gather({calls})")
    else:
        lines.append(f"    made = [asyncio.create_task(c) for c in [{calls}]]")
        lines.append("    return [await t for t in made]")
    lines.append("results = asyncio.run(main())")
    lines.append("print(results)")
    return "\n".join(lines) + "\n"


async def host(v: int) -> int:
    await asyncio.sleep(0)
    return v


def _bindings(world: gates.World) -> dict[str, Any]:
    return {**world.bindings(), "host": host}


def _per_task(log: list[Any]) -> dict[Any, list[Any]]:
    tasks: dict[Any, list[Any]] = collections.defaultdict(list)
    for entry in log:
        tasks[entry[0]].append(entry)
    return dict(tasks)


def _run(source: str, *, start_open: bool, reload: bool = False) -> tuple[statek_vm.Job, gates.World, Any]:
    world = gates.World(start_open=start_open)
    counts = gates.counts()
    job = statek_vm.run(source, _bindings(world), instruction_counts=counts)
    for _ in range(200):
        if job.status != "SUSPENDED":
            break
        for gate in gates.gates_of(job.awaited_result):
            gate.open = True
        if reload:
            job = statek_vm.Job.loads(
                job.dumps(key=b"k" * 32), _bindings(world), key=b"k" * 32, instruction_counts=counts
            )
        job.resume()
    return job, world, counts


def _native(source: str) -> tuple[gates.World, str]:
    import contextlib
    import io

    world = gates.World(start_open=True)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<agent>", "exec"), {"__name__": "__main__", **_bindings(world)})
    return world, out.getvalue()


def _outside_await_loops(counts: Any, job: statek_vm.Job) -> dict[Any, int]:
    program = job.program
    return {
        key: n for key, n in counts.items() if not (key[0] == program.hash and gates.in_await_loop(program, key[1]))
    }


@given(program)
def test_tasks_that_wait_run_every_instruction_once(prog: Any) -> None:
    tasks, how = prog
    source = source_of(tasks, how)
    native_world, native_output = _native(source)
    reference, _, reference_counts = _run(source, start_open=True)
    assert reference.status == "COMPLETED", f"{reference.error!r}\n{source}"
    assert reference.output == native_output, source
    for reload in (False, True):
        job, world, counts = _run(source, start_open=False, reload=reload)
        assert job.status == "COMPLETED", f"{job.error!r}\n{source}"
        assert job.output == native_output, source
        assert _per_task(world.log) == _per_task(native_world.log), source
        assert _outside_await_loops(counts, job) == _outside_await_loops(reference_counts, reference), source
