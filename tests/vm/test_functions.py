"""Script functions are real callables for host code and look right to introspection."""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import inspect
import sys
from typing import Any

import pytest

import statek_vm
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.vm import VMFunction

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SOURCE = '''
import functools, dataclasses

def greet(name: str, /, greeting: str = "hi", *rest: int, loud: bool = False, **extra: Any) -> str:
    """Say hello."""
    text = f"{greeting} {name}"
    return text.upper() if loud else text

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    @property
    def label(self):
        return f"{self.name}/{self.sides}"
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def unit():
        return "cm"
    def describe(self):
        return f"shape {self.label}"

class Square(Shape):
    sides = 4
    def describe(self):
        return "square: " + super().describe()

@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y)

def numbers(n):
    for i in range(n):
        yield i * i

calls = []
'''


@pytest.fixture(scope="module")
def ns() -> dict[str, Any]:
    job = statek_vm.run(SOURCE, {"Any": Any})
    assert job.status == "COMPLETED", job.error
    return job.namespace


def test_metadata(ns: dict[str, Any]) -> None:
    greet = ns["greet"]
    assert isinstance(greet, VMFunction)
    assert greet.__name__ == "greet" and greet.__qualname__ == "greet"
    assert greet.__doc__ == "Say hello."
    assert greet.__module__ == "__main__"
    assert greet.__defaults__ == ("hi",) and greet.__kwdefaults__ == {"loud": False}
    assert greet.__annotations__["return"] is str
    assert type(greet).__name__ == "function"
    assert ns["Square"].describe.__qualname__ == "Square.describe"


def test_signature(ns: dict[str, Any]) -> None:
    assert str(inspect.signature(ns["greet"])) == (
        "(name: str, /, greeting: str = 'hi', *rest: int, loud: bool = False, **extra: Any) -> str"
    )
    assert str(inspect.signature(ns["Shape"].make)) == "(name)"
    assert str(inspect.signature(ns["add"])) == "(a, b)", "functools.wraps: the signature follows __wrapped__"


def test_host_calls_script_functions(ns: dict[str, Any]) -> None:
    greet = ns["greet"]
    assert greet("ann") == "hi ann"
    assert greet("bo", "hey", 1, 2, loud=True, extra=1) == "HEY BO"
    assert sorted(["bb", "a", "ccc"], key=ns["greet"]) == ["a", "bb", "ccc"]
    assert list(map(lambda p: p.norm(), [ns["Point"](3, -4)])) == [7]
    assert functools.partial(greet, greeting="yo")("cy") == "yo cy"
    with pytest.raises(TypeError, match=r"greet\(\) missing 1 required positional argument: 'name'"):
        greet()


def test_decorators_wraps_and_attributes(ns: dict[str, Any]) -> None:
    add = ns["add"]
    assert add.__name__ == "add" and add.__doc__ == "Add two numbers."
    assert add.__wrapped__.__name__ == "add"
    assert add(2, 3) == 5 and ns["calls"][-1] == "add"
    assert "__name__" not in vars(add), "wraps must not copy VM internals"


def test_classes_properties_and_super(ns: dict[str, Any]) -> None:
    square = ns["Square"].make("sq")
    assert type(square) is ns["Square"]
    assert square.label == "sq/4"
    assert square.describe() == "square: shape sq/4"
    assert ns["Shape"].unit() == "cm"


def test_dataclasses(ns: dict[str, Any]) -> None:
    point = ns["Point"]
    assert dataclasses.is_dataclass(point)
    assert point(1, 2) < point(2, 0)
    assert repr(point(1)) == "Point(x=1, y=0)"
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y"]


def test_generators_for_host_code(ns: dict[str, Any]) -> None:
    gen = ns["numbers"](4)
    assert isinstance(gen, collections.abc.Generator)
    assert type(gen).__name__ == "generator"
    assert list(gen) == [0, 1, 4, 9]
    gen2 = ns["numbers"](3)
    assert next(gen2) == 0 and gen2.send(None) == 1
    gen2.close()
    with pytest.raises(StopIteration):
        next(gen2)


def test_functions_pickle_by_value_with_their_program(ns: dict[str, Any]) -> None:
    # Script functions survive a pickle round trip (snapshots build on this).
    import dill  # type: ignore[import-untyped]

    greet = dill.loads(dill.dumps(ns["greet"]))
    assert greet("zed", loud=True) == "HI ZED"
    assert greet is not ns["greet"] and greet.__qualname__ == "greet"


def test_functions_of_an_imported_module_pickle_by_name_and_copy_as_themselves(
    ns: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As native functions: pickle names a module's function (and gets the
    # same object back), copy returns the function itself.
    import copy
    import pickle
    import types

    module = types.ModuleType("vm_pickled_module")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    job = statek_vm.run(
        "class Box:\n    def size(self):\n        return 3\ndef f():\n    return 42\n", namespace=module.__dict__
    )
    assert job.status == "COMPLETED", job.error
    for func in (module.f, module.Box.size):
        assert pickle.loads(pickle.dumps(func)) is func
        assert copy.copy(func) is func and copy.deepcopy(func) is func
    assert b"vm_pickled_module" in pickle.dumps(module.f)
    # A job's own function is in no imported module: dill takes it by value
    # (test_functions_pickle_by_value_with_their_program); copy still returns it.
    assert copy.deepcopy(ns["greet"]) is ns["greet"]


def test_run_into_a_given_namespace() -> None:
    import types

    module = types.ModuleType("agent_module")
    job = statek_vm.run("x = 40\ndef f():\n    return x + 2\n", {"extra": 1}, namespace=module.__dict__)
    assert job.status == "COMPLETED", job.error
    assert module.x == 40 and module.f() == 42 and module.extra == 1
    assert module.f.__module__ == "agent_module"
    shown = statek_vm.run("1 + 1", mode="single")
    assert shown.status == "COMPLETED"
    with pytest.raises(ValueError, match="mode must be"):
        statek_vm.run("x = 1", mode="eval")
    with pytest.raises(TypeError, match="namespace must be a dict"):
        statek_vm.run("x = 1", namespace=[])  # type: ignore[arg-type]
