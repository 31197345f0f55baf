"""Waits inside script code that a native operation calls (statek_vm/vm/operations.py).

Each script runs natively (every wait answered at once) and on the VM with
every wait pending, suspending at each: the log and output must be the
native ones, and the job must suspend at every wait (none is lost in a
nested run, none fails with NotResumableError).  Fresh processes are the
agent corpus's job (tests/agents/corpus_waits).
"""

from __future__ import annotations

import pytest

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
        "r = Refund(50)\n"
        "effect([r.approved, r.amount, Page('x').fetch()])\n"
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


def _host_line_tracer(frame: object, event: str, arg: object) -> object:
    return _host_line_tracer


@pytest.mark.parametrize("tracer", ["settrace", "setprofile"])
def test_the_operations_layer_works_under_a_host_trace_or_profile_function(tracer: str) -> None:
    # A coverage tool or a debugger traces the process: a wait inside a
    # __str__ and a comparison is resumable all the same.
    import sys

    install = getattr(sys, tracer)
    previous = sys.gettrace() if tracer == "settrace" else sys.getprofile()
    install(_host_line_tracer)
    try:
        world, suspensions = _resumed_as_native(CLASSES + CASES["__eq__ and __ne__"] + CASES["print of an object"])
    finally:
        install(previous)
    assert suspensions == len(world.gates) > 0, "a wait did not suspend the job"


def test_a_script_trace_function_sees_the_script_run_as_natively() -> None:
    # The script's own trace function is called from the VM's frames too:
    # no operation is redone inside that call.
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
    job, world, _ = gates.run_interrupted(body)
    assert job.status == "COMPLETED", job.error
    assert world.log == [3]


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
