"""Waits inside script code that a native operation calls (statek_vm/vm/operations.py).

import statek_vm
Each script runs natively (every wait answered at once) and on the VM with
every wait pending, suspending at each: the log and output must be the
native ones, and the job must suspend at every wait (none is lost in a
nested run, none fails with NotResumableError).  Fresh processes are the
agent corpus's job (tests/agents/corpus_waits).
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import statek_vm
from tests.vm import gates

CLASSES = """
import functools

class Ticket:
    def __init__(self, text):
        self.text = text

    @property
    def label(self):
        return wait(self.text.upper())

    @functools.cached_property
    def summary(self):
        return wait("summary of " + self.text)

    def __str__(self):
        return "Ticket(" + wait(self.text) + ")"

    def __repr__(self):
        return "<" + wait(self.text) + ">"

    def __format__(self, spec):
        return wait(format(self.text, spec))


class Quiet:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return wait(self.text)


class Proxy:
    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return wait(getattr(self._inner, name))


class Upper:
    def __get__(self, obj, owner=None):
        return wait(obj.text.upper()) if obj is not None else self


class Shouting(Ticket):
    loud = Upper()

t = Ticket("a")
"""

CASES = {
    "a property": "effect(t.label)\neffect(t.label.lower())\n",
    "a property as a method's owner": "effect(t.label.lower())\n",
    "a cached_property, computed once": "effect(t.summary)\neffect(t.summary)\neffect(t.__dict__['summary'])\n",
    "__getattr__": "p = Proxy(t)\neffect(p.text)\neffect(p.label)\neffect(p.text.upper())\n",
    "a script descriptor": "s = Shouting('b')\neffect(s.loud)\neffect(s.loud.lower())\n",
    "print of an object": "print(t)\nprint('x', Quiet('q'), 3, sep='-')\n",
    "f-strings": "effect(f'{t}|{t!s}|{t!r}|{t:>4}|{t!a}')\n",
    "str, repr, format": "effect(str(t))\neffect(repr(t))\neffect(format(t, '<3'))\neffect(ascii(t))\n",
    "__str__ falls back to __repr__": "class R:\n    def __repr__(self):\n        return wait('r')\neffect(str(R()))\n",
    "an AttributeError from a property reaches __getattr__": (
        "class C:\n"
        "    @property\n"
        "    def x(self):\n"
        "        effect(wait(1))\n"
        "        raise AttributeError('no x')\n"
        "    def __getattr__(self, name):\n"
        "        return wait('fallback ' + name)\n"
        "effect(C().x)\n"
    ),
    "__eq__ and __ne__": (
        "class Id:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __eq__(self, other):\n"
        "        return wait(self.v) == other.v\n"
        "    __hash__ = None\n"
        "a, b = Id(1), Id(1)\n"
        "effect([a == b, a != b, a == Id(2), Id(3) in [a, Id(3)], a not in [Id(9)]])\n"
    ),
    "__lt__ with a reflected operand and a subclass": (
        "class Score:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __lt__(self, other):\n"
        "        return wait(self.v) < (other.v if isinstance(other, Score) else other)\n"
        "    def __gt__(self, other):\n"
        "        return wait(self.v) > (other.v if isinstance(other, Score) else other)\n"
        "class Bonus(Score):\n"
        "    def __gt__(self, other):\n"
        "        effect('bonus gt')\n"
        "        return wait(self.v + 10) > other.v\n"
        "effect([Score(1) < Score(2), 3 < Score(2), Score(1) < Bonus(1), Score(5) > 2])\n"
        "try:\n"
        "    Score(1) <= Score(2)\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "__bool__ and __len__ in conditions": (
        "class Batch:\n"
        "    def __init__(self, items):\n"
        "        self.items = items\n"
        "    def __len__(self):\n"
        "        return wait(len(self.items))\n"
        "class Flag:\n"
        "    def __bool__(self):\n"
        "        return wait(True)\n"
        "full, empty = Batch([1, 2]), Batch([])\n"
        "if full:\n"
        "    effect('full')\n"
        "if not empty:\n"
        "    effect('empty')\n"
        "effect([len(full), bool(empty), bool(Flag()), not Flag(), full and 'and', empty or 'or'])\n"
        "while Flag():\n"
        "    effect('loop')\n"
        "    break\n"
        "effect('yes' if Flag() else 'no')\n"
    ),
    "a callable object": (
        "class Tool:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    def __call__(self, x, *, twice=False):\n"
        "        y = wait(self.name + ':' + x)\n"
        "        return y * 2 if twice else y\n"
        "search = Tool('search')\n"
        "effect(search('q'))\n"
        "effect(search('r', twice=True))\n"
        "effect(list(map(search, ['m'])))\n"
    ),
    "arithmetic with reflected and in-place operands": (
        "class Money:\n"
        "    def __init__(self, cents):\n"
        "        self.cents = cents\n"
        "    def __add__(self, other):\n"
        "        if isinstance(other, Money):\n"
        "            return Money(self.cents + wait(other.cents))\n"
        "        return NotImplemented\n"
        "    def __radd__(self, other):\n"
        "        return Money(wait(other) + self.cents)\n"
        "    def __iadd__(self, other):\n"
        "        self.cents += wait(other.cents)\n"
        "        return self\n"
        "    def __neg__(self):\n"
        "        return Money(-wait(self.cents))\n"
        "    def __mul__(self, k):\n"
        "        return Money(self.cents * wait(k))\n"
        "total = Money(5) + Money(7)\n"
        "total = 3 + total\n"
        "total += Money(1)\n"
        "effect([total.cents, (-total).cents, (total * 2).cents, sum([Money(1), Money(2)], 0).cents])\n"
        "try:\n"
        "    Money(1) - Money(2)\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
        "try:\n"
        "    Money(1) + 'x'\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "subscripts and iteration": (
        "class Table:\n"
        "    def __init__(self):\n"
        "        self.rows = {}\n"
        "    def __getitem__(self, key):\n"
        "        return wait(self.rows[key])\n"
        "    def __setitem__(self, key, value):\n"
        "        self.rows[key] = wait(value)\n"
        "    def __delitem__(self, key):\n"
        "        effect('del ' + wait(key))\n"
        "        del self.rows[key]\n"
        "    def __iter__(self):\n"
        "        keys = wait(sorted(self.rows))\n"
        "        return iter(keys)\n"
        "t = Table()\n"
        "t['a'] = 1\n"
        "t['b'] = 2\n"
        "effect([t['a'], t['b'], list(t), [k for k in t]])\n"
        "del t['a']\n"
        "effect(sorted(t.rows))\n"
    ),
    "property setters and __setattr__": (
        "class Account:\n"
        "    def __init__(self):\n"
        "        self._limit = 0\n"
        "    @property\n"
        "    def limit(self):\n"
        "        return self._limit\n"
        "    @limit.setter\n"
        "    def limit(self, value):\n"
        "        self._limit = wait(value)\n"
        "class Audited:\n"
        "    def __setattr__(self, name, value):\n"
        "        effect('set ' + name)\n"
        "        object.__setattr__(self, name, wait(value))\n"
        "a = Account()\n"
        "a.limit = 10\n"
        "b = Audited()\n"
        "b.x = 5\n"
        "effect([a.limit, b.x])\n"
    ),
    "errors stay native": (
        "class Bad:\n"
        "    def __str__(self):\n"
        "        return wait(3)\n"
        "try:\n"
        "    str(Bad())\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
        "try:\n"
        "    t.missing\n"
        "except AttributeError as e:\n"
        "    effect(str(e))\n"
        "class BadBool:\n"
        "    def __bool__(self):\n"
        "        return wait(1)\n"
        "class BadLen:\n"
        "    def __len__(self):\n"
        "        return wait(-1)\n"
        "for thing in (BadBool(), BadLen()):\n"
        "    try:\n"
        "        if thing:\n"
        "            pass\n"
        "    except (TypeError, ValueError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
        "try:\n"
        "    len(BadLen())\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
    ),
}


def _resumed_as_native(source: str) -> tuple[gates.World, int]:
    """Run ``source`` natively and resumed at every wait; the two must log and print the same."""
    native_world, native_output, native_error = gates.run_native(source)
    assert native_error is None
    job, world, suspensions = gates.run_interrupted(source)
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert job.output == native_output
    return world, suspensions


def _used(world: gates.World) -> int:
    """How many waits' values the script used (each of those must have suspended it)."""
    return sum(1 for gate in world.gates.values() if gate.open)


@pytest.mark.parametrize("body", list(CASES.values()), ids=list(CASES))
def test_waits_inside_script_code_called_by_an_operation_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(CLASSES + body)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"


def test_objects_without_script_parts_stay_on_the_native_path() -> None:
    from statek_vm.vm import operations, runtime

    runtime.namespace()
    job, world, suspensions = gates.run_interrupted(
        "import fractions\nx = fractions.Fraction(1, 3)\neffect(f'{x} {x.numerator} {str(x)}')\nprint(x)\n"
    )
    assert job.status == "COMPLETED" and world.log == ["1/3 1 1/3"] and job.output == "1/3\n"
    assert suspensions == 0 and operations.RESTATED_CALLS[print] == "print_"


