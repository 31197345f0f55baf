"""Scripts whose coroutines await host I/O on a real event loop and wait on pending futures between awaits.

Every script runs natively and on the VM, each resume in a fresh process
(``fresh.check_as_native``): output, side effects and outcome as natively,
per-instruction counts as one uninterrupted run.  ``ask`` opens a real
socket to a local TCP server; ``wait`` is a temporal tool that is pending
until the test opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.snapshot.fresh import check_as_native

SCRIPTS = {
    "asyncio_run_main": """\
import asyncio
from dataclasses import dataclass

@dataclass
class Draft:
    topic: str
    text: str = ""

async def write(topic):
    text = await ask(f"draft on {topic}")
    return Draft(topic, text)

async def main():
    drafts = []
    for topic in ["pricing", "refunds"]:
        d = await write(topic)
        if wait(len(d.text)) > 5:
            drafts.append(d)
        print("drafted", d.topic, d.text)
    approved = [d.topic for d in drafts if wait(d.topic)]
    await asyncio.sleep(0)
    return approved

result = asyncio.run(main())
effect(result)
print(result)
""",
    "top_level_await": """\
import asyncio
first = await ask("hello")
print(first, wait(1))
await asyncio.sleep(0)
second = await ask(f"{first} again {wait(2)}")
effect([first, second])
print(second)
""",
    "wait_in_awaited_coroutine_in_try": """\
import asyncio
class ToolError(Exception):
    pass

async def call(n):
    answer = await ask(f"call {n}")
    if wait(n) == 2:
        raise ToolError(f"tool {n} failed: {answer}")
    return answer

async def main():
    out = []
    for n in range(4):
        try:
            out.append(await call(n))
        except ToolError as e:
            out.append(str(e))
            effect(["retry", n, wait(n + 10)])
    return out

print(asyncio.run(main()))
""",
    "two_runs_and_an_error": """\
import asyncio
async def first():
    return await ask("one") + str(wait(1))

async def failing():
    await ask("two")
    raise ValueError(wait("bad input"))

a = asyncio.run(first())
try:
    asyncio.run(failing())
except ValueError as e:
    print("caught", e, a)
    effect(str(e))
loop_now = None
try:
    asyncio.get_running_loop()
except RuntimeError:
    loop_now = "no loop after asyncio.run"
print(loop_now)
""",
    "gather_and_wait_for_of_host_io": """\
import asyncio
async def later(text, delay):
    await asyncio.sleep(delay)  # (the calls finish in this order: the log is compared)
    return await ask(text)

async def main():
    answers = await asyncio.gather(ask("a"), later("b", 0.05), later("c", 0.1))
    n = wait(len(answers))
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out as expected", n)
    return answers

print(asyncio.run(main()))
""",
    "loop_seen_by_script": """\
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    before = loop.is_running()
    w = wait("x")
    task = asyncio.ensure_future(ask("background"))
    got = await task
    return [before, w, got, asyncio.get_running_loop().is_running()]

print(asyncio.run(main()))
""",
    # Host coroutines made and not started, or finished, across waits:
    # each is made again by its call on load (which runs none of its code).
    "unstarted_and_finished_host_coroutines": """\
import asyncio
async def after(delay, coroutine):
    await asyncio.sleep(delay)  # (the calls finish in this order: the log is compared)
    return await coroutine

async def main():
    pending = ask("early")
    later = [ask(f"n{i}") for i in range(2)]
    print("gate", wait(1))
    print(await pending, await asyncio.gather(later[0], after(0.05, later[1])))
    done = ask("done")
    print(await done, wait(2))
    try:
        await done
    except RuntimeError as e:
        print("RuntimeError", e)
    dropped = ask("never")
    del dropped

asyncio.run(main())
""",
}


def test_a_dropped_job_closes_the_host_coroutines_it_never_started(tmp_path: Path, monkeypatch: Any) -> None:
    # A job suspended and dropped (saved to resume elsewhere) would leave its
    # host coroutines to warn that they were never awaited.
    import gc
    import warnings

    import statek_vm
    from tests.snapshot import durable

    monkeypatch.setenv("STATEK_TEST_LOG", str(tmp_path / "log"))
    monkeypatch.delenv("STATEK_TEST_READY", raising=False)
    source = "import asyncio\nasync def main():\n    p = ask('x')\n    n = wait(1) + 1\n    print(n, await p)\nasyncio.run(main())\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        job = statek_vm.run(source, durable.bindings())
        assert job.status.value == "SUSPENDED"
        job.dumps(key=b"k" * 32)
        del job
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)], [str(w.message) for w in caught]


def test_coroutines_await_real_io_and_resume_exactly_in_fresh_processes(tmp_path: Path, monkeypatch: Any) -> None:
    check_as_native(SCRIPTS, tmp_path, monkeypatch)
