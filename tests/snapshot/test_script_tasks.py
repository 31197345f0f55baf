"""asyncio inside scripts: tasks of the script's event loop that wait on pending futures, in fresh processes.

Each script runs natively (every future ready at once) and on the VM with
every ``wait`` pending: a task that needs a pending value is parked, the
others go on, and the job suspends once every task waits; each resume
happens in a new process from the snapshot's bytes (``fresh.check_as_native``:
output, side effects and outcome as natively, per-instruction counts as one
uninterrupted run outside the loops of ``await`` s, which spin as the
scheduling requires).  ``ask`` does real socket I/O to a local server.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.snapshot.fresh import check_as_native

SCRIPTS = {
    "gather_of_waiting_coroutines": """\
import asyncio
from dataclasses import dataclass

@dataclass
class Review:
    doc: str
    approved: bool

async def review(doc, delay):
    await asyncio.sleep(delay)  # (the calls finish in this order: the log is compared)
    text = await ask(doc)
    ok = wait(len(text) % 2 == 0)
    effect(["reviewed", doc])
    return Review(doc, ok)

async def main():
    reviews = await asyncio.gather(*(review(d, 0.05 * i) for i, d in enumerate(["spec", "plan", "budget"])))
    print(sorted((r.doc, r.approved) for r in reviews))
    return [r.doc for r in reviews if r.approved]

print(asyncio.run(main()))
""",
    "contexts_per_task": """\
import asyncio
import contextvars
import decimal

request = contextvars.ContextVar("request", default="-")
trail = contextvars.ContextVar("trail", default=())

def note(word):
    trail.set(trail.get() + (word,))
    return f"{request.get()}:{word}"

async def handle(n):
    request.set(f"req-{n}")
    decimal.getcontext().prec = 3 + n  # (host code: decimal's context is the task's)
    await asyncio.sleep(0.05 * (n % 5))  # (the calls finish in this order: the log is compared)
    text = await ask(f"doc {n}")
    ok = wait(len(text) + n)
    note("handled")
    return request.get(), ok, str(decimal.Decimal(1) / decimal.Decimal(7)), trail.get()

def callback(label, seen):
    seen.append((label, request.get()))

async def main():
    request.set("main")
    seen = []
    loop = asyncio.get_running_loop()
    side = contextvars.copy_context()
    side.run(request.set, "side")
    loop.call_soon(callback, "in side", seen, context=side)
    loop.call_soon(callback, "in main", seen)
    results = await asyncio.gather(*(handle(n) for n in range(3)))
    for r in results:
        print(r)
    print(sorted(seen), request.get(), trail.get(), decimal.getcontext().prec)
    # Context.run of script code that waits inside: the context stays entered across the wait.
    print(side.run(lambda: (note("first"), wait("in side"), note("second"), request.get(), trail.get())))
    print(request.get(), trail.get(), side[trail])
    task = asyncio.create_task(handle(5), context=side)
    print(await task, side[request], request.get())

asyncio.run(main())
print(request.get(), trail.get())
""",
    "gather_return_exceptions": """\
import asyncio
class ToolError(Exception):
    pass

async def call(n):
    await asyncio.sleep(0)
    if wait(n) == 2:
        raise ToolError(f"tool {n} failed")
    return n * 10