LIBRARY = {
    "functools.reduce": (
        "import functools\n"
        "effect(functools.reduce(lambda acc, x: acc + wait(x), [1, 2, 3], 10))\n"
        "effect(functools.reduce(lambda acc, x: acc * wait(x), [2, 3]))\n"
        "try:\n"
        "    functools.reduce(lambda a, b: wait(a), [])\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "functools.partial": (
        "import functools\n"
        "def notify(channel, text, *, urgent=False):\n"
        "    return wait(channel + ':' + text + ('!' if urgent else ''))\n"
        "ops = functools.partial(notify, 'ops', urgent=True)\n"
        "effect([ops('disk full'), ops('cpu', urgent=False), functools.partial(notify)('a', 'b')])\n"
    ),
    "functools.singledispatch": (
        "import functools\n"
        "@functools.singledispatch\n"
        "def render(value):\n"
        "    return wait('other ' + repr(value))\n"
        "@render.register\n"
        "def _(value: int):\n"
        "    return wait('int ' + str(value))\n"
        "effect([render(3), render('x'), render(2.5)])\n"
    ),
    "dataclasses: __post_init__, default_factory, InitVar, frozen, slots, kw_only, inheritance": (
        "import dataclasses\n"
        "from dataclasses import dataclass, field, InitVar\n"
        "def plan():\n"
        "    return [wait('step')]\n"
        "@dataclass\n"
        "class Lead:\n"
        "    name: str\n"
        "    score: int = 0\n"
        "    notes: list = field(default_factory=plan)\n"
        "    seen: list = field(default_factory=list, init=False)\n"
        "    hint: InitVar[str] = 'h'\n"
        "    tag: str = field(default='t', kw_only=True)\n"
        "    def __post_init__(self, hint):\n"
        "        self.score = wait(len(self.name) + len(hint))\n"
        "@dataclass(frozen=True)\n"
        "class Key:\n"
        "    a: int\n"
        "    b: int = field(default_factory=lambda: wait(7))\n"
        "    def __post_init__(self):\n"
        "        object.__setattr__(self, 'a', wait(self.a * 2))\n"
        "@dataclass(slots=True)\n"
        "class Slot:\n"
        "    x: int\n"
        "    y: int = field(default=5, init=False)\n"
        "    def __post_init__(self):\n"
        "        self.x = wait(self.x + 1)\n"
        "@dataclass\n"
        "class Hot(Lead):\n"
        "    heat: int = 1\n"
        "    def __post_init__(self, hint):\n"
        "        super().__post_init__(hint)\n"
        "        self.heat = wait(self.heat + self.score)\n"
        "class Plain(Lead):\n"
        "    def __init__(self, name):\n"
        "        super().__init__(name, hint='plain')\n"
        "        self.extra = wait('x')\n"
        "effect(repr(Lead('acme')))\n"
        "effect(repr(Lead('b', 3, ['own'], 'hint!', tag='q')))\n"
        "effect(repr(Key(2)))\n"
        "effect(hash(Key(1, 2)) == hash(Key(1, 2)))\n"
        "s = Slot(1)\n"
        "effect([s.x, s.y, repr(s)])\n"
        "effect(repr(Hot('hooli', heat=4)))\n"
        "p = Plain('p')\n"
        "effect([repr(p), p.extra])\n"
        "effect(repr(dataclasses.replace(Lead('c'), score=9)))\n"
        "effect(repr(dataclasses.replace(Key(3), b=1)))\n"
        "for bad in ((), ('a', 1, [], 'h', 'extra'), ('a',)):\n"
        "    try:\n"
        "        Lead(*bad, **({'nope': 1} if len(bad) == 1 else {}))\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
        "try:\n"
        "    Key(1).a = 2\n"
        "except dataclasses.FrozenInstanceError as e:\n"
        "    effect(repr(e))\n"
        "try:\n"
        "    dataclasses.replace(Lead('d'), seen=[])\n"
        "except (TypeError, ValueError) as e:\n"
        "    effect(str(e))\n"
    ),
    "functools.lru_cache and cache": (
        "import functools\n"
        "@functools.lru_cache(maxsize=2)\n"
        "def title(url):\n"
        "    return wait(url.upper())\n"
        "@functools.lru_cache\n"
        "def bare(x):\n"
        "    return wait(x * 2)\n"
        "@functools.cache\n"
        "def label(x, *, sep='-'):\n"
        "    return wait(x + sep)\n"
        "@functools.lru_cache(maxsize=None, typed=True)\n"
        "def typed(x):\n"
        "    return wait(repr(x))\n"
        "@functools.lru_cache(maxsize=0)\n"
        "def never(x):\n"
        "    return wait(x)\n"
        "class Repo:\n"
        "    @functools.lru_cache(maxsize=8)\n"
        "    def owner(self, name):\n"
        "        return wait(name + '-owner')\n"
        "effect([title(u) for u in ['a', 'b', 'a', 'c', 'b', 'a']])\n"
        "effect(tuple(title.cache_info()))\n"
        "effect([bare(1), bare(1), tuple(bare.cache_info())])\n"
        "effect([label('x'), label('x'), label('x', sep='+'), tuple(label.cache_info())])\n"
        "effect([typed(1), typed(1.0), typed(1), tuple(typed.cache_info())])\n"
        "effect([never(3), never(3), tuple(never.cache_info())])\n"
        "r = Repo()\n"
        "effect([r.owner('a'), r.owner('a'), tuple(Repo.owner.cache_info())])\n"
        "title.cache_clear()\n"
        "effect([tuple(title.cache_info()), title.cache_parameters(), title.__name__, title.__wrapped__('z')])\n"
        "effect(functools.lru_cache(maxsize=1)(len)('abc'))\n"
    ),
    "functools.total_ordering": (
        "import functools\n"
        "@functools.total_ordering\n"
        "class Score:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __eq__(self, other):\n"
        "        return wait(self.v) == other.v\n"
        "    def __lt__(self, other):\n"
        "        return wait(self.v) < other.v\n"
        "@functools.total_ordering\n"
        "class Rank:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __eq__(self, other):\n"
        "        return self.v == other.v\n"
        "    def __gt__(self, other):\n"
        "        return wait(self.v > other.v)\n"
        "a, b = Score(1), Score(2)\n"
        "effect([a > b, a >= b, a <= b, b >= a, a <= Score(1), a > Score(1)])\n"
        "effect([a.__ge__(b), Score.__le__(a, b)])\n"
        "effect([Rank(1) < Rank(2), Rank(1) <= Rank(1), Rank(2) >= Rank(3)])\n"
        "if Score(5) >= Score(4):\n"
        "    effect('branch')\n"
    ),
    "contextlib.ExitStack": (
        "import contextlib\n"
        "class Conn:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    def __enter__(self):\n"
        "        return wait(self.name)\n"
        "    def __exit__(self, *exc):\n"
        "        effect('close ' + wait(self.name))\n"
        "def note(text, *, loud=False):\n"
        "    effect(wait(text.upper() if loud else text))\n"
        "@contextlib.contextmanager\n"
        "def span(name):\n"
        "    effect('open ' + wait(name))\n"
        "    yield name\n"
        "    effect('shut ' + wait(name))\n"
        "with contextlib.ExitStack() as stack:\n"
        "    effect(stack.enter_context(Conn('db')))\n"
        "    stack.callback(note, 'a')\n"
        "    stack.callback(note, 'b', loud=True)\n"
        "    stack.push(lambda *exc: effect(wait('pushed')))\n"
        "    effect(stack.enter_context(span('s')))\n"
        "def boom():\n"
        "    raise KeyError(wait('k'))\n"
        "try:\n"
        "    with contextlib.ExitStack() as stack:\n"
        "        stack.callback(note, 'after')\n"
        "        stack.callback(boom)\n"
        "        stack.callback(note, 'first')\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
        "try:\n"
        "    with contextlib.ExitStack() as stack:\n"
        "        stack.callback(note, 'unwinding')\n"
        "        raise ValueError('body')\n"
        "except ValueError as e:\n"
        "    effect(repr(e))\n"
    ),
    "json.dumps(default=, cls=) and json.loads(object_hook=, object_pairs_hook=)": (
        "import json\n"
        "class Money:\n"
        "    def __init__(self, cents):\n"
        "        self.cents = cents\n"
        "def encode(o):\n"
        "    if isinstance(o, Money):\n"
        "        return {'cents': wait(o.cents), 'tag': Money(0) if o.cents else None}\n"
        "    if isinstance(o, set):\n"
        "        return sorted(o)\n"
        "    raise TypeError(f'cannot encode {type(o).__name__}')\n"
        "class Encoder(json.JSONEncoder):\n"
        "    def default(self, o):\n"
        "        return wait(f'<{type(o).__name__}>')\n"
        "doc = {'b': [Money(5), (1, 2.5, None, True)], 'a': {'x': Money(0), 3: {2, 1}}, 'name': 'n'}\n"
        "effect(json.dumps(doc, default=encode))\n"
        "effect(json.dumps(doc, default=encode, sort_keys=False, indent=1))\n"
        "effect(json.dumps([Money(1), object.__new__(Money)], cls=Encoder, separators=(',', ':')))\n"
        "effect(json.dumps({'k': Money(2)}, default=encode, sort_keys=True))\n"
        "for bad in ([object()], {(1, 2): Money(1)}):\n"
        "    try:\n"
        "        json.dumps(bad, default=encode)\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
        "loop = []\n"
        "loop.append(loop)\n"
        "try:\n"
        "    json.dumps(loop, default=encode)\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
        "effect(json.dumps({(1, 2): Money(1), 'ok': Money(3)}, default=encode, skipkeys=True))\n"
        'text = \'{"a": {"cents": 5}, "b": [{"cents": 1}, {"x": [1, {"y": 2}]}], "c": 1}\'\n'
        "def hook(d):\n"
        "    return ('M', wait(d['cents'])) if 'cents' in d else wait(sorted(d))\n"
        "effect(repr(json.loads(text, object_hook=hook)))\n"
        "effect(repr(json.loads(text, object_pairs_hook=lambda pairs: wait(len(pairs)))))\n"
        "effect(repr(json.loads('[1, 2]', object_hook=hook)))\n"
    ),
    "json.dump and json.load with script hooks and a script file": (
        "import io, json\n"
        "class Money:\n"
        "    def __init__(self, cents):\n"
        "        self.cents = cents\n"
        "class Encoder(json.JSONEncoder):\n"
        "    def __init__(self, **kw):\n"
        "        kw['indent'] = wait(2)\n"
        "        super().__init__(**kw)\n"
        "    def default(self, o):\n"
        "        return {'cents': wait(o.cents)}\n"
        "class Sink:\n"
        "    def __init__(self):\n"
        "        self.chunks = []\n"
        "    def write(self, chunk):\n"
        "        self.chunks.append(wait(chunk))\n"
        "    def read(self):\n"
        "        return wait(''.join(self.chunks))\n"
        "buf = io.StringIO()\n"
        "json.dump({'a': Money(5), 'b': [1, Money(2)]}, buf, default=lambda o: wait(o.cents), sort_keys=True)\n"
        "effect(buf.getvalue())\n"
        "sink = Sink()\n"
        "json.dump({'a': Money(5), 'b': [1, None]}, sink, cls=Encoder)\n"
        "effect(list(sink.chunks))\n"
        "json.dump([1, 'x', {'y': 2.5}], sink)\n"
        "effect(len(sink.chunks))\n"
        "buf.seek(0)\n"
        "effect(repr(json.load(buf, object_hook=lambda d: wait(sorted(d)))))\n"
        "effect(repr(json.load(Sink.__new__(Sink) if False else io.StringIO('[1, 2]'))))\n"
        "sink = Sink()\n"
        "sink.write('{\"k\": [1, {\"z\": 0}]}')\n"
        "effect(repr(json.load(sink)))\n"
        "sink.chunks = ['{\"k\": 1}']\n"
        "effect(repr(json.load(sink, object_pairs_hook=lambda pairs: wait(pairs))))\n"
    ),
    "__init_subclass__ and __set_name__": (
        "class Handler:\n"
        "    registry = {}\n"
        "    def __init_subclass__(cls, command, **kwargs):\n"
        "        super().__init_subclass__(**kwargs)\n"
        "        if wait(command) != 'skip':\n"
        "            Handler.registry[command] = cls.__name__\n"
        "class Field:\n"
        "    def __set_name__(self, owner, name):\n"
        "        self.name = wait(owner.__name__ + '.' + name)\n"
        "class Restart(Handler, command='restart'):\n"
        "    a = Field()\n"
        "    b = Field()\n"
        "class Skip(Handler, command='skip'):\n"
        "    pass\n"
        "effect([Handler.registry, Restart.a.name, Restart.b.name])\n"
        "class Strict:\n"
        "    def __init_subclass__(cls):\n"
        "        raise TypeError(wait('no subclasses of Strict'))\n"
        "try:\n"
        "    class Sub(Strict):\n"
        "        pass\n"
        "except TypeError as e:\n"
        "    effect([str(e), 'Sub' in globals()])\n"
    ),
    "itertools over script generators and functions": (
        "import itertools\n"
        "def tasks():\n"
        "    for i in range(6):\n"
        "        yield wait(i)\n"
        "effect(list(itertools.islice(tasks(), 1, 5, 2)))\n"
        "effect(list(itertools.islice(tasks(), 2)))\n"
        "effect(list(itertools.chain(tasks(), [9], tasks())))\n"
        "effect([(k, list(g)) for k, g in itertools.groupby([1, 1, 2, 3, 3], key=lambda x: wait(x % 2))])\n"
        "effect(list(itertools.takewhile(lambda x: wait(x) < 3, [1, 2, 5, 1])))\n"
        "effect(list(itertools.dropwhile(lambda x: wait(x) < 3, [1, 2, 5, 1])))\n"
        "effect(list(itertools.filterfalse(lambda x: wait(x) % 2, [1, 2, 3, 4])))\n"
        "effect(list(itertools.starmap(lambda a, b: wait(a * b), [(1, 2), (3, 4)])))\n"
        "effect(list(itertools.accumulate([1, 2, 3], lambda a, b: wait(a + b))))\n"
        "effect(list(itertools.accumulate(tasks(), initial=100)))\n"
        "for bad in ((-1,), (1, 2, 0), ('x',)):\n"
        "    try:\n"
        "        itertools.islice(tasks(), *bad)\n"
        "    except ValueError as e:\n"
        "        effect(str(e))\n"
    ),
    "groupby's groups end when it moves on": (
        "import itertools\n"
        "groups = itertools.groupby('aabbbc', key=lambda ch: wait(ch))\n"
        "first_key, first = next(groups)\n"
        "second_key, second = next(groups)\n"
        "effect([first_key, list(first), second_key, list(second), [(k, list(g)) for k, g in groups]])\n"
    ),
    "heapq and bisect with script keys": (
        "import heapq, bisect\n"
        "scores = {'a': 3, 'b': 9, 'c': 1, 'd': 5}\n"
        "effect(heapq.nlargest(2, scores, key=lambda k: wait(scores[k])))\n"
        "effect(heapq.nsmallest(3, scores, key=lambda k: wait(scores[k])))\n"
        "ranked = ['c', 'a', 'd']\n"
        "bisect.insort(ranked, 'b', key=lambda k: wait(scores[k]))\n"
        "bisect.insort_left(ranked, 'e', key=lambda k: wait(scores.get(k, 4)))\n"
        "effect([ranked, bisect.bisect(ranked, 4, key=lambda k: wait(scores.get(k, 4))),"
        " bisect.bisect_left(ranked, 4, key=lambda k: wait(scores.get(k, 4)))])\n"
    ),
    "attrgetter, methodcaller and singledispatch functions as keys and in map": (
        "import functools, operator\n"
        "class T:\n"
        "    def __init__(self, n):\n"
        "        self.n = n\n"
        "    @property\n"
        "    def p(self):\n"
        "        return wait(self.n)\n"
        "    def m(self, k):\n"
        "        return wait(self.n * k)\n"
        "ts = [T(3), T(1), T(2)]\n"
        "effect([t.n for t in sorted(ts, key=operator.attrgetter('p'), reverse=True)])\n"
        "effect(min(ts, key=operator.methodcaller('m', 2)).n)\n"
        "@functools.singledispatch\n"
        "def render(x):\n"
        "    return wait(str(x))\n"
        "@render.register\n"
        "def _(x: int):\n"
        "    return wait(f'int {x}')\n"
        "effect('\\n'.join(map(render, [1, 'a'])))\n"
        "effect(list(map(operator.attrgetter('p'), ts)))\n"
    ),
    "operator.attrgetter and methodcaller": (
        "import operator\n"
        "class Vendor:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    @property\n"
        "    def score(self):\n"
        "        return wait(len(self.name))\n"
        "    def status(self, prefix, *, upper=False):\n"
        "        text = prefix + wait(self.name)\n"
        "        return text.upper() if upper else text\n"
        "v = Vendor('acme')\n"
        "effect([operator.attrgetter('score')(v), operator.attrgetter('name', 'score')(v)])\n"
        "effect([operator.methodcaller('status', '> ')(v), operator.methodcaller('status', '', upper=True)(v)])\n"
    ),
    "a script __new__ and an ABC's __init__": (
        "import abc\n"
        "class Refund:\n"
        "    def __new__(cls, amount):\n"
        "        self = super().__new__(cls)\n"
        "        self.approved = wait(amount < 100)\n"
        "        return self\n"
        "    def __init__(self, amount):\n"
        "        self.amount = wait(amount)\n"
        "class Source(abc.ABC):\n"
        "    @abc.abstractmethod\n"
        "    def fetch(self): ...\n"
        "class Page(Source):\n"
        "    def __init__(self, url):\n"
        "        self.text = wait('page ' + url)\n"
        "    def fetch(self):\n"
        "        return self.text\n"
        "class Plain:\n"
        "    __new__ = object.__new__\n"
        "class Order(Plain):\n"
        "    def __init__(self, item):\n"
        "        self.item = wait(item)\n"
        "r = Refund(50)\n"
        "effect([r.approved, r.amount, Page('x').fetch(), Order('pen').item])\n"
        "try:\n"
        "    Plain('x')\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
        "try:\n"
        "    Source()\n"
        "except TypeError as e:\n"
        "    effect(str(e).split(' with')[0])\n"
    ),
}


@pytest.mark.parametrize("body", list(LIBRARY.values()), ids=list(LIBRARY))
def test_waits_inside_script_code_called_by_library_functions_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    # islice skips elements whose value nothing uses: their waits never suspend, natively neither.
    assert suspensions == _used(world) > 0


CONTEXTS = {
    "a @contextmanager waiting before and after its yield": (
        "import contextlib\n"
        "@contextlib.contextmanager\n"
        "def approved_change(name):\n"
        "    effect('asked ' + wait(name))\n"
        "    yield name.upper()\n"
        "    effect('closed ' + wait(name))\n"
        "with approved_change('deploy') as change:\n"
        "    effect(change)\n"
    ),
    "errors of a @contextmanager": (
        "import contextlib\n"
        "@contextlib.contextmanager\n"
        "def never():\n"
        "    if wait(False):\n"
        "        yield\n"
        "@contextlib.contextmanager\n"
        "def twice():\n"
        "    yield wait(1)\n"
        "    yield 2\n"
        "for cm in (never, twice):\n"
        "    try:\n"
        "        with cm():\n"
        "            pass\n"
        "    except RuntimeError as e:\n"
        "        effect(str(e))\n"
        "@contextlib.contextmanager\n"
        "def guarded():\n"
        "    try:\n"
        "        yield wait('in')\n"
        "    except KeyError:\n"
        "        effect('handled')\n"
        "with guarded():\n"
        "    raise KeyError('x')\n"
        "effect('after')\n"
    ),
    "contextlib.ExitStack.close": (
        "import contextlib\n"
        "def release(name):\n"
        "    effect('released ' + wait(name))\n"
        "with contextlib.ExitStack() as stack:\n"
        "    stack.callback(release, 'a')\n"
        "    stack.callback(release, 'b')\n"
        "    stack.close()\n"
        "    effect('closed early')\n"
    ),
    "contextlib.closing": (
        "import contextlib\n"
        "class Writer:\n"
        "    def close(self):\n"
        "        effect('closed ' + wait('report'))\n"
        "with contextlib.closing(Writer()) as w:\n"
        "    effect('writing')\n"
    ),
}


