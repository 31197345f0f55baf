"""Property: suspending at every wait and resuming never re-runs an instruction.

Hypothesis builds programs out of the constructs a job can suspend in — loops,
nested and recursive calls, ``try``/``except``/``finally``, ``with``,
comprehensions, generators, methods, ``match`` — with waits (``wait(v)``, a
temporal function) at random places and host side effects (``effect(x)``)
around them.  Each program runs three ways: natively by CPython with every
future ready, on the VM with every future ready, and on the VM suspending at
every wait.  The side-effect logs, outputs and final namespaces must agree,
and the per-instruction execution counts of the two VM runs must be equal.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)


class Names:
    def __init__(self) -> None:
        self.n = 0

    def new(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"


def _indent(lines: list[str], by: int = 4) -> list[str]:
    return [" " * by + line for line in lines]


# A program is a tree: ("leaf", value, waits) or (construct, children...).
values = st.integers(min_value=-3, max_value=9)
leaf = st.tuples(st.just("leaf"), values, st.booleans())
CONSTRUCTS = [
    "for",
    "while",
    "if",
    "call",
    "recursion",
    "try",
    "with",
    "listcomp",
    "generator",
    "method",
    "match",
    "closure",
    "records",
    "enum",
    "chain",
    "dictview",
    "itertools",
]


def _tree(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.tuples(st.sampled_from(CONSTRUCTS), st.lists(children, min_size=1, max_size=3), values)


trees = st.lists(st.recursive(leaf, _tree, max_leaves=8), min_size=1, max_size=4)


def render(tree: Any, names: Names) -> list[str]:
    """Statements (at indentation 0) for one tree node."""
    kind = tree[0]
    if kind == "leaf":
        _, value, waits = tree
        expr = f"wait({value}) + {value}" if waits else f"{value} * 2"
        return [f"effect(({names.new('e')!r}, {expr}))"]
    _, children, value = tree
    body: list[str] = []
    for child in children:
        body += render(child, names)
    k = abs(value) % 3 + 1
    if kind == "for":
        var = names.new("i")
        return [f"for {var} in range({k}):", *_indent([f"effect(({var!r}, {var}))", *body])]
    if kind == "while":
        var = names.new("w")
        return [f"{var} = 0", f"while wait({var}) < {k}:", *_indent([*body, f"{var} += 1"])]
    if kind == "if":
        return [f"if wait({value}) > 0:", *_indent(body), "else:", *_indent([f"effect('else{value}')", *body])]
    if kind == "call":
        fn = names.new("f")
        return [f"def {fn}(x):", *_indent([*body, "return wait(x) * 2"]), f"effect(({fn!r}, {fn}({value})))"]
    if kind == "recursion":
        fn = names.new("r")
        return [
            f"def {fn}(n):",
            *_indent(["if n <= 0:", *_indent([*body, "return wait(0)"]), f"return wait(n) + {fn}(n - 1)"]),
            f"effect(({fn!r}, {fn}({k})))",
        ]
    if kind == "try":
        return [
            "try:",
            *_indent([*body, f"if wait({value}) % 2:", *_indent([f"raise ValueError({value})"])]),
            "except ValueError as err:",
            *_indent(["effect(('caught', err.args[0], wait(1) + 0))"]),
            "else:",
            *_indent(["effect('no error')"]),
            "finally:",
            *_indent([f"effect(('finally', wait({k}) + 0))"]),
        ]
    if kind == "with":
        return [f"with cm('{names.new('m')}') as m:", *_indent([*body, "effect((m, wait(3) + 0))"])]
    if kind == "listcomp":
        fn = names.new("lc")
        return [
            f"def {fn}(j):",
            *_indent([*body, "return j"]),
            f"effect([wait(j) + {fn}(j) for j in range({k})])",
        ]
    if kind == "generator":
        fn = names.new("g")
        return [
            f"def {fn}():",
            *_indent([f"for j in range({k}):", *_indent([*body, "yield wait(j) * 10"])]),
            f"for v in {fn}():",
            *_indent(["effect(('yielded', v))"]),
        ]
    if kind == "method":
        cls = names.new("C")
        return [
            f"class {cls}:",
            *_indent(["def __init__(self):", *_indent(["self.total = wait(1) + 0"])]),
            *_indent(["def step(self, x):", *_indent([*body, "self.total += wait(x)", "return self.total"])]),
            f"effect(('method', {cls}().step({value})))",
        ]
    if kind == "match":
        return [
            f"match wait(({value}, {k})):",
            *_indent(
                [
                    f"case ({value}, n):",
                    *_indent([*body, "effect(('matched', n))"]),
                    "case _:",
                    *_indent(["effect('nomatch')"]),
                ]
            ),
        ]
    if kind == "closure":
        fn = names.new("mk")
        return [
            f"def {fn}():",
            *_indent(["acc = 0", "def add(x):", *_indent(["nonlocal acc", "acc += wait(x)", "return acc"])]),
            *_indent([*body, "return add"]),
            f"adder = {fn}()",
            f"effect((adder({value}), adder({k})))",
        ]
    if kind == "records":
        cls, rec = names.new("Rec"), names.new("rec")
        return [
            "@dataclasses.dataclass",
            f"class {cls}:",
            *_indent(["n: int", "tags: list = dataclasses.field(default_factory=list)"]),
            f"for {rec} in [{cls}(j) for j in range({k})]:",
            *_indent([*body, f"{rec}.tags.append(wait({rec}.n) + 0)", f"effect(({cls!r}, {rec}.n, {rec}.tags))"]),
        ]
    if kind == "enum":
        cls, var = names.new("Level"), names.new("level")
        return [
            f"class {cls}(enum.IntEnum):",
            *_indent(["LOW = 1", f"HIGH = {k + 1}"]),
            f"for {var} in {cls}:",
            *_indent([*body, f"effect(({var}.name, wait({var}) + 0, {var} is {cls}({var}.value)))"]),
        ]
    if kind == "chain":
        cls, err = names.new("StepError"), names.new("err")
        return [
            f"class {cls}(Exception):",
            *_indent(["def __init__(self, step, why):", *_indent(["super().__init__(step)", "self.why = why"])]),
            "try:",
            *_indent(
                [
                    "try:",
                    *_indent([f"raise KeyError({value})"]),
                    "except KeyError as inner:",
                    *_indent([f"raise {cls}('s{value}', 'bad') from inner"]),
                ]
            ),
            f"except {cls} as {err}:",
            *_indent([*body, f"effect(({err}.args, {err}.why, repr({err}.__cause__), wait(1) + 0))"]),
        ]
    if kind == "dictview":
        d, key, val = names.new("d"), names.new("key"), names.new("val")
        return [
            f"{d} = {{f'k{{j}}': j for j in range({k} + 1)}}",
            f"for {key}, {val} in {d}.items():",
            *_indent([*body, f"{d}['k{k}'] = wait({val}) + 100", f"effect(({key}, {val}))"]),
        ]
    if kind == "itertools":
        a, b = names.new("a"), names.new("b")
        return [
            f"for {a}, {b} in itertools.pairwise(itertools.islice(itertools.count({value}), {k} + 1)):",
            *_indent([*body, f"effect(('pair', {a}, wait({b}) + 0))"]),
        ]
    raise AssertionError(kind)


# What the constructs' code uses.
PRELUDE = "import dataclasses, enum, itertools"


def program(forest: list[Any]) -> str:
    names = Names()
    lines = [PRELUDE, "log_marker = 'start'"]
    for tree in forest:
        lines += render(tree, names)
    lines.append("print('done', log_marker)")
    return "\n".join(lines) + "\n"


@given(trees)
def test_no_instruction_runs_twice(forest: list[Any]) -> None:
    gates.check_exact_once(program(forest))


def test_generated_programs_cover_every_construct() -> None:
    # The generator must be able to produce each construct with a wait inside.
    names = Names()
    for kind in CONSTRUCTS:
        lines = render((kind, [("leaf", 2, True)], 1), names)
        source = "\n".join([PRELUDE, *lines]) + "\n"
        job, world, suspensions = gates.run_interrupted(source)
        assert job.status == "COMPLETED", (kind, job.error, source)
        assert suspensions >= 2, (kind, source)
