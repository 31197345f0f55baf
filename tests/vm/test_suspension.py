"""A job suspends where a pending future's value is needed and resumes exactly there.

Each script below is run three ways: natively by CPython with every future
ready; on the VM with every future ready; and on the VM suspending at every
wait, resuming after opening the awaited gate.  The side-effect logs and the
output must be equal, and every instruction must have executed exactly as
often in the interrupted run as in the uninterrupted one.
"""

from __future__ import annotations

import sys
import textwrap

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SCRIPTS = {
    "module_level": """
        counter = 0
        counter = counter + 1
        result = wait(5) + 1
        after = True
        effect((counter, result, after))
    """,
    "for_loop": """
        total = 0
        for i in range(4):
            effect(("before", i))
            total += wait(i * 10)
            effect(("after", i, total))
        print(total)
    """,
    "while_loop": """
        n = 0
        while wait(n) < 3:
            effect(n)
            n += 1
    """,
    "nested_calls": """
        def inner(x):
            effect(("inner", x))
            return wait(x) * 2
        def middle(x):
            return inner(x) + inner(x + 1)
        def outer():
            return [middle(i) for i in range(2)]
        effect(outer())
    """,
    "recursion": """
        def fact(n):
            if n <= 1:
                return wait(1)
            effect(("fact", n))
            return n * fact(n - 1) + wait(0)
        effect(fact(5))
    """,
    "try_except_finally": """
        def risky(x):
            try:
                effect(("try", x))
                v = wait(x)
                if v > 1:
                    raise ValueError(v)
                return v + 0
            except ValueError as e:
                effect(("except", e.args[0], wait(100) + 0))
                return -1
            finally:
                effect(("finally", x))
        effect([risky(i) for i in range(3)])
    """,
    "with_block": """
        with cm("outer") as name:
            effect(("inside", name, wait(1) + 0))
            with cm("inner"):
                effect(wait(2))
        effect("after")
    """,
    "comprehensions": """
        squares = [wait(i) * wait(i) for i in range(3)]
        mapping = {k: wait(k) + "!" for k in "ab"}
        gen_sum = sum(wait(i) + 0 for i in range(3))
        effect((squares, mapping, gen_sum))
    """,
    "generator": """
        def numbers(n):
            for i in range(n):
                effect(("gen", i))
                yield wait(i) + 100
            effect("gen done")
        for value in numbers(3):
            effect(value)
        def chained():
            yield from numbers(2)
            return "ret"
        effect(list(x for x in [1]))
        for v in chained():
            effect(("chained", v))
    """,
    "methods_and_classes": """
        class Account:
            rate = 2
            def __init__(self, owner):
                self.owner = owner
                self.balance = wait(10) + 0
            def deposit(self, amount):
                self.balance += wait(amount) * self.rate
                return self.balance
            @property
            def label(self):
                return f"{self.owner}:{self.balance}"
        class Savings(Account):
            def deposit(self, amount):
                return super().deposit(amount) + wait(1)
        a = Savings("ann")
        effect(a.deposit(5))
        effect(a.label)
    """,
    "class_body": """
        class Config:
            size = wait(3) + 1
            names = [n for n in "xyz"]
        effect((Config.size, Config.names))
    """,
    "seed_counter": """
        counter = 0
        counter = counter + 1
        future_value = wait("ready")
        result = future_value + ""
        after = True
        effect((counter, result, after))
    """,
    "truth_and_compare": """
        flag = wait(True)
        if flag:
            effect("yes")
        x = wait(3)
        effect((x > 2, 2 < x, x == 3, -x, abs(wait(-4)), f"{wait(7):>3}", str(wait(8))))
        effect(wait(None) is None)
    """,
    "unpacking_and_containers": """
        a, b = wait((1, 2))
        items = [wait(i) + 0 for i in range(2)]
        stored = {"f": wait(9)}
        effect((a, b, items, stored["f"] + 0))
    """,
    "async_top_level_await": """
        async def compute(x):
            effect(("compute", x))
            return wait(x) + 1
        total = 0
        for i in range(2):
            total += await compute(i)
        effect(total)
    """,
    "nested_function_closure": """
        def make():
            count = 0
            def bump():
                nonlocal count
                count += wait(1)
                return count
            return bump
        bump = make()
        effect([bump(), bump()])
    """,
    "match_statement": """
        match wait({"kind": "point", "x": 1}):
            case {"kind": "point", "x": x}:
                effect(("point", x))
            case _:
                effect("other")
    """,
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_suspends_and_resumes_exactly(name: str) -> None:
    source = textwrap.dedent(SCRIPTS[name])
    native_world, native_output, native_error = (
        gates.run_native(source) if "await" not in source else (None, None, None)
    )

    reference_counts = gates.counts()
    reference, reference_world = gates.run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", reference.error

    interrupted_counts = gates.counts()
    job, world, suspensions = gates.run_interrupted(source, instruction_counts=interrupted_counts)
    assert job.status == "COMPLETED", job.error
    assert suspensions == len(world.gates) >= 1, "every wait must suspend the job once"

    assert world.log == reference_world.log
    assert job.output == reference.output
    assert interrupted_counts == reference_counts, "an instruction ran a different number of times"
    if native_world is not None:
        assert native_error is None
        assert world.log == native_world.log
        assert job.output == native_output


def test_no_finally_or_exit_runs_because_of_a_suspension() -> None:
    source = textwrap.dedent(
        """
        try:
            with cm("m"):
                effect(wait(1) + 0)
        finally:
            effect("finally")
        """
    )
    world = gates.World(start_open=False)
    job = gates.statek_vm.run(source, world.bindings())
    assert job.status == "SUSPENDED"
    assert world.log == [("enter", "m")], "no __exit__ and no finally may run at a suspension"
    world.gates[0].open = True
    job.resume()
    assert job.status == "COMPLETED", job.error
    assert world.log == [("enter", "m"), 1, ("exit", "m", None), "finally"]


def test_suspension_records_instruction_and_line() -> None:
    source = "x = 1\ny = wait(2)\nz = y + x\n"
    world = gates.World(start_open=False)
    job = gates.statek_vm.run(source, world.bindings())
    assert job.status == gates.statek_vm.JobStatus.SUSPENDED
    assert job.status == "SUSPENDED"
    assert job.location == ("<agent>", 3)
    unit, index = job.program.locate(job.next_instr_num)
    assert unit.ops[index].name == "BINARY_OP"
    assert job.awaited_result is world.gates[0] or job.awaited_result.deps is world.gates[0]
    assert job.namespace["x"] == 1 and "z" not in job.namespace
    world.gates[0].open = True
    job.resume()
    assert job.namespace["z"] == 3
    assert job.awaited_result is None and job.next_instr_num is None


def test_resume_when_not_ready_runs_nothing() -> None:
    world = gates.World(start_open=False)
    job = gates.statek_vm.run("effect('a')\neffect(wait(1))\neffect('c')", world.bindings())
    for _ in range(3):
        job.resume()
    assert job.status == "SUSPENDED" and world.log == ["a"]


def test_resume_of_a_finished_job_is_an_error() -> None:
    job = gates.statek_vm.run("x = 1")
    with pytest.raises(gates.statek_vm.StatekError, match="only a SUSPENDED job can resume"):
        job.resume()


def test_application_subclasses_of_futures_are_futures_to_the_vm() -> None:
    from statek_vm import FutureResult, temporal

    class TracedResult(FutureResult):
        pass

    state = {"ready": False}

    def fetch(future: FutureResult) -> int:
        if not state["ready"]:
            raise gates.FutureError(future)
        return 41

    @temporal(complement=fetch, condition=lambda future: state["ready"])
    def get() -> object:
        return TracedResult(deps=None, state_num=0)

    job = gates.statek_vm.run("x = get()\nis_none = x is None\ny = x + 1\n", {"get": get})
    assert job.status == "SUSPENDED" and job.location == ("<agent>", 2), "`x is None` needs the value"
    state["ready"] = True
    job.resume()
    assert job.namespace["y"] == 42 and job.namespace["is_none"] is False