@pytest.mark.parametrize("body", list(CONTEXTS.values()), ids=list(CONTEXTS))
def test_waits_inside_context_managers_made_by_contextlib_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    # A yielded value nothing uses (`yield wait(1)` with no `as`) never suspends, natively neither.
    assert suspensions == _used(world) > 0


def test_async_context_managers_made_by_contextlib_run_their_script_parts_on_the_vm() -> None:
    # @asynccontextmanager's __aenter__/__aexit__ and AsyncExitStack's
    # enter_async_context/__aexit__/aclose run on the VM: the callbacks and
    # __aexit__ methods they await, and the with-blocks, wait resumably.
    # (A wait in the generator after an exception was thrown into it by
    # athrow() is not resumable yet: athrow steps it in a nested run.)
    main = (
        "import contextlib\n"
        "@contextlib.asynccontextmanager\n"
        "async def approved(name):\n"
        "    effect('asked ' + wait(name))\n"
        "    yield name.upper()\n"
        "    effect('released ' + wait(name))\n"
        "@contextlib.asynccontextmanager\n"
        "async def session(name):\n"
        "    effect('open ' + name)\n"
        "    try:\n"
        "        yield name + '!'\n"
        "    except ValueError as e:\n"
        "        effect('caught ' + str(e))\n"
        "        raise KeyError('k') from e\n"
        "    finally:\n"
        "        effect('close ' + name)\n"
        "class Lock:\n"
        "    async def __aenter__(self):\n"
        "        return wait('locked')\n"
        "    async def __aexit__(self, *exc):\n"
        "        effect('unlocked ' + wait('u'))\n"
        "async def notify(x):\n"
        "    effect('notified ' + wait(x))\n"
        "async def main():\n"
        "    async with approved('deploy') as change:\n"
        "        effect(change)\n"
        "    async with session('db') as s:\n"
        "        effect(s + wait('body'))\n"
        "    async with contextlib.AsyncExitStack() as stack:\n"
        "        effect(await stack.enter_async_context(Lock()))\n"
        "        effect(await stack.enter_async_context(session('x')))\n"
        "        stack.push_async_callback(notify, 'y')\n"
        "        stack.callback(effect, 'sync')\n"
        "    try:\n"
        "        async with session('e'):\n"
        "            raise ValueError(wait('bad'))\n"
        "    except KeyError as e:\n"
        "        effect([repr(e), repr(e.__cause__), e.__context__ is e.__cause__])\n"
        "    stack = contextlib.AsyncExitStack()\n"
        "    await stack.enter_async_context(session('z'))\n"
        "    stack.push_async_callback(notify, 'z')\n"
        "    await stack.aclose()\n"
        "    try:\n"
        "        await contextlib.AsyncExitStack().enter_async_context(object())\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
        "    return 'done'\n"
    )
    native_world, _, native_error = gates.run_native(
        main + "c = main()\ntry:\n    c.send(None)\nexcept StopIteration as stop:\n    effect(stop.value)\n"
    )
    assert native_error is None
    job, world, suspensions = gates.run_interrupted(main + "effect(await main())\n")
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert suspensions == _used(world) == 8


ASYNC_GENERATORS = (
    "async def pages(n):\n"
    "    for i in range(n):\n"
    "        yield 'page ' + str(wait(i))\n"
    "async def scored(source):\n"
    "    async for item in source:\n"
    "        yield item, len(item) + wait(1)\n"
    "async def echo():\n"
    "    got = yield 'ready'\n"
    "    while True:\n"
    "        got = yield 'echo ' + wait(got)\n"
    "async def fetch(x):\n"
    "    return wait(x) * 2\n"
    "async def awaiting():\n"
    "    yield await fetch(3)\n"
    "    yield await fetch(4)\n"
    "async def main():\n"
    "    async for page in pages(3):\n"
    "        effect(page)\n"
    "    effect([pair async for pair in scored(pages(2))])\n"
    "    g = pages(2)\n"
    "    effect(await anext(g))\n"
    "    effect(await g.__anext__())\n"
    "    try:\n"
    "        await anext(g)\n"
    "    except StopAsyncIteration:\n"
    "        effect('done')\n"
    "    h = pages(2)\n"
    "    effect([await anext(h, 'end'), await anext(h, 'end'), await anext(h, 'end')])\n"
    "    e = echo()\n"
    "    effect(await e.asend(None))\n"
    "    effect(await e.asend('a'))\n"
    "    effect(await e.asend('b'))\n"
    "    await e.aclose()\n"
    "    effect([x async for x in awaiting()])\n"
    "    return 'finished'\n"
)


def test_waits_inside_script_async_generators_are_resumable() -> None:
    # async for, async comprehensions, anext() (with a default too), __anext__() and asend()
    # step the generator's frame on the VM, as await steps a coroutine's;
    # also resumed from snapshot bytes (the awaited step is in the state).
    native_world, _, native_error = gates.run_native(
        ASYNC_GENERATORS + "c = main()\ntry:\n    c.send(None)\nexcept StopIteration as stop:\n    effect(stop.value)\n"
    )
    assert native_error is None
    source = ASYNC_GENERATORS + "effect(await main())\n"
    reference_counts = gates.counts()
    reference, _ = gates.run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", reference.error
    counts = gates.counts()
    job, world, suspensions = gates.run_interrupted(source, instruction_counts=counts)
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert suspensions == len(world.gates) == 15
    assert counts == reference_counts
    reloaded_counts = gates.counts()
    reloaded, reloaded_world, reloads = gates.run_reloaded(source, reloaded_counts)
    assert reloaded.status == "COMPLETED", reloaded.error
    assert reloaded_world.log == native_world.log and reloads == 15
    assert reloaded_counts == reference_counts


def test_a_defaultdict_factory_and_a_script_missing_that_wait_are_resumable() -> None:
    body = (
        "import collections\n"
        "def new_team():\n"
        "    return {'lead': wait('nobody'), 'members': []}\n"
        "teams = collections.defaultdict(new_team)\n"
        "teams['ops']['members'].append('ana')\n"
        "teams['ops']['members'].append('ben')\n"
        "counts = collections.defaultdict(int)\n"
        "counts['x'] += 1\n"
        "class Defaults(dict):\n"
        "    def __missing__(self, key):\n"
        "        return wait(key.upper())\n"
        "d = Defaults(a=1)\n"
        "effect([dict(teams), dict(counts), d['a'], d['b'], 'b' in d])\n"
        "try:\n"
        "    collections.defaultdict(None)['k']\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
    )
    world, suspensions = _resumed_as_native(body)
    assert suspensions == len(world.gates) == 2


