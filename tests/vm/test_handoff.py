"""Host code never sees a pending future (DESIGN.md point 4; statek_vm/vm/handoff.py).

Each script runs natively (every wait answered at once), and on the VM with
every wait pending, suspending and resuming at each: the side-effect log and
the output must be the native ones, and every host call must have run once.
"""

from __future__ import annotations

import collections
import json
from typing import Any

import pytest

import statek_vm
from statek_vm import FutureResult, future_aware
from tests.vm import gates


def _host(world: gates.World) -> dict[str, Any]:
    """Host functions that record every call they start (in the world's log)."""

    def write(*args: Any, **kwargs: Any) -> int:
        world.log.append(("write", repr(args), repr(sorted(kwargs.items()))))
        return len(args)

    def dumps(value: Any) -> str:
        text = json.dumps(value, sort_keys=True)
        world.log.append(("dumps", text))
        return text

    def kinds(value: Any) -> str:
        def walk(x: Any) -> Any:
            if isinstance(x, dict):
                return {type(k).__name__: walk(v) for k, v in x.items()}
            if isinstance(x, (list, tuple, set, frozenset, collections.deque)):
                return [type(x).__name__, sorted(repr(walk(e)) for e in x)]
            return type(x).__name__

        text = repr(walk(value))
        world.log.append(("kinds", text))
        return text

    return {"write": write, "dumps": dumps, "kinds": kinds, "collections": collections}


def _compare(source: str) -> tuple[statek_vm.Job, gates.World, int]:
    native_world = gates.World(start_open=True)
    out: list[str] = []
    ns: dict[str, Any] = {
        "__name__": "__main__",
        **native_world.bindings(),
        **_host(native_world),
        "show": lambda *a: out.append(" ".join(map(str, a))),
    }
    exec(compile(source, "<agent>", "exec"), ns)

    world = gates.World(start_open=False)
    shown: list[str] = []
    bindings = {**world.bindings(), **_host(world), "show": lambda *a: shown.append(" ".join(map(str, a)))}
    job = statek_vm.run(source, bindings)
    suspensions = 0
    while job.status == "SUSPENDED":
        suspensions += 1
        job.awaited_result.deps.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert shown == out
    return job, world, suspensions


def test_a_bulk_write_runs_once_with_every_value() -> None:
    _, world, suspensions = _compare("rows = [wait(f'row {i}') for i in range(4)]\nwrite(rows)\n")
    assert suspensions == 4
    assert [entry[0] for entry in world.log] == ["write"]


@pytest.mark.parametrize(
    "expression",
    [
        "[wait(1), [wait(2), [wait(3)]]]",
        "(wait(1), (wait(2),))",
        "{'a': wait(1), 'b': {'c': (wait(2), wait(3))}}",
        "{wait('k'): wait('v')}",
        "{wait(1), wait(2)}",
        "frozenset({wait(1), 2})",
        "collections.deque([wait(1), 2])",
        "collections.OrderedDict([('b', wait(1)), ('a', wait(2))])",
        "collections.defaultdict(list, {'a': [wait(1)]})",
        "collections.Counter({'a': wait(3)})",
        "collections.namedtuple('Pair', 'a b')(wait(1), [wait(2)])",
    ],
)
def test_futures_nested_in_standard_containers_reach_host_code_as_values(expression: str) -> None:
    source = f"value = {expression}\nkinds(value)\nwrite(value)\nshow(value)\n"
    _, world, _ = _compare(source)
    assert "Future" not in repr(world.log)


def test_keyword_arguments_and_several_references_to_one_container() -> None:
    source = "pair = (wait(1), wait(2))\nwrite(pair, pair, key=[pair, {'x': wait(3)}])\n"
    _, world, _ = _compare(source)
    assert "Future" not in repr(world.log)


def test_a_container_inside_itself() -> None:
    source = "loop = [wait(1)]\nloop.append(loop)\nshow(str(loop))\nwrite(loop[0])\n"
    _compare(source)


def test_join_json_and_print_see_values() -> None:
    source = (
        "parts = [wait('a'), wait('b')]\n"
        "show('\\n'.join(parts))\n"
        "show(json.dumps({'s': wait('q'), 'all': parts}))\n"
        "show(parts, f'{parts}', str(parts))\n"
        "dumps({'n': [wait(1), wait(2.5)]})\n"
    )
    _compare("import json\n" + source)


