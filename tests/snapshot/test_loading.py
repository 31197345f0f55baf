"""Loading a snapshot runs no script code, and module state belongs to each job."""

from __future__ import annotations

import collections
import random
import sys
from typing import Any

import pytest

import statek_vm
from statek_vm.job import SUPPORTED_VERSIONS
from tests.snapshot import durable

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"loading-test-key".ljust(32, b".")

# Every hook CPython or pickle could call while objects are rebuilt; each
# one records its name through the host binding ``ran``.
HOOKS = '''
import abc, dataclasses, enum, functools


class Described:
    def __set_name__(self, owner, name):
        ran("__set_name__")
        self.name = name

    def __get__(self, obj, objtype=None):
        ran("__get__")
        return 1


class Meta(type):
    def __new__(meta, name, bases, ns, **kw):
        ran("Meta.__new__")
        return super().__new__(meta, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        ran("Meta.__init__")
        super().__init__(name, bases, ns)

    def __setattr__(cls, name, value):
        ran("Meta.__setattr__")
        super().__setattr__(name, value)

    def __call__(cls, *args, **kwargs):
        ran("Meta.__call__")
        return super().__call__(*args, **kwargs)


class Base:
    def __init_subclass__(cls, **kw):
        ran("__init_subclass__")
        super().__init_subclass__(**kw)


class Thing(Base, metaclass=Meta):
    field = Described()

    def __new__(cls, *args):
        ran("__new__")
        return super().__new__(cls)

    def __init__(self, n):
        ran("__init__")
        self.n = n
        self.log = log

    def __getattr__(self, name):
        ran("__getattr__")
        raise AttributeError(name)

    def __getattribute__(self, name):
        if name not in ("n", "log", "__class__", "__dict__"):
            ran("__getattribute__")
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        ran("__setattr__")
        object.__setattr__(self, name, value)

    def __setstate__(self, state):
        ran("__setstate__")

    def __reduce_ex__(self, protocol):
        ran("__reduce_ex__")
        return object.__reduce_ex__(self, protocol)

    def __eq__(self, other):
        ran("__eq__")
        return self is other

    def __hash__(self):
        # Not run while loading: the hash it gave travels with the object.
        self.log.append("__hash__")
        return self.n

    def __del__(self):
        ran("__del__")

    @property
    def double(self):
        ran("property")
        return self.n * 2


class Failure(Exception):
    def __init__(self, step, why):
        ran("Failure.__init__")
        super().__init__(step)
        self.why = why


@dataclasses.dataclass
class Record:
    key: str
    items: list = dataclasses.field(default_factory=list)

    def __post_init__(self):
        ran("__post_init__")


class Color(enum.Enum):
    RED = 1

    def __init__(self, value):
        ran("Color.__init__")


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @classmethod
    def __subclasshook__(cls, other):
        ran("__subclasshook__")
        return NotImplemented


class Square(Shape):
    def area(self):
        return 4


things = [Thing(1), Thing(2)]
by_key = {things[0]: "first"}
failure = Failure("parse", "bad")
record = Record("k")
color = Color.RED
square = Square()
ran("-- before the wait")
value = wait(3) + 0
print(things[0].n, by_key[things[0]], failure.why, record.items, color, square.area(), value)
'''


@pytest.fixture(autouse=True)
def _log(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATEK_TEST_LOG", str(tmp_path / "effects.log"))


def _recorder() -> tuple[list[str], Any]:
    calls: list[str] = []
    return calls, calls.append


def test_loading_runs_no_script_code_not_even_hash_and_eq_of_dict_keys() -> None:
    calls, ran = _recorder()
    hashes: list[str] = []
    bindings = {**durable.bindings(), "ran": ran, "log": hashes}
    job = statek_vm.run(HOOKS, bindings)
    assert job.status == "SUSPENDED", job.error
    data = job.dumps(key=KEY)
    assert calls[-1] == "-- before the wait"
    del job

    counts: collections.Counter[Any] = collections.Counter()
    calls.clear()
    hashes.clear()
    loaded = statek_vm.Job.loads(data, bindings, key=KEY, instruction_counts=counts)
    assert calls == []
    # A dict keyed by script objects is rebuilt by hashing its keys: the
    # hashes they had travel with them, and their __hash__ does not run.
    assert hashes == []
    assert not counts
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert loaded.output == "1 first bad [] Color.RED 4 3\n"


def test_loading_runs_nothing_without_script_keys() -> None:
    calls, ran = _recorder()
    source = HOOKS.replace("by_key = {things[0]: \"first\"}", "by_key = {id(things[0]): \"first\"}").replace(
        "by_key[things[0]]", "by_key[id(things[0])]"
    )
    hashes: list[str] = []
    bindings = {**durable.bindings(), "ran": ran, "log": hashes}
    job = statek_vm.run(source, bindings)
    data = job.dumps(key=KEY)
    calls.clear()
    hashes.clear()
    counts: collections.Counter[Any] = collections.Counter()
    statek_vm.Job.loads(data, bindings, key=KEY, instruction_counts=counts)
    assert calls == hashes == []
    assert not counts


RANDOM_JOB = """
import random
random.seed(SEED)
before = [random.random() for _ in range(3)]
effect(wait(1))
after = [random.random() for _ in range(3)]
"""


def test_each_job_has_its_own_random_generator_that_travels() -> None:
    expected = random.Random(7)
    native = [expected.random() for _ in range(6)]
    host = random.getstate()

    a = statek_vm.run(RANDOM_JOB.replace("SEED", "7"), durable.bindings())
    b = statek_vm.run(RANDOM_JOB.replace("SEED", "8"), durable.bindings())  # seeds its own, not a's
    random.random()  # the host's draws are not the job's either
    a = statek_vm.Job.loads(a.dumps(key=KEY), durable.bindings(), key=KEY)
    a.awaited_result.deps.open = True
    a.resume()
    assert a.status == "COMPLETED", a.error
    assert a.namespace["before"] + a.namespace["after"] == native
    assert b.namespace["before"] != native[:3]
    random.setstate(host)


def test_each_job_has_its_own_decimal_context_that_travels() -> None:
    import decimal

    host_precision = decimal.getcontext().prec
    job = statek_vm.run(
        "import decimal\ndecimal.getcontext().prec = 5\neffect(wait(1))\nthird = str(decimal.Decimal(1) / 3)\n",
        durable.bindings(),
    )
    assert decimal.getcontext().prec == host_precision
    other = statek_vm.run("import decimal\nthird = str(decimal.Decimal(1) / 3)\n", durable.bindings())
    loaded = statek_vm.Job.loads(job.dumps(key=KEY), durable.bindings(), key=KEY)
    loaded.awaited_result.deps.open = True
    loaded.resume()
    assert loaded.status == "COMPLETED", loaded.error
    assert loaded.namespace["third"] == "0.33333"
    assert other.namespace["third"] == str(decimal.Decimal(1) / 3)