def _in_a_process_of_its_own(code: str) -> None:
    """Run ``code`` in a new Python process started in the repository's root: it must succeed."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _host_line_tracer(frame: object, event: str, arg: object) -> object:
    # Sees every call; traces no lines (a line tracer over the whole VM
    # makes the run far too slow for a test).
    return None


@pytest.mark.parametrize("tracer", ["settrace", "setprofile"])
def test_the_operations_layer_works_under_a_host_trace_or_profile_function(tracer: str) -> None:
    # A coverage tool or a debugger traces the process: a wait inside a
    # __str__ and a comparison is resumable all the same.  (In a process of
    # its own: inside the whole suite, a tracer made this run take minutes.)
    code = (
        "import sys\n"
        "from tests.vm import test_operations as t\n"
        f"sys.{tracer}(t._host_line_tracer)\n"
        "world, n = t._resumed_as_native(t.CLASSES + t.CASES['__eq__ and __ne__'] + t.CASES['print of an object'])\n"
        f"sys.{tracer}(None)\n"
        "assert n == len(world.gates) > 0, (n, world.gates)\n"
    )
    _in_a_process_of_its_own(code)


def test_a_script_trace_function_sees_the_script_run_as_natively() -> None:
    # The script's own trace function is called from the VM's frames too:
    # no operation is redone inside that call.  (In a process of its own:
    # the script's tracer is the process's, called for every host call.)
    body = (
        "import sys\n"
        "events = []\n"
        "def tracer(frame, event, arg):\n"
        "    events.append(event)\n"
        "    return None\n"
        "class Box:\n"
        "    @property\n"
        "    def size(self):\n"
        "        return wait(3)\n"
        "sys.settrace(tracer)\n"
        "b = Box()\n"
        "n = b.size\n"
        "sys.settrace(None)\n"
        "effect(n)\n"
    )
    code = (
        "from tests.vm import gates\n"
        f"job, world, _ = gates.run_interrupted({body!r})\n"
        "assert job.status == 'COMPLETED', job.error\n"
        "assert world.log == [3], world.log\n"
    )
    _in_a_process_of_its_own(code)


# -- exec() and eval() of code objects, copy, Enum lookups ---------------------------


def _resumed_from_snapshots_as_native(source: str) -> None:
    """Native, uninterrupted and suspended at every wait agree (each resume also from the snapshot's bytes)."""
    gates.check_exact_once(source, reload=True)


CODE_OBJECTS = {
    "exec of a code object compile() made": (
        "CHECK = compile('text = wait(url)\\nok = \"a\" in text\\n', '<check>', 'exec')\n"
        "for url in ['abc', 'xyz']:\n"
        "    scope = {'wait': wait, 'url': url}\n"
        "    exec(CHECK, scope)\n"
        "    effect((url, scope['ok'], scope['text']))\n"
    ),
    "eval of a code object compile() made": (
        "DECIDE = compile(\"wait(f'apply {change}') == 'apply b'\", '<decide>', 'eval')\n"
        "effect([change for change in 'abc' if eval(DECIDE, {'wait': wait, 'change': change})])\n"
    ),
    "functions, classes and locals of exec'd code": (
        "code = compile(\n"
        "    'def double(v):\\n    return wait(v) * 2\\n'\n"
        "    'class Box:\\n    size = double(3)\\n'\n"
        "    'total = sum(double(v) for v in range(2)) + Box.size\\n',\n"
        "    '<defs>', 'exec')\n"
        "g = {'wait': wait}\n"
        "exec(code, g)\n"
        "effect([g['total'], g['double'](5), sorted(g)])\n"
        "loc = {'z': 1}\n"
        "exec(compile('y = wait(2) + z', '<locals>', 'exec'), g, loc)\n"
        "effect(loc)\n"
        "exec(compile('x = wait(4) + 0', '<here>', 'exec'))\n"
        "effect(x)\n"
    ),
    "a code object compiled from an AST, with optimize and mode single": (
        "import ast\n"
        "tree = compile('assert False\\nanswer = wait(41) + 1', '<ast>', 'exec', ast.PyCF_ONLY_AST)\n"
        "effect(type(tree).__name__)\n"
        "ns = {'wait': wait}\n"
        "exec(compile(tree, '<ast>', 'exec', optimize=1), ns)\n"
        "effect(ns['answer'])\n"
        "exec(compile('effect(wait(7)) and None', '<single>', 'single'), {'wait': wait, 'effect': effect})\n"
        "try:\n"
        "    exec(tree, ns)\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "errors raised inside an exec'd code object": (
        "code = compile('if wait(1):\\n    raise KeyError(\"k\")', '<raises>', 'exec')\n"
        "try:\n"
        "    exec(code, {'wait': wait})\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
    ),
}


@pytest.mark.parametrize("body", list(CODE_OBJECTS.values()), ids=list(CODE_OBJECTS))
def test_waits_inside_code_objects_run_by_exec_and_eval_are_resumable(body: str) -> None:
    _resumed_from_snapshots_as_native(body)


def test_compile_exec_and_eval_pass_on_the_scripts_future_flags_as_natively() -> None:
    body = (
        "from __future__ import annotations\n"
        "source = 'def f(x: int): pass\\nr = f.__annotations__'\n"
        "for flags in [{}, {'dont_inherit': True}]:\n"
        "    ns = {}\n"
        "    exec(compile(source, '<x>', 'exec', **flags), ns)\n"
        "    effect(repr(ns['r']))\n"
        "ns = {}\n"
        "exec(source, ns)\n"
        "effect(repr(ns['r']))\n"
        "effect(repr(eval('(lambda y: 1).__annotations__')))\n"
        "effect(repr(wait(1)))\n"
    )
    _resumed_from_snapshots_as_native(body)


COPY_CLASSES = """
import copy, dataclasses

class Box:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        effect('copy ' + str(self.v))
        return Box(wait(self.v) + 100)

class Deep:
    def __init__(self, v, items):
        self.v, self.items = v, items
    def __deepcopy__(self, memo):
        result = Deep(wait(self.v) + 1, None)
        memo[id(self)] = result
        result.items = copy.deepcopy(self.items, memo)
        return result

class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (wait(self.v) * 2,))

class Stated:
    def __init__(self, v):
        self.v = v
    def __getstate__(self):
        return {'v': wait(self.v), 'seen': True}
    def __setstate__(self, state):
        effect(('setstate', sorted(state)))
        self.__dict__.update(state, restored=wait('yes'))

class Args:
    def __new__(cls, n):
        effect(('new', n))
        obj = super().__new__(cls)
        obj.n = wait(n)
        return obj
    def __getnewargs__(self):
        return (wait(self.n) + 1,)

class KwArgs(Args):
    def __getnewargs_ex__(self):
        return ((self.n,), {}) if wait(self.n) > 100 else ((self.n + 10,), {})
"""

COPIES = {
    "copy.copy with a script __copy__": "b = copy.copy(Box(1))\neffect(b.v)\ndel b\n",
    "copy.deepcopy with a script __deepcopy__, its memo, shared and cyclic references": (
        "shared = [1, [2]]\n"
        "d = Deep(5, [shared, shared])\n"
        "d.items.append(d)\n"
        "dc = copy.deepcopy([d, d])\n"
        "effect((dc[0] is dc[1], dc[0].v, dc[0].items[0] is dc[0].items[1], dc[0].items[2] is dc[0]))\n"
        "effect((dc[0].items[0] == shared, dc[0].items[0] is shared, dc[1].items[0][1] is dc[0].items[1][1]))\n"
        "del shared, d, dc\n"
    ),
    "copy with a script __reduce__": (
        "r = copy.deepcopy({'a': Reduced(3), 'b': [Reduced(4)]})\n"
        "effect((r['a'].v, r['b'][0].v, copy.copy(Reduced(7)).v))\n"
        "del r\n"
    ),
    "copy with a script __getstate__ and __setstate__": (
        "effect(sorted(copy.deepcopy(Stated(8)).__dict__.items()))\n"
        "effect(sorted(copy.copy(Stated(9)).__dict__.items()))\n"
    ),
    "copy with a script __new__ and __getnewargs__ or __getnewargs_ex__": (
        "effect(copy.deepcopy(Args(3)).n)\n"
        "effect(copy.copy(KwArgs(20)).n)\n"
    ),
    "deepcopy of dataclasses and plain script objects with properties": (
        "@dataclasses.dataclass\n"
        "class Record:\n"
        "    name: str\n"
        "    tags: list\n"
        "    @property\n"
        "    def title(self):\n"
        "        return wait(self.name).title()\n"
        "rec = Record('ann', ['x'])\n"
        "rc = copy.deepcopy([rec, rec, Deep(1, [rec])])\n"
        "effect((rc[0] is rc[1], rc[0] == rec, rc[0].tags is rec.tags, rc[0].title, rc[2].items[0] is rc[0]))\n"
        "memo = {}\n"
        "effect(copy.deepcopy(rec, memo) is copy.deepcopy(rec, memo))\n"
        "del rec, rc, memo\n"
    ),
    "copy.deepcopy handed to map() under list(), as natively": (
        "class Once:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __deepcopy__(self, memo):\n"
        "        effect(('copied', self.v))\n"
        "        return Once(self.v + 1)\n"
        "effect([o.v for o in list(map(copy.deepcopy, [Once(1), Once(2), Once(3)]))])\n"
        "effect(wait('after'))\n"
    ),
    "errors of copy, as natively": (
        "class Bad:\n"
        "    def __reduce_ex__(self, proto):\n"
        "        effect(wait('bad'))\n"
        "        raise TypeError('no copies')\n"
        "class Weird:\n"
        "    def __getnewargs__(self):\n"
        "        return [wait(1) + 0]\n"
        "class NoCopy:\n"
        "    def __reduce_ex__(self, proto):\n"
        "        effect(wait(0))\n"
        "        return None\n"
        "    __reduce__ = None\n"
        "for make in (lambda: copy.deepcopy([Bad()]), lambda: copy.copy(Weird()), lambda: copy.deepcopy(NoCopy())):\n"
        "    try:\n"
        "        make()\n"
        "    except Exception as e:\n"
        "        effect((type(e).__name__, str(e)))\n"
    ),
}


@pytest.mark.parametrize("body", list(COPIES.values()), ids=list(COPIES))
def test_waits_inside_script_code_that_copy_calls_are_resumable(body: str) -> None:
    _resumed_from_snapshots_as_native(COPY_CLASSES + body)


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in CPython 3.13")
def test_a_wait_inside_replace_that_copy_replace_calls_is_resumable() -> None:
    body = (
        "import copy, dataclasses\n"
        "class Point:\n"
        "    def __init__(self, x, y):\n"
        "        self.x, self.y = x, y\n"
        "    def __replace__(self, **changes):\n"
        "        effect(('replace', sorted(changes)))\n"
        "        return Point(changes.get('x', self.x), wait(changes.get('y', self.y)))\n"
        "p = copy.replace(Point(1, 2), y=5)\n"
        "effect((p.x, p.y))\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class Rec:\n"
        "    a: int\n"
        "    b: int = 0\n"
        "    def __post_init__(self):\n"
        "        effect(('post', wait(self.a)))\n"
        "effect(repr(copy.replace(Rec(1), b=3)))\n"
        "try:\n"
        "    copy.replace(3, x=1)\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
        "del p\n"
    )
    _resumed_from_snapshots_as_native(body)


def test_copies_without_script_parts_stay_native(monkeypatch: pytest.MonkeyPatch) -> None:
    # Plain data, and script objects copy takes apart by their __dict__: the
    # native copy functions, never the VM's versions.
    from statek_vm.vm import library

    def no_version(name: str) -> None:
        raise AssertionError(f"{name} ran on the VM")

    monkeypatch.setattr(library, "function", no_version)
    body = (
        "import copy, dataclasses\n"
        "@dataclasses.dataclass\n"
        "class Record:\n"
        "    name: str\n"
        "    tags: list\n"
        "    @property\n"
        "    def title(self):\n"
        "        return wait(self.name)\n"
        "rec = Record('ann', [1, {'a': (2, 3)}])\n"
        "rc = copy.deepcopy({'r': [rec, rec], 'n': 3})\n"
        "effect((rc['r'][0] is rc['r'][1], rc['r'][0] == rec, rc['r'][0].tags is rec.tags, copy.copy(rec) == rec))\n"
        "effect(rc['r'][0].title)\n"
        "del rec, rc\n"
    )
    _, suspensions = _resumed_as_native(body)
    assert suspensions == 1


ENUMS = {
    "an Enum lookup calling a script _missing_, and its errors": (
        "import enum\n"
        "class Status(enum.Enum):\n"
        "    OPEN = 'open'\n"
        "    CLOSED = 'closed'\n"
        "    @classmethod\n"
        "    def _missing_(cls, value):\n"
        "        answer = wait(value)\n"
        "        if answer == 'boom':\n"
        "            raise KeyError(answer)\n"
        "        if answer == 'wrong':\n"
        "            return 42\n"
        "        if answer == 'none':\n"
        "            return None\n"
        "        if answer == 'value error':\n"
        "            raise ValueError('no such status: ' + answer)\n"
        "        return cls.CLOSED if answer == 'done' else cls.OPEN\n"
        "effect([Status(v).name for v in ['open', 'done', 'later', 'closed']])\n"
        "effect(Status(Status.OPEN).name)\n"
        "for v in ['boom', 'wrong', 'none', 'value error']:\n"
        "    try:\n"
        "        Status(v)\n"
        "    except Exception as e:\n"
        "        c = e.__context__\n"
        "        effect((type(e).__name__, str(e), type(c).__name__, str(c) if c else None, e.__cause__))\n"
        "del v\n"
    ),
    "an IntEnum's _missing_": (
        "import enum\n"
        "class Color(enum.IntEnum):\n"
        "    RED = 1\n"
        "    GREEN = 2\n"
        "    @classmethod\n"
        "    def _missing_(cls, value):\n"
        "        return cls.RED if wait(value) < 0 else None\n"
        "effect([Color(-4).name, Color(2).name])\n"
        "try:\n"
        "    Color(9)\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
    ),
    "a Flag's _missing_ for lookups and its operators' composites": (
        "import enum\n"
        "class Perm(enum.Flag):\n"
        "    R = 4\n"
        "    W = 2\n"
        "    X = 1\n"
        "    @classmethod\n"
        "    def _missing_(cls, value):\n"
        "        effect(('perm missing', wait(value)))\n"
        "        return super()._missing_(value)\n"
        "effect([str(Perm(6)), str(Perm(4)), str(Perm.R | Perm.X)])\n"
        "effect([str(~Perm.R), str(Perm.R & Perm(6)), str(Perm.W ^ Perm(7))])\n"
    ),
    "enum members with a script __init__ and properties": (
        "import enum\n"
        "class Planet(enum.Enum):\n"
        "    EARTH = (1, 2)\n"
        "    def __init__(self, mass, radius):\n"
        "        self.mass = mass\n"
        "        self.radius = radius\n"
        "    @property\n"
        "    def gravity(self):\n"
        "        return wait(self.mass * self.radius)\n"
        "effect(Planet((1, 2)).gravity)\n"
    ),
}


@pytest.mark.parametrize("body", list(ENUMS.values()), ids=list(ENUMS))
def test_waits_inside_script_code_that_an_enum_lookup_calls_are_resumable(body: str) -> None:
    _resumed_from_snapshots_as_native(body)


# -- __hash__ and __eq__ that native dict, set and list operations call (vm/replay.py) --------

# Keys whose __hash__ waits (and returns the pending future itself: native
# code gets its value), and keys that all hash alike, so that every lookup
# compares, whose __eq__ waits.  Each call is logged: the calls, their order
# and their number must be the native ones.
HASH_WAITS = """
import collections

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        effect(('hash', self.v))
        return wait(self.v % 3)
    def __eq__(self, other):
        effect(('eq', self.v, getattr(other, 'v', other)))
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return f'Key({self.v})'
"""
EQ_WAITS = """
import collections

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        effect(('hash', self.v))
        return 7
    def __eq__(self, other):
        effect(('eq', self.v, getattr(other, 'v', other)))
        return isinstance(other, Key) and wait(self.v) == other.v
    def __repr__(self):
        return f'Key({self.v})'
"""

# A set alive across a wait holds at most one key of each hash: a snapshot
# rebuilds a set in its iteration order, so distinct elements of one hash
# could be compared in another order afterwards (docs/guides/snapshots-keys.md).
HASHING = {
    "a dict display": "d = {Key(1): 'a', Key(2): 'b', Key(1): 'c', Key(4): 'd'}\neffect(sorted(d.values()))\n",
    "a set display": "s = {Key(1), 'x', Key(1)}\neffect(len(s))\n",
    "set and dict comprehensions": (
        "keys = [Key(1), Key(2), Key(1), Key(4)]\n"
        "effect(len({k for k in keys[:1] + keys[2:3]}))\n"
        "effect(sorted({k: k.v for k in keys}.values()))\n"
    ),
    "d[k] = v": "d = {}\nd[Key(1)] = 'a'\nd[Key(4)] = 'b'\nd[Key(1)] = 'c'\neffect(sorted(d.values()))\n",
    "d[k]": (
        "d = dict([(Key(1), 'a'), (Key(2), 'b'), (Key(4), 'c')])\n"
        "effect([d[Key(4)], d[Key(1)]])\n"
        "try:\n"
        "    d[Key(7)]\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
    ),
    "k in d, k in s": (
        "d = dict.fromkeys([1, 2])\n"
        "d[Key(1)] = 'a'\n"
        "d[Key(4)] = 'b'\n"
        "s = {Key(1), 'x'}\n"
        "effect([Key(4) in d, Key(7) in d, Key(4) not in s, Key(4) in d.keys(), (Key(1), 'a') in d.items()])\n"
    ),
    "del d[k]": (
        "d = {}\n"
        "d[Key(1)] = 'a'\n"
        "d[Key(4)] = 'b'\n"
        "del d[Key(1)]\n"
        "effect(list(d.values()))\n"
        "try:\n"
        "    del d[Key(1)]\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
    ),
    "dict.get, pop and setdefault": (
        "d = dict([(Key(1), 'a'), (Key(4), 'b')])\n"
        "effect([d.get(Key(4)), d.get(Key(2), 'none'), d.pop(Key(1)), d.pop(Key(1), 'gone')])\n"
        "effect(d.setdefault(Key(5), 'e'))\n"
        "effect(sorted(d.values()))\n"
    ),
    "set.add, discard, remove and operators": (
        "s = set()\n"
        "s.add(Key(1))\n"
        "s.add(Key(1))\n"
        "s.discard(Key(4))\n"
        "s.remove(Key(1))\n"
        "s.add(Key(2))\n"
        "effect(len(s))\n"
        "t = frozenset([Key(2)])\n"
        "effect([len(s | t), len(s & t), s <= t, s == {Key(2)}, t.issuperset(s)])\n"
        "try:\n"
        "    s.remove(Key(9))\n"
        "except KeyError as e:\n"
        "    effect(repr(e))\n"
    ),
    "hash()": "effect([hash(Key(1)), hash(Key(5)), Key(5) in {Key(1)}])\n",
    "dict(), set() and frozenset() of script keys": (
        "effect(len(dict([(Key(1), 1), (Key(2), 2), (Key(1), 3)])))\n"
        "effect(len(set([Key(1), Key(4), Key(1)])))\n"
        "effect(len(frozenset((Key(1), Key(2)))))\n"
        "effect(len(dict({Key(1): 1}, x=2)))\n"
    ),
    "collections.Counter and defaultdict": (
        "c = collections.Counter([Key(1), Key(4), Key(1)])\n"
        "effect(sorted(c.values()))\n"
        "c[Key(4)] += 1\n"
        "effect([c[Key(4)], c[Key(9)]])\n"
        "dd = collections.defaultdict(list)\n"
        "dd[Key(1)].append('x')\n"
        "dd[Key(1)].append('y')\n"
        "effect([dd[Key(1)], len(dd)])\n"
    ),
    "an exception from __eq__ inside a lookup": (
        "class Bad(Key):\n"
        "    __hash__ = Key.__hash__\n"
        "    def __eq__(self, other):\n"
        "        effect(('bad eq', self.v))\n"
        "        raise ValueError(wait('no comparing ' + str(self.v)))\n"
        "d = {Bad(1): 'a'}\n"
        "try:\n"
        "    d[Bad(4)]\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
        "effect(len(d))\n"
    ),
}

# An OrderedDict rebuilds its index of keys when it chooses, looking keys up
# (comparing colliding ones) at other times after a snapshot: its keys here
# have distinct hashes (HASH_WAITS only).
ORDERED = {
    "collections.OrderedDict": (
        "od = collections.OrderedDict([(Key(1), 'a'), (Key(2), 'b')])\n"
        "od[Key(3)] = 'c'\n"
        "effect([len(od), od[Key(1)], Key(5) in od])\n"
        "od.move_to_end(Key(1))\n"
        "del od[Key(2)]\n"
        "effect(len(od))\n"
    ),
}

# Operations of lists and tuples: they call __eq__ only (run with EQ_WAITS).
EQUALITY = {
    "list.index, count and remove, in a list": (
        "items = [Key(1), Key(4), Key(2), Key(4)]\n"
        "effect([items.index(Key(4)), items.count(Key(4)), Key(2) in items, Key(9) in items])\n"
        "items.remove(Key(4))\n"
        "effect([k.v for k in items])\n"
        "try:\n"
        "    items.index(Key(9))\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
    ),
    "list == list, tuple == tuple": (
        "effect([[Key(1), Key(4)] == [Key(1), Key(4)], (Key(1), Key(2)) == (Key(1), Key(4))])\n"
        "effect([[Key(1)] != [Key(2)], (Key(2),) != (Key(2),), [Key(1)] == [Key(1), Key(2)]])\n"
    ),
}


def _reloaded_as_native(source: str) -> None:
    """``source`` resumed at every wait from its snapshot bytes: as natively, with one uninterrupted run's counts."""
    native_world, native_output, native_error = gates.run_native(source)
    assert native_error is None
    reference_counts = gates.counts()
    reference, _ = gates.run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", reference.error
    counts = gates.counts()
    job, world, _ = gates.run_reloaded(source, counts)
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log
    assert job.output == native_output
    assert counts == reference_counts


@pytest.mark.parametrize(
    "source",
    [
        *(
            pytest.param(keys + body, id=f"{name}, {what} waits")
            for name, body in HASHING.items()
            for keys, what in ((HASH_WAITS, "__hash__"), (EQ_WAITS, "__eq__"))
        ),
        *(pytest.param(HASH_WAITS + body, id=f"{name}, __hash__ waits") for name, body in ORDERED.items()),
        *(pytest.param(EQ_WAITS + body, id=f"{name}, __eq__ waits") for name, body in EQUALITY.items()),
    ],
)
def test_waits_inside_hash_and_eq_that_native_dict_set_and_list_operations_call_are_resumable(source: str) -> None:
    world, suspensions = _resumed_as_native(source)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    _reloaded_as_native(source)


def test_a_script_call_that_changes_what_a_replayed_operation_does_fails_loudly() -> None:
    # A __eq__ that replaces the key it is compared with: natively the lookup
    # starts again and compares the new key.  Run without a wait, the
    # lookup's script calls run nested as they come, as natively.  With a
    # wait in the second __eq__, the lookup runs again with its answers once
    # the wait is over; it then calls the new key's __eq__ where it had called
    # the old one's, and the VM says so rather than guess.
    from statek_vm.exceptions import VMInternalError

    def source(waits: bool) -> str:
        return (
            "class Key:\n"
            "    def __init__(self, v):\n"
            "        self.v = v\n"
            "    def __hash__(self):\n"
            "        return 1\n"
            "    def __eq__(self, other):\n"
            "        effect(('eq', self.v))\n"
            "        if self.v == 1:\n"
            "            table.clear()\n"
            "            table[Key(3)] = 'c'\n"
            + ("        if self.v == 3:\n            effect(wait('w'))\n" if waits else "")
            + "        return False\n"
            "table = {Key(1): 'a'}\n"
            "try:\n"
            "    table[Key(2)]\n"
            "except KeyError:\n"
            "    effect('missing')\n"
        )

    assert gates.run_native(source(False))[0].log == [("eq", 1), ("eq", 3), "missing"]
    job, world = gates.run_uninterrupted(source(False))
    assert job.status == "COMPLETED", job.error
    assert world.log == [("eq", 1), ("eq", 3), "missing"]
    job, world, _ = gates.run_interrupted(source(True))
    assert job.status == "FAILED" and isinstance(job.error, VMInternalError), job.error
    assert "with other objects than before" in str(job.error) or "where it had called" in str(job.error), job.error


def test_a_script_call_that_empties_the_dict_of_a_replayed_lookup_ends_it_as_natively() -> None:
    # Run again, the lookup finds the dict empty, as CPython's starts again and does.
    source = (
        "class Key:\n"
        "    def __hash__(self):\n"
        "        return 1\n"
        "    def __eq__(self, other):\n"
        "        effect(('eq', wait(len(table))))\n"
        "        table.clear()\n"
        "        return True\n"
        "table = {Key(): 1}\n"
        "try:\n"
        "    table[Key()]\n"
        "except KeyError:\n"
        "    effect('missing')\n"
    )
    world, suspensions = _resumed_as_native(source)
    assert world.log == [("eq", 1), "missing"] and suspensions == 1


ORDERING_CLASSES = """
import bisect, functools, heapq

class Score:
    def __init__(self, v, tag=''):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        effect(('lt', self.v, self.tag, other.v, other.tag))
        return wait(self.v) < other.v
    def __repr__(self):
        return f'{self.v}{self.tag}'

class Rank:
    # Only ">": "<" is its reflection.
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return wait(self.v) > other.v
    def __repr__(self):
        return f'R{self.v}'

class Fussy(Score):
    def __lt__(self, other):
        if not isinstance(other, Fussy):
            return NotImplemented
        return wait(self.v) < other.v

def scores(*values):
    return [Score(v, chr(97 + i)) for i, v in enumerate(values)]
"""

ORDERING = {
    "sorted and list.sort of objects whose __lt__ waits": (
        "effect(repr(sorted(scores(3, 1, 2, 1, 5, 0, 2))))\n"
        "effect(repr(sorted(scores(3, 1, 2, 1, 5, 0, 2), reverse=True)))\n"
        "effect(repr(sorted(scores(4, 4, 1), key=lambda s: Score(-s.v))))\n"
        "effect(repr(sorted(iter(scores(2, 1)))))\n"
        "effect(repr(sorted([Rank(2), Rank(1), Rank(3)])))\n"
        "effect(repr(sorted([(Score(1), 'x'), (Score(1), 'y'), (Score(0), 'z')])))\n"
        "class Shy:\n"
        "    # One class throughout: the sort calls __lt__ itself, then the whole '<' after NotImplemented.\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __lt__(self, other):\n"
        "        effect(('shy lt', self.v, other.v))\n"
        "        return NotImplemented if wait(self.v) else False\n"
        "    def __gt__(self, other):\n"
        "        effect(('shy gt', self.v, other.v))\n"
        "        return wait(self.v) > other.v\n"
        "effect([s.v for s in sorted([Shy(2), Shy(1), Shy(3)])])\n"
        "items = scores(9, 8, 7, 9)\n"
        "items.sort()\n"
        "effect(repr(items))\n"
        "items.sort(key=lambda s: Score(s.v % 2), reverse=True)\n"
        "effect(repr(items))\n"
        "try:\n"
        "    sorted([Score(1), 2])\n"
        "except (AttributeError, TypeError) as e:\n"
        "    effect(str(e))\n"
        "try:\n"
        "    sorted([Fussy(1), Fussy(2), 3])\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "list.sort: the list is empty while it sorts, and an error leaves it as far as it got": (
        "class Peek(Score):\n"
        "    def __lt__(self, other):\n"
        "        effect(('seen', len(items)))\n"
        "        if wait(self.v) == 99:\n"
        "            raise ValueError('bad score')\n"
        "        return self.v < other.v\n"
        "items = [Peek(v) for v in (5, 4, 3, 2, 1, 99, 0, 7)]\n"
        "try:\n"
        "    items.sort()\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
        "effect(repr(items))\n"
        "class Meddle(Score):\n"
        "    def __lt__(self, other):\n"
        "        items.append(wait(self))\n"
        "        return self.v < other.v\n"
        "items = [Meddle(2), Meddle(1)]\n"
        "try:\n"
        "    items.sort()\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
        "effect(repr(items))\n"
    ),
    "min and max of objects whose __lt__ or __gt__ waits": (
        "effect(repr([min(scores(3, 1, 1, 2)), max(scores(3, 1, 3, 2)), min(Score(2), Score(1))]))\n"
        "effect(repr([min([], default='none'), max(scores(4, 1), default=0), min(iter(scores(5, 2)))]))\n"
        "effect(repr([min(scores(1, 2), key=lambda s: Score(-s.v)), max([Rank(1), Rank(5), Rank(2)])]))\n"
        "try:\n"
        "    min([])\n"
        "except ValueError as e:\n"
        "    effect(type(e).__name__)\n"
    ),
    "heapq over objects whose __lt__ waits": (
        "heap = []\n"
        "for s in scores(5, 1, 4, 1, 3):\n"
        "    heapq.heappush(heap, s)\n"
        "effect(repr(heap))\n"
        "effect(repr([heapq.heappop(heap), heapq.heapreplace(heap, Score(0, 'r'))]))\n"
        "effect(repr(heapq.heappushpop(heap, Score(9, 'p'))))\n"
        "effect(repr(heap))\n"
        "h = scores(7, 3, 9, 1, 4, 1)\n"
        "heapq.heapify(h)\n"
        "effect(repr(h))\n"
        "effect(repr([heapq.nsmallest(2, scores(4, 2, 8, 2, 1)), heapq.nlargest(3, iter(scores(4, 2, 8, 2, 1)))]))\n"
        "effect(repr([heapq.nsmallest(1, scores(3, 2)), heapq.nlargest(5, scores(1, 2))]))\n"
        "effect(repr(heapq.nsmallest(2, [3, 1, 2], key=lambda v: Score(-v))))\n"
        "effect(repr(list(heapq.merge(scores(1, 4, 6), [Score(2, 'x'), Score(4, 'y')]))))\n"
        "effect(repr(list(heapq.merge([Score(6), Score(1)], [Score(5)], reverse=True))))\n"
        "tasks = []\n"
        "heapq.heappush(tasks, (1, Score(3, 't')))\n"
        "heapq.heappush(tasks, (1, Score(2, 'u')))\n"
        "effect(repr(heapq.heappop(tasks)))\n"
    ),
    "bisect over objects whose __lt__ waits": (
        "ranked = scores(1, 3, 3, 7)\n"
        "effect([bisect.bisect_left(ranked, Score(3)), bisect.bisect_right(ranked, Score(3))])\n"
        "effect(bisect.bisect(ranked, Score(0)))\n"
        "bisect.insort(ranked, Score(3, 'new'))\n"
        "bisect.insort_left(ranked, Score(3, 'left'))\n"
        "effect(repr(ranked))\n"
        "effect(bisect.bisect_left([1, 5, 9], Score(5), key=lambda v: Score(v)))\n"
    ),
    "functools.cmp_to_key with a cmp that waits": (
        "def by_length(a, b):\n"
        "    effect(('cmp', a, b))\n"
        "    return wait(len(a)) - len(b)\n"
        "words = ['ccc', 'a', 'bb', 'd', 'eeee']\n"
        "key = functools.cmp_to_key(by_length)\n"
        "effect(sorted(words, key=key))\n"
        "words.sort(key=key, reverse=True)\n"
        "effect(words)\n"
        "effect([min(words, key=key), max(words, key=key), heapq.nsmallest(2, words, key=key)])\n"
        "k = key('xy')\n"
        "effect([k.obj, k < key('abc'), k == key('zz'), k >= key('abc')])\n"
        "try:\n"
        "    k < 'xy'\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
    "a host key function whose keys' __lt__ waits": (
        "import operator\n"
        "class Row:\n"
        "    def __init__(self, name, v):\n"
        "        self.name = name\n"
        "        self.score = Score(v)\n"
        "rows = [Row('a', 3), Row('b', 1), Row('c', 2), Row('d', 1)]\n"
        "by_score = operator.attrgetter('score')\n"
        "effect([r.name for r in sorted(rows, key=by_score)])\n"
        "effect([max(rows, key=by_score).name, min(iter(rows), key=by_score).name])\n"
        "effect([r.name for r in heapq.nlargest(2, rows, key=by_score)])\n"
        "rows.sort(key=by_score, reverse=True)\n"
        "effect([r.name for r in rows])\n"
    ),
    "dataclass(order=True) records whose fields' comparisons wait": (
        "from dataclasses import dataclass, field\n"
        "class Grade(Score):\n"
        "    def __eq__(self, other):\n"
        "        return wait(self.v) == other.v\n"
        "@dataclass(order=True)\n"
        "class Bid:\n"
        "    grade: Grade\n"
        "    price: int\n"
        "    vendor: str = field(compare=False)\n"
        "bids = [Bid(Grade(g), p, v) for g, p, v in [(2, 9, 'a'), (1, 5, 'b'), (2, 3, 'c'), (1, 5, 'd')]]\n"
        "effect([b.vendor for b in sorted(bids)])\n"
        "effect([max(bids).vendor, min(bids, key=lambda b: b.grade).vendor])\n"
        "effect([bids[0] < bids[1], bids[0] >= bids[2], bids[1] <= bids[3], bids[1].__gt__(bids[3])])\n"
        "effect(bids[0].__lt__(3) is NotImplemented)\n"
        "try:\n"
        "    bids[0] < 3\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
}


@pytest.mark.parametrize("body", list(ORDERING.values()), ids=list(ORDERING))
def test_waits_inside_script_comparisons_of_sorting_min_max_heapq_bisect_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(ORDERING_CLASSES + body)
    assert suspensions == _used(world) > 0


# Runs of values (start, length, step), as real data has them, so that the
# sort's galloping and run detection get their turns; few distinct values
# among them, so that stability matters.
_runs = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 40), st.sampled_from([-1, 0, 1, 2])), max_size=12)
_SORTING = """
calls = [0]
class K:
    __slots__ = ("v", "i")
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        effect((self.i, other.i))
        calls[0] += 1
        if calls[0] == {fail_at}:
            raise ValueError("stop")
        return self.v < other.v
items = [K(v, i) for i, v in enumerate({values})]
try:
    if {in_place}:
        items.sort(key={key}, reverse={reverse})
        result = items
    else:
        result = sorted(items, key={key}, reverse={reverse})
except ValueError:
    result = None
    effect("stopped")
effect([k.i for k in items])
if result is not None:
    effect([k.i for k in result])
calls[0] = -1_000_000
effect([getattr(min(items, default=None), "i", None), getattr(max(items, default=None), "i", None)])
"""