def test_formatting_shows_the_values_of_pending_futures_in_containers() -> None:
    source = (
        "parts = [wait('a'), {'k': wait('b')}]\n"
        "show(f'{parts}')\n"
        "more = (wait(1), [wait(2)])\n"
        "show(f'{more!r:>30}', '%s and %r' % more, '%s' % (more,))\n"
        "effect(f'{[wait(3)]!s}')\n"
    )
    _, _, suspensions = _compare(source)
    assert suspensions == 5


def test_methods_that_read_the_list_they_are_bound_to() -> None:
    source = (
        "items = [wait(3), 1, wait(2)]\n"
        "items.sort()\n"
        "show(items, items.index(wait(2)), items.count(1))\n"
        "items.remove(wait(3))\n"
        "show(items)\n"
    )
    _compare(source)


def test_the_scripts_own_containers_store_futures_without_waiting() -> None:
    source = (
        "results = []\n"
        "for i in range(3):\n"
        "    results.append(wait(i))\n"
        "queue = collections.deque()\n"
        "queue.append(wait('q'))\n"
        "table = {}\n"
        "table.setdefault('k', wait('v'))\n"
        "table.update(more=wait('m'))\n"
        "copy = list(results)\n"
        "effect(len(results))\n"
        "write(results, queue, table, copy)\n"
    )
    world = gates.World(start_open=False)
    job = statek_vm.run(source, {**world.bindings(), **_host(world)})
    # Five requests were made before the job first waited: it waits at write().
    assert job.status == "SUSPENDED" and job.location == ("<agent>", 11)
    assert len(world.gates) == 6 and world.log == [3]
    _compare(source)


def test_a_storing_method_handed_over_as_a_tool_is_host_code() -> None:
    sent: list[Any] = []
    world = gates.World(start_open=False)
    job = statek_vm.run("notify(wait('hello'))\n", {**world.bindings(), "notify": sent.append})
    assert job.status == "SUSPENDED" and sent == []
    world.gates[0].open = True
    job.resume()
    assert job.status == "COMPLETED" and sent == ["hello"]


def test_future_aware_host_functions_get_the_futures() -> None:
    seen: list[Any] = []

    @future_aware
    def track(*futures: Any, more: Any = None) -> None:
        seen.append((futures, more))

    world = gates.World(start_open=False)
    job = statek_vm.run("track(wait(1), [wait(2)], more={'x': wait(3)})\nend = 1\n", {**world.bindings(), "track": track})
    assert job.status == "COMPLETED"
    (futures, more) = seen[0]
    assert type(futures[0]) is FutureResult and type(futures[1][0]) is FutureResult
    assert type(more["x"]) is FutureResult


def test_a_resolved_future_shows_as_its_value() -> None:
    world = gates.World(start_open=False)
    job = statek_vm.run("answers = [wait('yes'), wait('no')]\n", world.bindings())
    answers = job.namespace["answers"]
    assert type(answers[0]) is FutureResult
    assert repr(answers).startswith("[<FutureResult pending")
    for gate in world.gates.values():
        gate.open = True
    for answer in answers:
        _ = answer.value
    assert repr(answers) == "['yes', 'no']"


def test_no_future_alive_costs_nothing_and_changes_nothing() -> None:
    # Without futures the arguments are handed over as they are: the same objects.
    seen: list[Any] = []
    job = statek_vm.run("rows = [(1, 2), [3]]\nkeep(rows)\nsame = seen[0] is rows\n", {"keep": seen.append, "seen": seen})
    assert job.status == "COMPLETED" and job.namespace["same"] is True


def test_counters_and_ordered_dicts_of_a_generator_over_pending_answers() -> None:
    source = (
        "answers = [wait('yes'), wait('no'), wait('yes')]\n"
        "tally = collections.Counter(a for a in answers)\n"
        "show(sorted(tally.items()))\n"
        "pairs = collections.OrderedDict((a, i) for i, a in enumerate([wait('x'), wait('y')]))\n"
        "show(list(pairs.items()))\n"
        "recent = collections.deque((wait(i) for i in range(4)), 2)\n"
        "show(recent)\n"
    )
    _, _, suspensions = _compare(source)
    assert suspensions == 3 + 2 + 2  # the deque keeps (and shows) the last two of its four