async def main():
    results = await asyncio.gather(*(call(n) for n in range(4)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    effect([str(r) for r in results])

asyncio.run(main())
""",
    "create_task_and_host_io": """\
import asyncio
async def approval(item):
    return wait(f"approved {item}")

async def fetch(item):
    return await ask(item)

async def main():
    pending = asyncio.create_task(approval("refund"))
    pages = [await fetch(p) for p in ["a", "b"]]
    print("fetched while waiting:", pages)
    decision = await pending
    effect([decision, pages])
    print(decision, pending.done(), asyncio.current_task().get_name() != pending.get_name())

asyncio.run(main())
""",
    "task_group": """\
import asyncio
async def step(name, n):
    await asyncio.sleep(0.04 * n)
    got = wait(n) + 1
    effect([name, got])
    return got

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(step(f"s{n}", n)) for n in range(3)]
    print([t.result() for t in tasks])

asyncio.run(main())
""",
    "task_group_error": """\
import asyncio
async def ok(n):
    await asyncio.sleep(0.5)  # (cancelled by the TaskGroup long before)
    effect(["ok", wait(n)])

async def bad():
    if wait("boom"):
        raise ValueError("bad input")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(bad())
    except* ValueError as group:
        print("caught", [str(e) for e in group.exceptions])

asyncio.run(main())
""",
    "wait_for_and_timeout": """\
import asyncio
async def slow_tool():
    await asyncio.sleep(10)
    return "never"

async def approval():
    return wait("yes")

async def main():
    try:
        await asyncio.wait_for(slow_tool(), timeout=0.01)
    except TimeoutError:
        print("tool timed out")
    # A wait inside a timeout: the job's time stops while it is suspended.
    answer = await asyncio.wait_for(approval(), timeout=5)
    async with asyncio.timeout(5):
        again = await approval()
    effect([answer, again])
    print(answer, again)

asyncio.run(main())
""",
    "wait_and_as_completed": """\
import asyncio
async def job(n):
    await asyncio.sleep(0.04 * (3 - n))  # (they finish in this order)
    return wait(n) * 2

async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    order = []
    for fut in asyncio.as_completed([job(n) for n in range(3)]):
        order.append(await fut)
    print(sorted(order))
    effect(order)

asyncio.run(main())
""",
    "semaphore_lock_event": """\
import asyncio
async def worker(n, sem, lock, shared, started):
    async with sem:
        started.set()
        got = wait(n)
        async with lock:
            shared.append(got)
            await asyncio.sleep(0)
            effect(["stored", got])

async def main():
    sem = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    started = asyncio.Event()
    shared = []
    workers = [asyncio.create_task(worker(n, sem, lock, shared, started)) for n in range(4)]
    await started.wait()
    await asyncio.gather(*workers)
    print(sorted(shared), sem.locked(), lock.locked())

asyncio.run(main())
""",
    "queue_producer_consumer": """\
import asyncio
async def producer(q):
    for n in range(4):
        await q.put(wait(n))
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * item)
        effect(["consumed", item])

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q), consumer(q, out))
    await q.join()
    print(out)

asyncio.run(main())
""",
    "shield_and_cancel": """\
import asyncio
async def important():
    await asyncio.sleep(0)
    return wait("saved")

async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(wait("cleanup"))
        raise

async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), log)
    saved = await asyncio.shield(important())
    effect([saved, log])
    print(saved)

asyncio.run(main())
""",
    "async_generators": """\