@settings(max_examples=min(settings.default.max_examples, 50))
@given(
    runs=_runs,
    reverse=st.booleans(),
    keyed=st.booleans(),
    in_place=st.booleans(),
    fail_at=st.one_of(st.just(0), st.integers(1, 600)),
)
@example(
    runs=[(7, 40, 0), (3, 40, 1), (30, 40, -1), (0, 40, 2), (5, 40, 0)],
    reverse=True,
    keyed=False,
    in_place=True,
    fail_at=0,
)
@example(runs=[(j % 5, 1, 0) for j in range(200)], reverse=False, keyed=True, in_place=False, fail_at=0)
@example(runs=[(40, 100, -1), (0, 100, 1)], reverse=False, keyed=False, in_place=True, fail_at=500)
def test_sorting_makes_the_comparisons_cpython_makes(
    runs: list[tuple[int, int, int]], reverse: bool, keyed: bool, in_place: bool, fail_at: int
) -> None:
    # Every "<" a script __lt__ sees, in order, and where the items end up
    # (also when a comparison fails part way): as CPython's own sort.
    values = [start + step * j for start, length, step in runs for j in range(length)][:200]
    source = _SORTING.format(
        values=values,
        reverse=reverse,
        in_place=in_place,
        fail_at=fail_at,
        key="lambda k: K(k.v // 2, k.i)" if keyed else "None",
    )
    native_world, _, native_error = gates.run_native(source)
    assert native_error is None
    job, world = gates.run_uninterrupted(source)
    assert job.status == "COMPLETED", job.error
    assert world.log == native_world.log