def test_futures_held_by_the_scripts_own_objects_reach_host_code_as_values() -> None:
    source = (
        "from dataclasses import dataclass, field\n"
        "@dataclass\n"
        "class Row:\n"
        "    key: str\n"
        "    tags: list = field(default_factory=list)\n"
        "class Note:\n"
        "    def __init__(self, text):\n"
        "        self.text = text\n"
        "        self.row = Row('inner', [text])\n"
        "row = Row('k')\n"
        "row.tags.append(wait('t1'))\n"
        "show(row)\n"
        "note = Note(wait('n'))\n"
        "write(vars(note)['row'], [note.row, {'n': note}][0])\n"
        "show(row, note.text, note.row)\n"
    )
    _, world, _ = _compare(source)
    assert "Future" not in repr(world.log)


def test_a_class_statement_given_a_pending_future_fails_clearly() -> None:
    world = gates.World(start_open=False)
    source = "class Meta(type):\n    pass\nclass Tagged(metaclass=Meta, tag=wait('x')):\n    pass\n"
    job = statek_vm.run(source, world.bindings())
    assert job.status == "FAILED"
    assert "cannot suspend while class 'Tagged' is made at <agent>:3" in str(job.error)


def test_the_vms_own_objects_are_not_searched_as_records() -> None:
    # A class namespace holds script functions, whose globals hold pending
    # futures: making the class must not wait for them.
    world = gates.World(start_open=False)
    source = "pending = [wait('later')]\nclass Defaults(dict):\n    def __missing__(self, key):\n        return key\nd = Defaults()\nseen = d['k']\n"
    job = statek_vm.run(source, world.bindings())
    assert job.status == "COMPLETED", job.error
    assert job.namespace["seen"] == "k"


def test_dict_views_reach_host_code_as_values() -> None:
    source = (
        "d = {'a': wait('x'), 'b': wait('y')}\n"
        "show(', '.join(d.values()))\n"
        "write(d.items(), [d.keys(), d.values()])\n"
        "show(d.items())\n"
        "e = {'k': [wait(1)]}\n"
        "write([e.values()])\n"
    )
    _, world, suspensions = _compare(source)
    assert suspensions == 3 and "Future" not in repr(world.log)


def test_star_arguments_made_from_a_generator_are_kept_when_the_call_waits() -> None:
    # f(*genexp) consumes the generator before the call; the call suspends
    # on a pending future among the arguments and runs later with them.
    source = (
        "import itertools\n"
        "def export(t):\n"
        "    return wait([t + '1', t + '2'])\n"
        "rows = list(itertools.chain(*(export(t) for t in ['orders', 'tickets'])))\n"
        "write(rows)\n"
        "write(*(wait(i) for i in range(3)), **{'k': wait('v')})\n"
        "rows = list(itertools.chain.from_iterable(export(t) for t in ['a', 'b']))\n"
        "write(rows)\n"
    )
    _, world, suspensions = _compare(source)
    assert suspensions == 8
    assert [entry[0] for entry in world.log] == ["write"] * 3


def test_a_host_call_that_meets_a_pending_future_once_started_fails_loudly() -> None:
    # math.fsum iterates the script's generator itself: the pending
    # answer reaches it after it started, and it cannot start twice.
    source = "import math\nshow(math.fsum(wait(x) for x in [1, 2, 3]))\nshow('after')\n"
    world = gates.World(start_open=False)
    job = statek_vm.run(source, {**world.bindings(), "show": print})
    assert job.status == "FAILED"
    assert isinstance(job.error, statek_vm.NotResumableError)
    message = str(job.error)
    assert "inside math.fsum() at <agent>:2" in message, message
    assert "The host callable is math.fsum." in message, message
    assert "cannot start twice" in message and "retry_host_calls=True" in message
    # With retry_host_calls the application chose to run it again, as a whole.
    world = gates.World(start_open=False)
    job = statek_vm.run(source, {**world.bindings(), "show": print}, retry_host_calls=True)
    assert job.status == "SUSPENDED"
