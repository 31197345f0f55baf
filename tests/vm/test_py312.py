"""What CPython 3.12 and later compile differently from 3.11, run on the VM.

The differential corpus and the suspension scripts run on every supported
version; the scripts here exercise the instructions and layouts that only
3.12's compiler produces (or that it produces in new places): inlined
comprehensions whose slots hold cells, ``LOAD_SUPER_ATTR``, slices, the
``SEND``/``END_SEND``/``CLEANUP_THROW`` protocol, PEP 695 generics and the
generator's own ``StopIteration`` handler.  Each is compared with a native
run, and the ones that wait are also suspended and resumed at every wait.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

from statek_vm.exceptions import VMInternalError
from statek_vm.job import SUPPORTED_VERSIONS, Job
from statek_vm.job import run as statek_vm_run
from tests.differential import harness
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] < (3, 12) or sys.version_info[:2] not in SUPPORTED_VERSIONS,
    reason="CPython 3.12 bytecode",
)

SCRIPTS = {
    "comprehension_cell_shadows_free_variable": """
        def outer():
            def f():
                return [lambda: x for x in (x, [1])[1]]
            x = ...
            return [fn() for fn in f()]
        print(outer())
    """,
    "comprehension_cells": """
        z = 1
        r = [lambda: z for z in range(3)]
        print([q() for q in r], z)
        def keeps_cell():
            z = 5
            fs = [lambda: z for z in range(2)]
            return z, [g() for g in fs]
        print(keeps_cell())
    """,
    "comprehension_locals_in_bodies": """
        l = [1, 2]
        y = 0
        items = [locals()["x"] for x in l]
        items2 = [vars()["x"] for x in l]
        items3 = [("x" in dir()) for x in l]
        items4 = [eval("x") for x in l]
        print(items, items2, items3, items4, "x" in locals())
        class K:
            seen = [sorted(k for k in locals() if not k.startswith("__")) for q in range(1)]
            total = sum([q * 2 for q in range(4)])
        print(K.seen, K.total)
    """,
    "comprehension_raises_and_restores": """
        def f(x):
            try:
                [1 // (x - 2) for x in range(5)]
            except ZeroDivisionError as e:
                print("caught", e, x)
            return x
        print(f("kept"))
    """,
    "super_attr": """
        class A:
            def m(self):
                return "A.m"
            @classmethod
            def c(cls):
                return cls.__name__
            value = 10
        class B(A):
            def m(self):
                return super().m() + "+B"
            @classmethod
            def c(cls):
                return "B:" + super().c()
            def v(self):
                return super().value, super(B, self).m()
        print(B().m(), B.c(), B().v())
        def shadow():
            class C(A):
                def m(self):
                    return super().m()
            return C().m()
        super_calls = []
        print(shadow())
    """,
    "slices": """
        xs = list(range(10))
        print(xs[2:5], xs[:3], xs[7:], xs[::3])
        xs[1:4] = ["a", "b"]
        del xs[:2]
        print(xs)
        s = "hello"
        i, j = 1, 4
        print(s[i:j], s[-j:])
    """,
    "yield_from_protocol": """
        def inner():
            try:
                received = yield 1
                print("inner got", received)
                yield 2
            except KeyError as e:
                print("inner caught", e)
                return "inner-result"
            return "end"
        def outer():
            result = yield from inner()
            print("outer result", result)
            yield result
        g = outer()
        print(next(g), g.send("hi"), g.throw(KeyError("k")))
        def stops():
            def sub():
                yield 1
            value = yield from sub()
            return value
        print(list(stops()))
        def bad():
            yield 1
            raise StopIteration("x")
        try:
            list(bad())
        except RuntimeError as e:
            print(type(e.__cause__).__name__, e)
        class Delegate:
            def __iter__(self):
                return self
            def __next__(self):
                return 7
            def throw(self, exc):
                raise StopIteration("from-throw")
        def through():
            result = yield from Delegate()
            yield result
        t = through()
        print(next(t), t.throw(ValueError))
    """,
    "coroutines": """
        import asyncio
        async def leaf(n):
            await asyncio.sleep(0)
            return n * 2
        async def main():
            values = [await leaf(i) for i in range(3)]
            async def agen():
                for i in range(2):
                    yield i
            collected = [v async for v in agen()]
            return values, collected
        print(asyncio.run(main()))
    """,
    "pep695": """
        def first[T](xs: list[T]) -> T:
            return xs[0]
        class Box[T: int, *Ts, **P]:
            def get(self) -> T:
                return 1
        type Alias[K] = dict[K, int]
        print(first([3, 4]), first.__type_params__, Box.__type_params__, Box[int, str, [int]])
        print(Alias.__value__, Alias.__type_params__)
    """,
    "intrinsics": """
        print(+5, tuple([*range(3)]), (*"ab", 1))
        try:
            raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
        except* ValueError as e:
            print("value", e.exceptions)
        except* KeyError as e:
            print("key", e.exceptions)
    """,
}


# The ``bytecode`` package cannot decode 3.13's code for a comprehension
# variable that shadows a free variable (a LOAD_FAST of the free slot).
_UNDECODABLE = {"comprehension_cell_shadows_free_variable"} if sys.version_info >= (3, 13) else set()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(raises=VMInternalError, strict=True))
        if name in _UNDECODABLE
        else name
        for name in sorted(SCRIPTS)
    ],
)
def test_matches_native(name: str) -> None:
    source = textwrap.dedent(SCRIPTS[name])
    native = harness.run_native(source, f"{name}.py")
    vm = harness.run_vm(source, f"{name}.py")
    difference = harness.compare(native, vm)
    assert difference is None, difference


WAITING = {
    "inlined_comprehension_with_cells": """
        def build(n):
            fs = [lambda: wait(k) + k for k in range(n)]
            return [f() for f in fs]
        effect(build(3))
        k = "module"
        effect([wait(k2) * 1 for k2 in range(2)] + [k])
    """,
    "yield_from_and_send": """
        def inner():
            total = 0
            while total < 3:
                total += wait((yield total))
            return total
        def outer():
            result = yield from inner()
            effect(("result", result))
            yield result
        g = outer()
        value = next(g)
        while True:
            try:
                value = g.send(1)
            except StopIteration:
                break
            effect(value)
    """,
    "super_and_slices": """
        class A:
            def m(self, xs):
                return xs[1:wait(3)]
        class B(A):
            def m(self, xs):
                return super().m(xs)[:wait(1)]
        effect(B().m([1, 2, 3, 4]))
    """,
}


@pytest.mark.parametrize("name", sorted(WAITING))
def test_suspends_and_resumes_exactly(name: str) -> None:
    source = textwrap.dedent(WAITING[name])
    native_world, native_output, native_error = gates.run_native(source)
    assert native_error is None
    reference_counts = gates.counts()
    reference, reference_world = gates.run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", reference.error
    interrupted_counts = gates.counts()
    job, world, suspensions = gates.run_interrupted(source, instruction_counts=interrupted_counts)
    assert job.status == "COMPLETED", job.error
    assert suspensions == len(world.gates) >= 1
    assert world.log == reference_world.log == native_world.log
    assert job.output == reference.output == native_output
    assert interrupted_counts == reference_counts, "an instruction ran a different number of times"


def test_snapshots_inside_inlined_comprehensions() -> None:
    # Suspended inside an inlined comprehension, the frame holds the saved
    # enclosing values (an unbound marker, a cell) on its value stack; each
    # wait goes through signed bytes and back.
    key = b"k" * 32
    source = textwrap.dedent(
        """
        def build(n):
            x = "outer-x"
            fs = [lambda: wait(k) + k for k in range(n)]
            vals = [f() + wait(x2) for x2 in range(2) for f in fs]
            return x, vals
        effect(build(2))
        k = "module"
        effect([wait(k2) * 1 for k2 in range(2)] + [k])
        class C:
            items = [wait(q) * 1 for q in range(2)]
        effect(C.items)
        """
    )
    world = gates.World(start_open=False)
    job = statek_vm_run(source, world.bindings())
    trips = 0
    while job.status == "SUSPENDED":
        job = Job.loads(job.dumps(key=key), world.bindings(), key=key)
        job.awaited_result.deps.open = True
        job.resume()
        trips += 1
    assert job.status == "COMPLETED", job.error
    assert trips == len(world.gates) == 12
    native_world, _, native_error = gates.run_native(source)
    assert native_error is None
    assert world.log == native_world.log