def test_a_long_sort_that_waits_resumes_from_its_snapshots_running_each_instruction_once() -> None:
    # Long enough for runs, merges and galloping: the sort's own state (its
    # pending runs, a merge's copy aside) travels in the snapshots, and the
    # instructions run, counted over every resume, are the uninterrupted ones.
    values = [(j * 37) % 23 for j in range(70)] + list(range(40)) + list(range(30, 0, -1))
    source = (
        "import heapq\n"
        "calls = [0]\n"
        "class K:\n"
        "    def __init__(self, v, i):\n"
        "        self.v = v\n"
        "        self.i = i\n"
        "    def __lt__(self, other):\n"
        "        calls[0] += 1\n"
        "        if calls[0] % 53 == 0:\n"
        "            return wait(self.v) < other.v\n"
        "        return self.v < other.v\n"
        f"items = [K(v, i) for i, v in enumerate({values})]\n"
        "effect([k.i for k in sorted(items)])\n"
        "items.sort(key=lambda k: K(-k.v, k.i), reverse=True)\n"
        "effect([k.i for k in items])\n"
        "heap = list(items)\n"
        "heapq.heapify(heap)\n"
        "effect([heapq.heappop(heap).i for _ in range(30)])\n"
        "effect([k.i for k in heapq.nsmallest(10, iter(items))])\n"
        "effect(calls[0])\n"
        "del items, heap\n"
    )
    gates.check_exact_once(source, reload=True)


ITERABLES = """
import collections

class Feed:
    # A script __iter__ (a generator) and __len__, the length hint list() asks.
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for item in self.items:
            yield wait(item) + 0
    def __len__(self):
        return wait(len(self.items)) + 0

class Cursor:
    # An iterator whose __iter__ and __next__ are script code.
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        effect('cursor iter')
        return self
    def __next__(self):
        if not self.items:
            raise StopIteration
        return wait(self.items.pop(0)) + 0

class Pages:
    # The sequence protocol: no __iter__, a script __getitem__ (and __len__).
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return wait('p' + str(i)) + ''
    def __len__(self):
        return wait(self.n) + 0

class Settings:
    # A mapping: script keys() and __getitem__.
    def __init__(self, **values):
        self.values = values
    def keys(self):
        return wait(list(self.values)) + []
    def __getitem__(self, key):
        return wait(self.values[key]) + 0

def both(*args, **kwargs):
    return args, sorted(kwargs.items())
"""

ITERATION = {
    "for loops and comprehensions": (
        "for x in Cursor(1, 2):\n"
        "    effect(x)\n"
        "for p in Pages(2):\n"
        "    effect(p)\n"
        "effect([x * 2 for x in Cursor(3)])\n"
        "effect({p: 1 for p in Pages(1)})\n"
        "effect(sum(x for x in Feed(4, 5)))\n"
        "c = Cursor(6, 7)\n"
        "for x in c:\n"
        "    effect(x)\n"
        "    break\n"
        "for x in c:\n"
        "    effect(('rest', x))\n"
    ),
    "unpacking": (
        "a, b = Feed(1, 2)\n"
        "c, d = Cursor(3, 4)\n"
        "e, f = Pages(2)\n"
        "g, *h = Feed(5, 6, 7)\n"
        "*i, j = Pages(3)\n"
        "def gen():\n"
        "    yield wait(8)\n"
        "    yield wait(9)\n"
        "k, m = gen()\n"
        "effect([a, b, c, d, e, f, g, h, i, j, k, m])\n"
    ),
    "unpacking errors": (
        "for target in ('a, = Feed(1, 2)', 'a, b, c = Cursor(1, 2)', 'a, b, *c = Pages(1)', 'a, b = 5'):\n"
        "    try:\n"
        "        exec(target)\n"
        "    except (ValueError, TypeError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
    ),
    "*iterable in calls and displays": (
        "effect(both(*Feed(1, 2)))\n"
        "effect(both(0, *Cursor(3), *Pages(1)))\n"
        "effect([0, *Feed(4), *Pages(2)])\n"
        "effect((*Cursor(5, 6),))\n"
        "effect(sorted({*Feed(7, 8), *Cursor(1)}))\n"
    ),
    "**mapping in calls and displays": (
        "effect(both(**Settings(a=1, b=2)))\n"
        "effect(both(1, z=0, **Settings(c=3)))\n"
        "effect(both(*Feed(5), **Settings(e=6)))\n"
        "effect({'z': 0, **Settings(d=4)})\n"
        "class Partial(Settings):\n"
        "    def __getitem__(self, key):\n"
        "        if key == 'bad':\n"
        "            raise KeyError(key)\n"
        "        return super().__getitem__(key)\n"
        "for call in (lambda: both(a=0, **Settings(a=1)), lambda: both(**Partial(bad=1)), lambda: {**Partial(bad=1)}):\n"
        "    try:\n"
        "        call()\n"
        "    except (TypeError, KeyError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
    ),
    "builtins that take an iterable": (
        "effect(list(Feed(1, 2)))\n"
        "effect(tuple(Cursor(3)))\n"
        "effect(sorted(Pages(2), reverse=True))\n"
        "effect(sorted(set(Feed(4, 5))))\n"
        "effect(dict(zip('ab', Cursor(6, 7))))\n"
        "effect(dict(Settings(x=8)))\n"
        "effect(list(collections.deque(Pages(1))))\n"
        "effect(list(enumerate(Cursor(9))))\n"
        "effect([min(Feed(3, 1)), max(Cursor(2, 5)), 'p1' in Pages(3)])\n"
        "it = iter(Cursor(10, 11))\n"
        "effect([next(it), next(it), next(it, 'end')])\n"
    ),
    "methods that take an iterable": (
        "items = [0]\n"
        "items.extend(Feed(1, 2))\n"
        "items.extend(Pages(1))\n"
        "seen = set()\n"
        "seen.update(Cursor(3), Feed(4))\n"
        "table = {}\n"
        "table.update(Settings(a=5))\n"
        "table.update(zip('bc', Feed(6, 7)))\n"
        "table.update(Settings(d=8), e=9)\n"
        "queue = collections.deque()\n"
        "queue.extend(Cursor(10))\n"
        "effect([items, sorted(seen), table, list(queue), '-'.join(Pages(2)), '+'.join(map(str, Feed(11)))])\n"
    ),
    "map and filter of a callable object": (
        "class Score:\n"
        "    def __init__(self, bonus):\n"
        "        self.bonus = bonus\n"
        "    def __call__(self, x):\n"
        "        return wait(x) + self.bonus\n"
        "class Keep:\n"
        "    def __call__(self, x):\n"
        "        return wait(x) > 1\n"
        "effect(list(map(Score(10), [1, 2])))\n"
        "effect(list(filter(Keep(), [1, 2, 3])))\n"
        "effect(list(map(Score(0), Feed(4))))\n"
    ),
    "slices": (
        "class Window:\n"
        "    def __init__(self):\n"
        "        self.stored = {}\n"
        "    def __getitem__(self, s):\n"
        "        return [wait(s.start), s.stop]\n"
        "    def __setitem__(self, s, value):\n"
        "        self.stored[(s.start, s.stop)] = wait(value)\n"
        "w = Window()\n"
        "w[1:3] = 'x'\n"
        "effect([w[2:4], w[:1], w.stored])\n"
    ),
}


@pytest.mark.parametrize("body", list(ITERATION.values()), ids=list(ITERATION))
def test_waits_inside_script_iteration_that_instructions_and_builtins_run_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(ITERABLES + body)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"


# iter() of an object with no __iter__ and a script __getitem__ gives an
# iterator stepped on the VM: as CPython's sequence iterator, whoever steps it.
SEQUENCE_ITERATOR = (
    "import copy, heapq, operator\n"
    "class Rows:\n"
    "    # No __len__: the iterator's length hint is NotImplemented.\n"
    "    def __init__(self, *items):\n"
    "        self.items = list(items)\n"
    "    def __getitem__(self, i):\n"
    "        if i >= len(self.items):\n"
    "            raise IndexError(i)\n"
    "        if self.items[i] is None:\n"
    "            raise ValueError(wait('missing row ' + str(i)))\n"
    "        return wait(self.items[i]) + 0\n"
    "class Stops:\n"
    "    def __getitem__(self, i):\n"
    "        if wait(i) == 2:\n"
    "            raise StopIteration\n"
    "        return i\n"
    "it = iter(Pages(4))\n"
    "effect([type(it).__name__, iter(it) is it, it.__length_hint__()])\n"
    "effect([next(it), it.__next__(), it.__length_hint__(), it.__reduce__()[0] is iter, it.__reduce__()[2]])\n"
    "effect([p for p in it])\n"
    "effect([next(it, 'end'), list(it), operator.length_hint(it), it.__reduce__()[1]])\n"
    "rows = Rows(1, 2, None, 4)\n"
    "it = iter(rows)\n"
    "effect([next(it), next(it), it.__length_hint__() is NotImplemented, operator.length_hint(it)])\n"
    "try:\n"
    "    next(it)\n"
    "except ValueError as e:\n"
    "    effect(['error', str(e)])\n"
    "rows.items[2] = 3\n"
    "effect([next(it), list(it)])\n"
    "rows.items.append(5)\n"
    "effect(next(it, 'stays exhausted'))\n"
    "for step in (lambda: next(iter(Rows())), lambda: iter(Rows(None)).__next__(), it.__next__):\n"
    "    try:\n"
    "        step()\n"
    "    except (StopIteration, ValueError) as e:\n"
    "        effect([type(e).__name__, e.args, repr(e.__context__)])\n"
    "it = iter(Rows(7, 8, 9))\n"
    "it.__setstate__(-5)\n"
    "effect(next(it))\n"
    "for state in (1.5, 2 ** 70, '1'):\n"
    "    try:\n"
    "        it.__setstate__(state)\n"
    "    except (TypeError, OverflowError) as e:\n"
    "        effect([type(e).__name__, str(e)])\n"
    "it.__setstate__(True)\n"
    "effect(next(it))\n"
    "it.__setstate__(2)\n"
    "effect([list(zip(it, 'ab')), next(it, 'x')])\n"
    "it = iter(Rows(1, 2, 3))\n"
    "effect([2 in it, list(it)])\n"
    "it = iter(Rows(4, 5, 6))\n"
    "next(it)\n"
    "twin = copy.copy(it)\n"
    "effect([next(twin), next(it), list(twin), list(it)])\n"
    "effect([list(iter(Stops())), '-'.join(iter(Pages(2)))])\n"
    "effect(list(heapq.merge(iter(Rows(1, 5)), Rows(2, 3))))\n"
)


def test_the_sequence_protocols_iterator_behaves_natively_and_resumes_where_it_waited() -> None:
    world, suspensions = _resumed_as_native(ITERABLES + SEQUENCE_ITERATOR)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(ITERABLES + SEQUENCE_ITERATOR, reload=True)


# iter(callable, sentinel) of a script callable gives an iterator stepped on
# the VM: as CPython's callable iterator, whoever steps it.
CALLABLE_ITERATOR = (
    "import copy, operator\n"
    "queue = [3, 1, 4, 0, 5]\n"
    "def take():\n"
    "    return wait(queue.pop(0)) + 0\n"
    "it = iter(take, 0)\n"
    "effect([type(it).__name__, iter(it) is it, hasattr(it, '__length_hint__'), operator.length_hint(it, 7)])\n"
    "effect([next(it), it.__next__(), it.__reduce__()[0] is iter, it.__reduce__()[1][1]])\n"
    "effect([x for x in it])\n"
    "effect([next(it, 'end'), list(it), it.__reduce__()[1], list(queue)])\n"
    "class Token:\n"
    "    # A sentinel with a script __eq__ that waits.\n"
    "    def __eq__(self, other):\n"
    "        return wait(other == 'stop')\n"
    "words = iter(['a', 'b', 'stop', 'c'])\n"
    "class Reader:\n"
    "    def __call__(self):\n"
    "        return next(words)\n"
    "effect(list(iter(Reader(), Token())))\n"
    "effect(next(words))\n"
    "def ends():\n"
    "    if wait(len(queue)) == 0:\n"
    "        raise StopIteration\n"
    "    return queue.pop()\n"
    "queue.extend([8, 9])\n"
    "effect(['-'.join(map(str, iter(ends, None))), list(queue)])\n"
    "calls = [1, 2, 3, 3]\n"
    "it = iter(lambda: wait(calls.pop(0)), 3)\n"
    "twin = copy.copy(it)\n"
    "effect([next(it), next(twin), list(it), list(twin)])\n"
    "def broken():\n"
    "    raise ValueError(wait('broken'))\n"
    "it = iter(broken, None)\n"
    "try:\n"
    "    next(it)\n"
    "except ValueError as e:\n"
    "    effect(['error', str(e), it.__reduce__()[1][0] is broken])\n"
    "effect(sum(iter(iter([1, 2, 3, 0]).__next__, 0)))\n"
    "class Sized:\n"
    "    def __len__(self):\n"
    "        return wait(12) + 0\n"
    "class Hinted:\n"
    "    def __init__(self, hint):\n"
    "        self.hint = hint\n"
    "    def __length_hint__(self):\n"
    "        return wait(self.hint)\n"
    "class Unsized:\n"
    "    def __len__(self):\n"
    "        raise TypeError(wait('no len'))\n"
    "    def __length_hint__(self):\n"
    "        return wait(4)\n"
    "effect([operator.length_hint(Sized()), operator.length_hint(Hinted(5), 1), operator.length_hint(Hinted(NotImplemented), 9)])\n"
    "effect([operator.length_hint(Unsized()), operator.length_hint(Hinted(NotImplemented))])\n"
    "for hint, default in ((-1, 0), ('x', 0), (2, 'd')):\n"
    "    try:\n"
    "        operator.length_hint(Hinted(hint), default)\n"
    "    except (TypeError, ValueError) as e:\n"
    "        effect([type(e).__name__, str(e)])\n"
)


def test_the_callable_iterator_and_length_hint_behave_natively_and_resume_where_they_waited() -> None:
    world, suspensions = _resumed_as_native(CALLABLE_ITERATOR)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(CALLABLE_ITERATOR, reload=True)