import asyncio
async def pages(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield wait(i)
    finally:
        effect("pages closed")

class Session:
    async def __aenter__(self):
        effect("open")
        return self
    async def __aexit__(self, *exc):
        effect(["close", wait("ok")])
        return False

async def main():
    async with Session():
        got = [p async for p in pages(3)]
        agen = pages(5)
        async for p in agen:
            if p == 1:
                break
        await agen.aclose()
    print(got, [x * 2 async for x in pages(2)])

asyncio.run(main())
""",
    "async_generator_closing": """\
import asyncio
async def pages():
    try:
        for i in range(5):
            await asyncio.sleep(0)
            yield i
    finally:
        effect(["closing", wait("page stream")])

async def main():
    async for p in pages():
        if p == 1:
            break
    print("after break")
    g = pages()
    print(await g.__anext__())
    await g.aclose()
    print("closed explicitly")

asyncio.run(main())
print("end")
""",
    "async_generator_left_open": """\
import asyncio, sys
async def pages(name):
    try:
        for i in range(5):
            await asyncio.sleep(0)
            yield f"{name}{i}"
    finally:
        # Natively asyncio.run()'s end cancels the task that closes it.
        handling = type(sys.exc_info()[1]).__name__
        effect(["closing", name, handling, wait("signed off")])
        print("closed", name, handling)

async def background():
    print("background step")

async def main():
    print("approved", wait("start"))
    left = pages("left")
    print(await anext(left))
    asyncio.create_task(background())  # its first step runs as the loop stops
    return "main done"

print(asyncio.run(main()))
print("end")
""",
    "async_context_manager_exception": """\
import asyncio, contextlib
@contextlib.asynccontextmanager
async def session(name):
    effect(["open", name])
    try:
        yield name
    except ValueError as e:
        effect(["rolled back", str(e), wait(name)])
    finally:
        effect(["closed", wait("close " + name)])

async def main():
    async with session("db") as s:
        raise ValueError(f"bad row in {s}")
    print("after")

asyncio.run(main())
""",
    "top_level_tasks": """\
import asyncio
async def ask_and_wait(q, delay=0):
    await asyncio.sleep(delay)  # (the calls finish in this order: the log is compared)
    answer = await ask(q)
    return f"{answer}:{wait(q)}"

results = await asyncio.gather(ask_and_wait("x"), ask_and_wait("y", 0.05))
print(results)
task = asyncio.create_task(ask_and_wait("z"))
print(await task)
""",
    "futures_and_tasks_made_directly": """import asyncio
async def answer_into(fut, q):
    answer = await ask(q)
    fut.set_result(f"{answer}:{wait(q)}")
    return q

async def main():
    fut = asyncio.Future()
    task = asyncio.Task(answer_into(fut, "x"), name="answerer")
    print([isinstance(task, asyncio.Task), isinstance(task, asyncio.Future), isinstance(fut, asyncio.Future),
           isinstance(fut, asyncio.Task), isinstance("x", asyncio.Future), task.get_name()])
    print(await fut, await task, task.done())

asyncio.run(main())
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_tasks_wait_and_resume_exactly_in_fresh_processes(name: str, tmp_path: Path, monkeypatch: Any) -> None:
    check_as_native({name: SCRIPTS[name]}, tmp_path, monkeypatch, tasks=True)


# CPython 3.13's asyncio.as_completed() returns an iterator object of
# asyncio's, whose __next__ and __anext__ make coroutines of asyncio's: stepped
# by for, async for, next() and anext(), they run on the VM as asyncio's code does.
AS_COMPLETED_ITERATOR = """\
import asyncio
async def job(n):
    await asyncio.sleep(0.04 * (3 - n))  # (they finish in this order)
    return wait(n) * 2

async def main():
    got = []
    async for fut in asyncio.as_completed([job(n) for n in range(3)]):
        got.append(await fut)
    stepped = asyncio.as_completed([job(n) for n in range(3, 5)])
    got.append(await next(stepped))
    got.append(await (await anext(stepped)))
    effect(sorted(got))  # (the completion order of waiting jobs is the order their waits are approved)
    print(sorted(got))

asyncio.run(main())
"""


@pytest.mark.skipif(sys.version_info < (3, 13), reason="as_completed() returns an iterator object from CPython 3.13")
def test_as_completed_iterator_steps_on_the_vm(tmp_path: Path, monkeypatch: Any) -> None:
    check_as_native({"as_completed_iterator": AS_COMPLETED_ITERATOR}, tmp_path, monkeypatch, tasks=True)


def test_a_waiting_script_loop_carries_its_library_code_compressed() -> None:
    # The frames of the script's event loop are code of statek_vm's own
    # module (some 25 KB of source): a snapshot carries that source
    # compressed, and a process that has not compiled it yet rebuilds it.
    import inspect

    import statek_vm
    from statek_vm.program import program
    from statek_vm.vm import script_asyncio
    from tests.vm.gates import World

    world = World(start_open=False)
    source = "import asyncio\nasync def main():\n    return wait(1) + 1\nprint(asyncio.run(main()))\n"
    job = statek_vm.run(source, world.bindings())
    assert job.status == "SUSPENDED"
    data = job.dumps()
    assert len(data) < len(inspect.getsource(script_asyncio)) // 2
    # As a fresh process would: no program compiled before the load.
    with program._cache_lock:
        kept = (dict(program._cache), dict(program._recent))
        program._cache.clear()
        program._recent.clear()
    try:
        loaded = statek_vm.Job.loads(data, world.bindings(), allow_unsigned=True)
    finally:
        with program._cache_lock:
            program._cache.update(kept[0])
            program._recent.update(kept[1])
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert loaded.output == "2\n"