# gen.close() called by the script: GeneratorExit thrown in at the yield on
# the VM, so a wait in the generator's finally or except is resumable.
GENERATOR_CLOSE = (
    "def rows(name):\n"
    "    try:\n"
    "        yield 1\n"
    "        yield 2\n"
    "    finally:\n"
    "        effect(('released', name, wait(name)))\n"
    "it = rows('a')\n"
    "effect([next(it), it.close(), it.close(), next(it, 'done')])\n"
    "fresh = rows('b')\n"
    "effect([fresh.close(), next(fresh, 'never started')])\n"
    "def stubborn():\n"
    "    ignored = 0\n"
    "    while True:\n"
    "        try:\n"
    "            yield 'tick'\n"
    "        except GeneratorExit:\n"
    "            if ignored:\n"
    "                return\n"
    "            ignored += 1\n"
    "            effect(wait('ignored'))\n"
    "s = stubborn()\n"
    "next(s)\n"
    "try:\n"
    "    s.close()\n"
    "except RuntimeError as e:\n"
    "    effect(['error', str(e)])\n"
    "effect([s.close(), s.gi_frame is None])\n"
    "def answers():\n"
    "    try:\n"
    "        yield 'x'\n"
    "    except GeneratorExit:\n"
    "        return 'kept:' + wait('kept')\n"
    "g = answers()\n"
    "next(g)\n"
    "effect(g.close())\n"
    "def failing():\n"
    "    try:\n"
    "        yield 0\n"
    "    finally:\n"
    "        raise ValueError(wait('cleanup failed'))\n"
    "h = failing()\n"
    "next(h)\n"
    "try:\n"
    "    h.close()\n"
    "except ValueError as e:\n"
    "    effect(['raised', str(e), type(e.__context__).__name__])\n"
    "def plain():\n"
    "    try:\n"
    "        yield 1\n"
    "    finally:\n"
    "        effect('plain cleanup')\n"
    "def outer():\n"
    "    yield from plain()\n"
    "o = outer()\n"
    "next(o)\n"
    "effect([o.close(), o.gi_frame is None])\n"
)


def test_a_generator_closed_by_the_script_resumes_where_its_cleanup_waits() -> None:
    world, suspensions = _resumed_as_native(GENERATOR_CLOSE)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(GENERATOR_CLOSE, reload=True)


# re.finditer() held across waits: its scanner's position cannot be read,
# so a snapshot keeps how many matches were taken (snapshot/iterators.py).
FINDITER = (
    "import re\n"
    "text = 'alpha, beta,, gamma delta'\n"
    "for m in re.finditer(r'(?P<word>\\w+)', text):\n"
    "    effect((m.group('word'), m.span(), wait(m.start())))\n"
    "words = re.compile(r'\\w*')\n"
    "it = words.finditer(text, 3, endpos=20)\n"
    "first = next(it)\n"
    "effect([first.group(), first.span(), wait('empty matches')])\n"
    "effect([(m.group(), m.span()) for m in it if wait(m.end()) >= 0])\n"
    "effect([next(it, 'exhausted'), wait('after'), next(it, 'still exhausted')])\n"
    "for flags in (re.I, 0):\n"
    "    found = re.finditer('B', 'abAB', flags)\n"
    "    effect([m.start() for m in found if wait(m.start()) is not None])\n"
    "try:\n"
    "    re.finditer(words, text, re.I)\n"
    "except ValueError as e:\n"
    "    effect(str(e))\n"
)


def test_a_finditer_loop_waits_and_resumes_at_its_match() -> None:
    world, suspensions = _resumed_as_native(FINDITER)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(FINDITER, reload=True)


RE_SUB = (
    "import re\n"
    "text = 'Call ana at 555-0101 or bo at 555-0199.'\n"
    "def redact(m):\n"
    "    return wait('[' + m.group('who') + ']') if m.group('who') else None\n"
    "pattern = re.compile(r'(?P<who>[a-z]+)? ?at (\\d{3}-\\d{4})')\n"
    "effect(pattern.sub(redact, text))\n"
    "effect(pattern.subn(lambda m: wait(m.group(2)[-2:]), text, 1))\n"
    "effect(re.sub(r'\\d', lambda m: wait(str(9 - int(m.group()))), 'a1b22', count=2))\n"
    "effect(re.subn('x*', lambda m: wait('-'), 'abxd'))\n"
    "effect(re.sub('A', lambda m: wait('z'), 'aAa', flags=re.I))\n"
    "effect(re.sub(b'a', lambda m: wait(b'b'), b'aXa'))\n"
    "effect(re.sub('a', lambda m: wait('b'), 'aaa', count=-1))\n"
    "for bad in (lambda m: wait(1), lambda m: wait(b'x')):\n"
    "    try:\n"
    "        re.sub('a', bad, 'xax')\n"
    "    except TypeError as e:\n"
    "        effect(str(e))\n"
    "try:\n"
    "    re.sub('(', lambda m: wait('never'), 'x')\n"
    "except re.error as e:\n"
    "    effect(type(e).__name__)\n"
    "effect(re.sub('o', 'O', 'foo'))\n"
)


def test_re_sub_with_a_callable_that_waits() -> None:
    world, suspensions = _resumed_as_native(RE_SUB)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(RE_SUB, reload=True)


ATTRIBUTE_BUILTINS = (
    "class Settings:\n"
    "    def __init__(self):\n"
    "        object.__setattr__(self, 'values', {})\n"
    "    def __setattr__(self, name, value):\n"
    "        self.values[name] = wait(value)\n"
    "    def __getattribute__(self, name):\n"
    "        if name.startswith('_') or name == 'values':\n"
    "            return object.__getattribute__(self, name)\n"
    "        return wait(object.__getattribute__(self, 'values')[name])\n"
    "    def __delattr__(self, name):\n"
    "        del self.values[wait(name)]\n"
    "s = Settings()\n"
    "for key, value in [('model', 'small'), ('retries', 3)]:\n"
    "    setattr(s, key, value)\n"
    "effect([getattr(s, 'model'), getattr(s, 'retries', 0), dict(s.values)])\n"
    "delattr(s, 'model')\n"
    "effect([sorted(s.values), getattr(s, '_missing', 'fallback')])\n"
    "try:\n"
    "    getattr(s, 'model')\n"
    "except KeyError as e:\n"
    "    effect(['KeyError', str(e)])\n"
    "class Ticket:\n"
    "    def __init__(self):\n"
    "        self._status = 'new'\n"
    "    @property\n"
    "    def status(self):\n"
    "        return self._status\n"
    "    @status.setter\n"
    "    def status(self, value):\n"
    "        self._status = wait(value)\n"
    "    @status.deleter\n"
    "    def status(self):\n"
    "        self._status = wait('deleted')\n"
    "t = Ticket()\n"
    "setattr(t, 'status', 'open')\n"
    "effect(t.status)\n"
    "delattr(t, 'status')\n"
    "effect([t.status, hasattr(t, 'status')])\n"
    "class Field:\n"
    "    def __set_name__(self, owner, name):\n"
    "        self.name = '_' + name\n"
    "    def __get__(self, obj, owner=None):\n"
    "        return getattr(obj, self.name, None)\n"
    "    def __set__(self, obj, value):\n"
    "        object.__setattr__(obj, self.name, wait(value))\n"
    "    def __delete__(self, obj):\n"
    "        object.__delattr__(obj, self.name + wait(''))\n"
    "class Record:\n"
    "    label = Field()\n"
    "r = Record()\n"
    "setattr(r, 'label', 'urgent')\n"
    "effect(r.label)\n"
    "delattr(r, 'label')\n"
    "effect(r.label)\n"
    "for call in (lambda: setattr(t, 1, 2), lambda: delattr(t, 'nothing'), lambda: getattr(t, 'nothing')):\n"
    "    try:\n"
    "        call()\n"
    "    except (TypeError, AttributeError) as e:\n"
    "        effect([type(e).__name__, str(e)])\n"
)


def test_the_attribute_builtins_run_script_hooks_on_the_vm() -> None:
    world, suspensions = _resumed_as_native(ATTRIBUTE_BUILTINS)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"
    gates.check_exact_once(ATTRIBUTE_BUILTINS, reload=True)


def test_in_over_a_native_iterator_of_script_iterators_searches_it_once() -> None:
    # itertools.pairwise has taken items when it reaches the script
    # __next__: the search goes on where it is, never from the start.
    body = (
        "import itertools\n"
        "class Count:\n"
        "    def __init__(self):\n"
        "        self.i = 0\n"
        "    def __iter__(self):\n"
        "        return self\n"
        "    def __next__(self):\n"
        "        self.i += 1\n"
        "        if self.i > 3:\n"
        "            raise StopIteration\n"
        "        effect(('next', self.i))\n"
        "        return self.i\n"
        "effect((2, 3) in itertools.pairwise(Count()))\n"
        "effect((2, 'b') in itertools.zip_longest(Count(), 'ab'))\n"
        "effect(2 in Count())\n"
    )
    _resumed_as_native(body)


NUMBERS = {
    "range and subscripts with a script __index__": (
        "class Pos:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "effect([list(range(Pos(3))), list(range(Pos(1), Pos(7), Pos(2)))])\n"
        "items = [5, 6, 7, 8]\n"
        "effect([items[Pos(1)], items[Pos(1):], items[:Pos(2)], items[Pos(0):Pos(3):Pos(2)], 'abc'[Pos(2)]])\n"
        "items[Pos(2)] = 'x'\n"
        "del items[Pos(0)]\n"
        "items[Pos(0):Pos(1)] = ['a', 'b']\n"
        "effect(items)\n"
        "for bad in ('items[Pos(9)]', 'items[Pos(0)::Pos(0)]', \"items[Pos(0):'x':Pos(1)]\", \"range(Pos(1), 'x')\"):\n"
        "    try:\n"
        "        eval(bad)\n"
        "    except (IndexError, ValueError, TypeError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
    ),
    "operator.index, hex/oct/bin and sequence repetition": (
        "import operator\n"
        "class Pos:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "effect([operator.index(Pos(4)), hex(Pos(255)), oct(Pos(8)), bin(Pos(5))])\n"
        "effect(['ab' * Pos(3), [0] * Pos(2), Pos(2) * 'x', (1,) * Pos(2)])\n"
        "s, items = 'q', [1]\n"
        "s *= Pos(3)\n"
        "items *= Pos(2)\n"
        "effect([s, items])\n"
        "class Bad:\n"
        "    def __index__(self):\n"
        "        return wait('x')\n"
        "for bad in (lambda: operator.index(Bad()), lambda: [1][Bad()], lambda: 'a' * Bad()):\n"
        "    try:\n"
        "        bad()\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
    ),
    "int, float and complex": (
        "class Amount:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __int__(self):\n"
        "        return wait(self.v)\n"
        "    def __float__(self):\n"
        "        return wait(self.v) + 0.5\n"
        "    def __complex__(self):\n"
        "        return complex(wait(self.v), 1)\n"
        "class Count:\n"
        "    def __index__(self):\n"
        "        return wait(7)\n"
        "effect([int(Amount(3)), float(Amount(3)), complex(Amount(3))])\n"
        "effect([int(Count()), float(Count()), complex(Count())])\n"
        "class Bad:\n"
        "    def __int__(self):\n"
        "        return wait('s')\n"
        "    def __float__(self):\n"
        "        return wait(1)\n"
        "for bad in (int, float, complex):\n"
        "    try:\n"
        "        bad(Bad())\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
    ),
    "abs, round, divmod, pow and math's roundings": (
        "import math\n"
        "class Amount:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __abs__(self):\n"
        "        return wait(abs(self.v))\n"
        "    def __round__(self, n=None):\n"
        "        return (wait(self.v), n)\n"
        "    def __divmod__(self, other):\n"
        "        return (wait(self.v) // other, 0)\n"
        "    def __rdivmod__(self, other):\n"
        "        return ('r', wait(other))\n"
        "    def __pow__(self, other, mod=None):\n"
        "        return (wait(self.v), other, mod)\n"
        "    def __rpow__(self, other):\n"
        "        return ('rpow', wait(other))\n"
        "    def __floor__(self):\n"
        "        return wait(1)\n"
        "    def __ceil__(self):\n"
        "        return wait(2)\n"
        "    def __trunc__(self):\n"
        "        return wait(3)\n"
        "a = Amount(-5)\n"
        "effect([abs(a), round(a), round(a, 2), divmod(a, 2), divmod(3, a), pow(a, 2), pow(a, 2, 5), pow(2, a)])\n"
        "effect([a ** 2, 2 ** a, math.floor(a), math.ceil(a), math.trunc(a)])\n"
        "class Real:\n"
        "    def __float__(self):\n"
        "        return wait(2.5)\n"
        "effect([math.floor(Real()), math.ceil(Real())])\n"
        "for bad in (lambda: divmod(Real(), 1), lambda: pow(Real(), 2), lambda: Real() ** 2):\n"
        "    try:\n"
        "        bad()\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
    ),
    "int() by __trunc__": (
        "class Cut:\n"
        "    def __trunc__(self):\n"
        "        return wait(4)\n"
        "effect(int(Cut()))\n"
    ),
}


@pytest.mark.parametrize("body", list(NUMBERS.values()), ids=list(NUMBERS))
def test_waits_inside_script_number_conversions_native_code_calls_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0


RAISING_CONTEXTS = {
    "the with-block's exception handled in the generator": (
        "import contextlib\n"
        "@contextlib.contextmanager\n"
        "def guard(n):\n"
        "    try:\n"
        "        yield wait(n)\n"
        "    except KeyError as e:\n"
        "        effect(('handled', e.args[0], wait(n) + 1))\n"
        "with guard(1) as got:\n"
        "    raise KeyError(got + 1)\n"
        "effect('after')\n"
    ),
    "a finally that waits, a new exception, a second yield, StopIteration": (
        "import contextlib\n"
        "@contextlib.contextmanager\n"
        "def cleanup(n):\n"
        "    try:\n"
        "        yield n\n"
        "    finally:\n"
        "        effect(('finally', wait(n)))\n"
        "try:\n"
        "    with cleanup(1):\n"
        "        raise ValueError('v')\n"
        "except ValueError as e:\n"
        "    effect((str(e), e.__traceback__ is not None, e.__context__))\n"
        "@contextlib.contextmanager\n"
        "def translate():\n"
        "    try:\n"
        "        yield\n"
        "    except ValueError as e:\n"
        "        effect(wait('translate'))\n"
        "        raise TypeError('t') from e\n"
        "try:\n"
        "    with translate():\n"
        "        raise ValueError('x')\n"
        "except TypeError as e:\n"
        "    effect((str(e), repr(e.__cause__), repr(e.__context__)))\n"
        "@contextlib.contextmanager\n"
        "def again():\n"
        "    try:\n"
        "        yield\n"
        "    except ValueError:\n"
        "        effect(wait('again'))\n"
        "    yield\n"
        "try:\n"
        "    with again():\n"
        "        raise ValueError('y')\n"
        "except RuntimeError as e:\n"
        "    effect(str(e))\n"
        "@contextlib.contextmanager\n"
        "def stops():\n"
        "    try:\n"
        "        yield\n"
        "    except StopIteration:\n"
        "        effect(wait('stop'))\n"
        "        raise\n"
        "try:\n"
        "    with stops():\n"
        "        raise StopIteration(3)\n"
        "except StopIteration as e:\n"
        "    effect(('stop escaped', e.args))\n"
        "@contextlib.contextmanager\n"
        "def suppressing():\n"
        "    try:\n"
        "        yield\n"
        "    except Exception as e:\n"
        "        effect(('suppressed', repr(e), wait(1)))\n"
        "with suppressing():\n"
        "    with suppressing():\n"
        "        raise KeyError('inner')\n"
        "    raise KeyError('outer')\n"
        "effect('end')\n"
    ),
}


@pytest.mark.parametrize("body", list(RAISING_CONTEXTS.values()), ids=list(RAISING_CONTEXTS))
def test_waits_inside_a_contextmanager_handling_the_with_blocks_exception_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0


FORMATTING = {
    "%-formatting": (
        "class Shown:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __str__(self):\n"
        "        return 's' + str(wait(self.v))\n"
        "    def __repr__(self):\n"
        "        return 'R' + str(wait(self.v))\n"
        "class Num:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "class Upper:\n"
        "    def __getitem__(self, key):\n"
        "        return wait(key.upper())\n"
        "effect('%s' % Shown(1))\n"
        "effect('%r|%5s|%-6r|%.2s|%a' % (Shown(1), Shown(2), Shown(3), Shown(4), Shown(5)))\n"
        "effect('%d %x %X %#o %c' % (Num(12), Num(255), Num(255), Num(8), Num(65)))\n"
        "effect('%5.1f %i %+u' % (Num(3), Num(4), Num(5)))\n"
        "effect('%(k)s and %(ab)s %%' % Upper())\n"
        "effect('%*s|%-*d|%.*f' % (5, Shown(1), 4, Num(2), 2, 1.5))\n"
        "text = '%s'\n"
        "text %= Shown(9)\n"
        "effect(text)\n"
        "for bad in ['%s %s', '%s %y', '%d', '%(a)s', '%s %', '%c', '%s']:\n"
        "    try:\n"
        "        effect(bad % (Shown(1), 2)[: 1 if bad != '%s' else 2])\n"
        "    except (TypeError, ValueError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
        "class BadInt:\n"
        "    def __int__(self):\n"
        "        return wait('x')\n"
        "    def __index__(self):\n"
        "        return wait('y')\n"
        "for spec in ['%d', '%x', '%c']:\n"
        "    try:\n"
        "        effect(spec % BadInt())\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
    ),
    "str.format and str.format_map": (
        "class Ticket:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    @property\n"
        "    def label(self):\n"
        "        return 'L' + str(wait(self.v))\n"
        "    def __getitem__(self, key):\n"
        "        return ('item', wait(key))\n"
        "    def __format__(self, spec):\n"
        "        return format(wait(self.v), spec)\n"
        "    def __str__(self):\n"
        "        return 'str' + str(wait(self.v))\n"
        "    def __repr__(self):\n"
        "        return 'repr' + str(wait(self.v))\n"
        "t = Ticket(3)\n"
        "effect('{}|{:>5}|{!s}|{!r}'.format(t, Ticket(4), Ticket(5), Ticket(6)))\n"
        "effect('{0}|{1:>5}|{2!s}|{3!r}|{0.label}'.format(t, Ticket(4), Ticket(5), Ticket(6)))\n"
        "effect('{0[k]} {0[2]} {x.label} {x[a]}'.format(t, x=Ticket(7)))\n"
        "effect('{:{}}|{a:>{w}}'.format(Ticket(8), '>4', a=Ticket(9), w=3))\n"
        "class Doubled:\n"
        "    def __getitem__(self, key):\n"
        "        return wait(key * 2)\n"
        "effect('{a}-{bb}'.format_map(Doubled()))\n"
        "for bad in ['{0[}', '{a.}', '{0}{}', '{}{0}', '{:{:{}}}', '{0!x}', '{5}', '{z}', '}', '{0.nope}']:\n"
        "    try:\n"
        "        effect(bad.format(t, t, t))\n"
        "    except (ValueError, IndexError, KeyError, AttributeError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
        "try:\n"
        "    '{0}'.format_map(Doubled())\n"
        "except ValueError as e:\n"
        "    effect(str(e))\n"
    ),
    "string.Template": (
        "import string\n"
        "class Names:\n"
        "    def __getitem__(self, key):\n"
        "        if key == 'missing':\n"
        "            raise KeyError(key)\n"
        "        return wait(key.upper())\n"
        "class Shown:\n"
        "    def __str__(self):\n"
        "        return 'S' + wait('x')\n"
        "t = string.Template('$a and ${bb} cost $$5 $c')\n"
        "effect([t.substitute(Names()), t.substitute(Names(), c=Shown()), t.substitute(a=Shown(), bb=1, c=2)])\n"
        "effect(string.Template('$missing $a $').safe_substitute(Names()))\n"
        "for bad in ['$missing', '$a $', 'x\\n  $1']:\n"
        "    try:\n"
        "        string.Template(bad).substitute(Names())\n"
        "    except (KeyError, ValueError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
        "try:\n"
        "    t.substitute(1, 2)\n"
        "except TypeError as e:\n"
        "    effect(str(e))\n"
    ),
}


@pytest.mark.parametrize("body", list(FORMATTING.values()), ids=list(FORMATTING))
def test_waits_inside_script_code_str_formatting_calls_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0


def test_a_future_held_by_a_converted_object_is_not_waited_for_before_the_script_uses_it() -> None:
    # The runtime's helpers (and type/isinstance) look at the object's type
    # only: the pending future in its attribute is waited for where the
    # script reads it.  (A host call's arguments, %-formatting's included,
    # are searched for futures, by design: not used here.)
    body = (
        "class Pos:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "        self.later = wait('later')\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "p = Pos(1)\n"
        "items = [5, 6]\n"
        "items[p] = 7\n"
        "effect([items[p], items[p:], 'ab' * p, [0] * p, type(p).__name__, isinstance(p, Pos), p.later])\n"
    )
    world = gates.World(start_open=False)
    job = statek_vm.run(body, world.bindings())
    awaited = []
    while job.status == "SUSPENDED":
        gate = job.awaited_result.deps
        awaited.append(gate.value)
        gate.open = True
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert world.log == gates.run_native(body)[0].log
    assert awaited == [1, 1, 1, 1, 1, "later"]


# -- index arguments of host methods and builtins -----------------------------------

INDEX_ARGUMENTS = {
    "list, deque and str methods": (
        "import collections\n"
        "class Pos:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "items = [1, 2, 3, 4]\n"
        "effect([items.pop(Pos(1)), items.pop(Pos(-1))])\n"
        "items.insert(Pos(1), 'x')\n"
        "list.insert(items, 0, 'y')\n"
        "effect(items)\n"
        "d = collections.deque([1, 2, 3])\n"
        "d.rotate(Pos(1))\n"
        "d.insert(Pos(0), 'z')\n"
        "effect(list(d))\n"
        "effect(['x'.ljust(Pos(4), '.'), 'x'.rjust(Pos(3)), 'x'.center(Pos(5), '*'), '7'.zfill(Pos(3))])\n"
        "effect(['a\\tb'.expandtabs(Pos(4)), 'a,b,c'.split(',', Pos(1)), 'a b c'.rsplit(maxsplit=Pos(1))])\n"
        "effect(['aaa'.replace('a', 'b', Pos(2)), 'abcb'.find('b', Pos(2)), 'abcb'.count('b', Pos(0), Pos(2))])\n"
        "effect(['abc'.startswith('b', Pos(1)), b'x'.ljust(Pos(3)), bytearray(b'ab').pop(Pos(0))])\n"
        "effect((5).to_bytes(Pos(2), 'big'))\n"
    ),
    "round, islice, bytes and builtin functions": (
        "import itertools, math\n"
        "class Pos:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "effect([round(1.2345, Pos(2)), round(1234, Pos(-2)), round(True, Pos(0))])\n"
        "effect([list(itertools.islice('abcdef', Pos(3))), list(itertools.islice('abcdef', Pos(1), Pos(5), Pos(2)))])\n"
        "effect(list(itertools.islice(iter('abcdef'), None, Pos(2))))\n"
        "effect([bytes(Pos(2)), bytearray(Pos(3)), chr(Pos(65)), math.factorial(Pos(4)), math.comb(Pos(5), Pos(2))])\n"
        "effect([list(itertools.repeat('a', Pos(2))), list(itertools.combinations('abc', Pos(2)))])\n"
        "effect(list(enumerate('ab', Pos(5))))\n"
    ),
    "errors as natively": (
        "import itertools\n"
        "class Bad:\n"
        "    def __init__(self, v):\n"
        "        self.v = v\n"
        "    def __index__(self):\n"
        "        return wait(self.v)\n"
        "class Fails:\n"
        "    def __index__(self):\n"
        "        raise KeyError(wait('k'))\n"
        "class Items(Bad):\n"
        "    def __iter__(self):\n"
        "        yield wait(7)\n"
        "cases = [\n"
        "    lambda: [1].pop(Bad('x')), lambda: [].pop(Bad(0)), lambda: 'a'.ljust(Bad(3), 'xy'),\n"
        "    lambda: 'a'.replace(1, 'b', Bad(1)), lambda: 'a'.zfill(Bad(2**70)), lambda: [1].insert(Fails(), 2),\n"
        "    lambda: round(2.5, Bad('s')), lambda: chr(Bad(-1)), lambda: bytes(Bad('x')), lambda: bytearray(Bad(-1)),\n"
        "    lambda: bytes(Items('x')), lambda: bytes(Fails()),\n"
        "    lambda: itertools.islice('ab', Bad('x')), lambda: itertools.islice('ab', Bad(-1)),\n"
        "    lambda: itertools.islice('ab', Bad(-2)), lambda: itertools.islice('ab', Bad(0), Bad('x')),\n"
        "    lambda: itertools.islice('ab', Fails(), Bad(1)), lambda: itertools.islice('ab', 0, 1, Bad(0)),\n"
        "    lambda: itertools.islice('ab', Bad(1), 1, 1, 1), lambda: itertools.islice('ab', Bad(2**70)),\n"
        "]\n"
        "for case in cases:\n"
        "    try:\n"
        "        effect(case())\n"
        "    except (TypeError, ValueError, IndexError, KeyError, OverflowError) as e:\n"
        "        effect(type(e).__name__ + ': ' + str(e))\n"
        "del cases, case\n"
    ),
}


@pytest.mark.parametrize("body", list(INDEX_ARGUMENTS.values()), ids=list(INDEX_ARGUMENTS))
def test_waits_inside_a_script_index_that_host_methods_and_builtins_call_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0
    _resumed_from_snapshots_as_native(body)


# -- gen.throw() called by the script ----------------------------------------------

GENERATOR_THROWS = {
    "throw into a generator at a yield": (
        "def worker():\n"
        "    try:\n"
        "        yield 1\n"
        "    except KeyError as e:\n"
        "        effect(('caught', wait(str(e))))\n"
        "        yield 2\n"
        "    yield 3\n"
        "g = worker()\n"
        "effect([next(g), g.throw(KeyError('k')), next(g), next(g, 'end')])\n"
        "g = worker()\n"
        "next(g)\n"
        "effect(g.throw(KeyError))\n"
    ),
    "throw through a yield from chain": (
        "class Retry(Exception):\n"
        "    pass\n"
        "def inner(n):\n"
        "    while True:\n"
        "        try:\n"
        "            yield n\n"
        "        except Retry as e:\n"
        "            effect(('inner', wait(n)))\n"
        "            if e.args and e.args[0] == 'stop':\n"
        "                return wait('done')\n"
        "            if e.args and e.args[0] == 'fail':\n"
        "                raise ValueError(wait('failed'))\n"
        "def middle():\n"
        "    r = yield from inner(1)\n"
        "    effect(('middle got', r))\n"
        "    try:\n"
        "        yield from inner(2)\n"
        "    except ValueError as e:\n"
        "        effect(('middle caught', str(e), wait('m')))\n"
        "        yield 'after'\n"
        "def outer():\n"
        "    r = yield from middle()\n"
        "    effect(('outer', r))\n"
        "g = outer()\n"
        "effect(next(g))\n"
        "effect(g.throw(Retry()))\n"
        "effect(g.throw(Retry('stop')))\n"
        "effect(g.throw(Retry('fail')))\n"
        "effect(next(g, 'end'))\n"
        "h = outer()\n"
        "next(h)\n"
        "try:\n"
        "    h.throw(KeyError('out'))\n"
        "except KeyError as e:\n"
        "    effect(('escaped', repr(e)))\n"
        "effect(next(h, 'closed'))\n"
    ),
}


@pytest.mark.parametrize("body", list(GENERATOR_THROWS.values()), ids=list(GENERATOR_THROWS))
def test_waits_inside_a_generator_the_script_throws_into_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0
    _resumed_from_snapshots_as_native(body)


YIELD_FROM_ITERATORS = {
    "yield from an iterator whose __next__ is script code": (
        "class Pages:\n"
        "    def __init__(self, n):\n"
        "        self.n, self.i = n, 0\n"
        "    def __iter__(self):\n"
        "        return self\n"
        "    def __next__(self):\n"
        "        self.i += 1\n"
        "        if self.i > self.n:\n"
        "            raise StopIteration(wait(('total', self.n)))\n"
        "        if self.i == 9:\n"
        "            raise KeyError(wait('page 9'))\n"
        "        return wait(self.i)\n"
        "def pages(n):\n"
        "    total = yield from Pages(n)\n"
        "    effect(total)\n"
        "    try:\n"
        "        yield from Pages(10)\n"
        "    except KeyError as e:\n"
        "        effect(('caught', repr(e)))\n"
        "    return 'end'\n"
        "effect(list(pages(2)))\n"
        "g = pages(1)\n"
        "effect([next(g), next(g)])\n"
        "try:\n"
        "    g.send('x')\n"
        "except AttributeError as e:\n"
        "    effect(str(e))\n"
    ),
}


@pytest.mark.parametrize("body", list(YIELD_FROM_ITERATORS.values()), ids=list(YIELD_FROM_ITERATORS))
def test_waits_inside_a_script_next_that_yield_from_steps_are_resumable(body: str) -> None:
    world, suspensions = _resumed_as_native(body)
    assert suspensions == _used(world) > 0
    _resumed_from_snapshots_as_native(body)


def test_star_arguments_that_are_not_iterable_fail_with_cpythons_messages() -> None:
    body = (
        "def f(*a, **k):\n"
        "    return a\n"
        "class C:\n"
        "    def m(self, *a):\n"
        "        return a\n"
        "effect(wait('start'))\n"
        "for call in ['f(*None)', 'f(1, *None)', 'f(*1, **{})', 'f(**None)', 'len(*None)', 'C().m(*None)', '[*None]']:\n"
        "    try:\n"
        "        eval(call)\n"
        "    except TypeError as e:\n"
        "        effect(str(e))\n"
    )
    _resumed_from_snapshots_as_native(body)
