"""A future behaves like its result once ready, and raises FutureError before.

Each operation is checked three ways: on a ready future it equals the same
operation on the value; on a pending future it raises FutureError carrying
the future; and the future's own API (and names starting with "_") never
reach the value.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import operator
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statek_vm import FutureError, FutureResult, get_all_future, get_any_future
from statek_vm.future import FUTURE_API, FUTURE_TYPES, AllFuture, AnyFuture, FutureElement, resolve

from .seed_tools import Box, future_of

BINARY = [
    operator.add,
    operator.sub,
    operator.mul,
    operator.truediv,
    operator.floordiv,
    operator.mod,
    operator.pow,
    operator.lshift,
    operator.rshift,
    operator.and_,
    operator.or_,
    operator.xor,
    divmod,
]
COMPARISONS = [operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


def _each_kind(value: Any) -> list[Any]:
    """A ready future of every kind, all resolving to ``value``."""
    return [
        future_of(value),
        FutureElement(future_of((value,)), 0),
        get_any_future(future_of(value, ready=False), future_of(value)),
        FutureElement(get_all_future(future_of(value)), 0),
    ]


# -- arithmetic and comparisons --------------------------------------------------------


@pytest.mark.parametrize("op", BINARY + COMPARISONS, ids=lambda op: op.__name__)
def test_binary_operators_on_both_sides(op: Callable[[Any, Any], Any]) -> None:
    for future in _each_kind(7):
        assert op(future, 3) == op(7, 3)
        assert op(3, future) == op(3, 7)
        assert op(future, future_of(2)) == op(7, 2)


@pytest.mark.parametrize("op", BINARY + COMPARISONS, ids=lambda op: op.__name__)
def test_binary_operators_on_a_pending_future(op: Callable[[Any, Any], Any]) -> None:
    future = future_of(7, ready=False)
    with pytest.raises(FutureError) as raised:
        op(future, 3)
    assert raised.value.future is future
    with pytest.raises(FutureError):
        op(3, future)


def test_matmul_both_sides() -> None:
    class Matrix:
        def __matmul__(self, other: object) -> str:
            return "left"

        def __rmatmul__(self, other: object) -> str:
            return "right"

    future = future_of(Matrix())
    assert future @ 1 == "left"
    assert 1 @ future == "right"
    with pytest.raises(FutureError):
        future_of(Matrix(), ready=False) @ 1


def test_ternary_pow() -> None:
    assert pow(future_of(3), 4, 5) == pow(3, 4, 5)


def _native_error(action: Callable[[], Any]) -> str:
    with pytest.raises(TypeError) as raised:
        action()
    return str(raised.value)


def test_unsupported_operands_fail_as_the_value_would() -> None:
    assert _native_error(lambda: future_of(1) + "a") == _native_error(lambda: 1 + "a")
    assert _native_error(lambda: "a" + future_of(1)) == _native_error(lambda: "a" + 1)
    assert _native_error(lambda: future_of(None) < 1) == _native_error(lambda: None < 1)


@pytest.mark.parametrize(
    ("op", "operand"),
    [
        (operator.iadd, 2),
        (operator.isub, 2),
        (operator.imul, 2),
        (operator.itruediv, 2),
        (operator.ifloordiv, 2),
        (operator.imod, 2),
        (operator.ipow, 2),
        (operator.ilshift, 2),
        (operator.irshift, 1),
        (operator.iand, 6),
        (operator.ior, 6),
        (operator.ixor, 6),
    ],
    ids=lambda item: getattr(item, "__name__", ""),
)
def test_in_place_operators_rebind_to_a_real_value(op: Callable[[Any, Any], Any], operand: int) -> None:
    future = future_of(12)
    result = op(future, operand)
    assert type(result) in (int, float)
    assert result == op(12, operand)
    assert future.value == 12


def test_in_place_operator_on_a_mutable_value_updates_it() -> None:
    future = future_of([1, 2])
    names = future
    names += [3]
    assert type(names) is list
    assert names == [1, 2, 3]
    assert future.value is names  # as `names = future.value; names += [3]` would


def test_in_place_operator_on_a_pending_future() -> None:
    counter = future_of(1, ready=False)
    with pytest.raises(FutureError):
        counter += 1
    assert isinstance(counter, FutureResult)  # not rebound: the operation had no effect


def test_unary_operators_and_conversions() -> None:
    for future in _each_kind(-7.5):
        assert -future == 7.5
        assert +future == -7.5
        assert abs(future) == 7.5
        assert round(future) == -8
        assert round(future, 0) == -8.0
        assert math.trunc(future) == -7
        assert math.floor(future) == -8
        assert math.ceil(future) == -7
        assert int(future) == -7
        assert float(future) == -7.5
        assert complex(future) == complex(-7.5)
    number = future_of(6)
    assert ~number == -7
    assert operator.index(number) == 6
    assert bin(number) == "0b110"
    assert ["a", "b", "c", "d", "e", "f", "g"][number] == "g"
    assert range(10)[number] == 6


@pytest.mark.parametrize(
    "use",
    [
        operator.neg,
        operator.pos,
        operator.invert,
        abs,
        round,
        math.trunc,
        math.floor,
        math.ceil,
        int,
        float,
        complex,
        operator.index,
        bool,
        hash,
        len,
        str,
        bytes,
        iter,
        reversed,
        os.fspath,
    ],
    ids=lambda use: use.__name__,
)
def test_value_using_builtins_raise_while_pending(use: Callable[[Any], Any]) -> None:
    future = future_of(3, ready=False)
    with pytest.raises(FutureError) as raised:
        use(future)
    assert raised.value.future is future


def test_comparisons_between_futures_and_sorting() -> None:
    futures = [future_of(n) for n in (3, 1, 2)]
    assert sorted(futures) == [1, 2, 3]
    assert max(futures) == 3
    assert future_of("a") < future_of("b")
    assert future_of(1) != future_of(2)


# -- truth, hashing, containers ---------------------------------------------------------------


def test_bool() -> None:
    assert bool(future_of(1)) is True
    assert bool(future_of("")) is False
    assert (future_of([]) or "fallback") == "fallback"
    with pytest.raises(FutureError):
        if future_of(1, ready=False):
            pass


def test_hash_is_the_values() -> None:
    future = future_of("key")
    assert hash(future) == hash("key")
    assert {future: 1}["key"] == 1
    assert {"key": 1}[future] == 1
    with pytest.raises(TypeError, match="unhashable"):
        hash(future_of([]))
    with pytest.raises(FutureError):
        {future_of("key", ready=False)}


def test_container_protocol() -> None:
    items = future_of([1, 2, 3])
    assert len(items) == 3
    assert 2 in items
    assert 5 not in items
    assert items[0] == 1
    assert items[-1] == 3
    assert items[1:] == [2, 3]
    assert list(items) == [1, 2, 3]
    assert list(reversed(items)) == [3, 2, 1]
    items[0] = 10
    del items[1]
    assert items.value == [10, 3]
    mapping = future_of({"a": 1})
    assert mapping["a"] == 1
    assert list(mapping) == ["a"]
    assert dict(mapping.items()) == {"a": 1}


@pytest.mark.parametrize(
    "use",
    [
        lambda f: f[0],
        lambda f: f.__setitem__(0, 1),
        lambda f: f.__delitem__(0),
        lambda f: 1 in f,
        lambda f: list(f),
        lambda f: [*f],
        lambda f: next(f),
        lambda f: f(),
        lambda f: f"{f}",
        lambda f: format(f, ">4"),
        lambda f: "%s" % f,  # noqa: UP031 - %-formatting is one of the protocols
        lambda f: f.append,
        lambda f: setattr(f, "name", "x"),
        lambda f: delattr(f, "name"),
    ],
)
def test_protocols_raise_while_pending(use: Callable[[Any], Any]) -> None:
    future = future_of([1], ready=False)
    with pytest.raises(FutureError) as raised:
        use(future)
    assert raised.value.future is future


def test_iteration_of_an_iterator_value() -> None:
    future = future_of(iter([1, 2]))
    assert next(future) == 1
    assert list(future) == [2]


# -- strings, formatting, bytes, repr ------------------------------------------------------------------


def test_str_and_format_are_the_values() -> None:
    price = future_of(3.14159)
    assert str(price) == "3.14159"
    assert f"{price:.2f}" == "3.14"
    assert format(price, ">10.1f") == "       3.1"
    assert "%s" % future_of("x") == "x"  # noqa: UP031 - %-formatting is one of the protocols
    assert bytes(future_of(b"raw")) == b"raw"


def test_repr_is_the_futures_own_while_pending_and_the_values_once_resolved() -> None:
    box = Box("secret", ready=False)
    future = FutureResult(deps=box, state_num=4)
    assert repr(future).startswith("<FutureResult pending deps=")
    assert "state_num=4" in repr(future)
    ready = future_of("shown")
    ready.value
    assert repr(ready) == "'shown'"
    assert f"{ready!r}" == "'shown'"
    assert repr([ready, future]).startswith("['shown', <FutureResult pending deps=")
    assert repr(get_any_future(future_of(1, ready=False))) == "<AnyFuture pending of 1 inputs>"
    assert box.fetches == 0


# -- attributes --------------------------------------------------------------------------------------


class Account:
    def __init__(self) -> None:
        self.owner = "ana"
        self.value = "the account's own value attribute"
        self.deps = ["the account's own deps"]

    def greet(self, greeting: str) -> str:
        return f"{greeting}, {self.owner}"


def test_attribute_access_is_delegated() -> None:
    account = future_of(Account())
    assert account.owner == "ana"
    assert account.greet("hi") == "hi, ana"
    assert future_of("text").upper() == "TEXT"
    account.owner = "bo"
    assert account.value.owner == "bo"
    account.nickname = "b"
    assert account.nickname == "b"
    del account.nickname
    assert not hasattr(account, "nickname")
    with pytest.raises(AttributeError, match="'Account' object has no attribute 'missing'"):
        account.missing


def test_the_futures_own_api_is_never_delegated() -> None:
    account_future = future_of(Account())
    assert isinstance(account_future.value, Account)
    assert isinstance(account_future.deps, Box)
    assert account_future.state_num == 0
    assert account_future.check_condition() is True
    assert FUTURE_API == {"value", "deps", "state_num", "check_condition"}
    for name in FUTURE_API:
        assert name in dir(FutureResult)


def test_underscore_names_never_resolve_the_future() -> None:
    box = Box("text", ready=False)
    future = FutureResult(deps=box)
    for name in ("_private", "__array__", "__length_hint__", "__deepcopy__", "__getstate__x"):
        assert not hasattr(future, name)
    assert getattr(future, "__statek_future_aware__", False) is False
    assert box.fetches == 0
    with pytest.raises(AttributeError):
        future._private = 1  # internal state is in slots; nothing else can be set


def test_setting_the_futures_own_api_is_refused() -> None:
    future = future_of(1)
    with pytest.raises(AttributeError):
        future.value = 2
    with pytest.raises(AttributeError):
        future.deps = 2


# -- calls, context managers, paths, await ----------------------------------------------------------


def test_call_is_delegated() -> None:
    double = future_of(lambda n, by=2: n * by)
    assert double(4) == 8
    assert double(4, by=3) == 12


def test_context_manager_is_delegated() -> None:
    events: list[str] = []

    @contextlib.contextmanager
    def session() -> Iterator[str]:
        events.append("enter")
        try:
            yield "connection"
        finally:
            events.append("exit")

    with future_of(session()) as connection:
        assert connection == "connection"
    assert events == ["enter", "exit"]
    with pytest.raises(FutureError), future_of(session(), ready=False):
        pass


def test_exceptions_reach_the_value_context_manager() -> None:
    suppressed = future_of(contextlib.suppress(KeyError))
    with suppressed:
        raise KeyError("swallowed by the value")


def test_async_context_manager_is_delegated() -> None:
    @contextlib.asynccontextmanager
    async def session() -> Any:
        yield "async connection"

    async def use() -> str:
        async with future_of(session()) as connection:
            return str(connection)

    assert asyncio.run(use()) == "async connection"


def test_fspath() -> None:
    assert os.fspath(future_of("/tmp/report.pdf")) == "/tmp/report.pdf"
    assert os.path.basename(future_of("/tmp/report.pdf")) == "report.pdf"


def test_await_gives_the_value() -> None:
    async def use(future: Any) -> Any:
        return await future

    assert asyncio.run(use(future_of("awaited"))) == "awaited"
    with pytest.raises(FutureError):
        asyncio.run(use(future_of("awaited", ready=False)))


# -- helpers of the module ----------------------------------------------------------------------------


def test_resolve() -> None:
    assert resolve(3) == 3
    assert resolve(future_of("x")) == "x"
    nested = future_of(future_of("inner"))
    assert isinstance(resolve(nested), FutureResult)  # one level only
    with pytest.raises(FutureError):
        resolve(future_of(1, ready=False))


def test_future_types() -> None:
    assert set(FUTURE_TYPES) == {FutureResult, FutureElement, AnyFuture, AllFuture}
    for future in _each_kind(1):
        assert isinstance(future, FUTURE_TYPES)
    assert not isinstance(1, FUTURE_TYPES)
    assert type(future_of(1)) is FutureResult  # type() sees the future itself


def test_identity_checks_do_not_resolve() -> None:
    box = Box(1, ready=False)
    future = FutureResult(deps=box)
    futures = [future]
    assert any(item is future for item in futures)
    assert future in futures  # list membership tries identity first
    assert box.fetches == 0


# -- properties ----------------------------------------------------------------------------------------

SAFE_INT_OPS = [
    operator.add,
    operator.sub,
    operator.mul,
    operator.and_,
    operator.or_,
    operator.xor,
    *COMPARISONS,
]


@given(st.integers(), st.integers(), st.sampled_from(SAFE_INT_OPS))
def test_int_arithmetic_equals_arithmetic_on_the_value(a: int, b: int, op: Callable[[int, int], Any]) -> None:
    assert op(future_of(a), b) == op(a, b)
    assert op(b, future_of(a)) == op(b, a)
    assert op(future_of(a), future_of(b)) == op(a, b)


@given(st.integers(), st.integers().filter(bool), st.sampled_from([operator.floordiv, operator.mod, divmod]))
def test_int_division_equals_division_on_the_value(a: int, b: int, op: Callable[[int, int], Any]) -> None:
    assert op(future_of(a), b) == op(a, b)
    assert op(a, future_of(b)) == op(a, b)


@given(st.text(), st.text(), st.integers(min_value=0, max_value=5))
def test_str_operations_equal_operations_on_the_value(a: str, b: str, n: int) -> None:
    future = future_of(a)
    assert future + b == a + b
    assert b + future == b + a
    assert future * n == a * n
    assert n * future == n * a
    assert (b in future) == (b in a)
    assert len(future) == len(a)
    assert str(future) == a
    assert f"{future}" == a
    assert (future < b) == (a < b)
    assert hash(future) == hash(a)
    assert list(future) == list(a)
    assert future.upper() == a.upper()


@given(st.lists(st.integers()), st.integers())
def test_list_operations_equal_operations_on_the_value(items: list[int], item: int) -> None:
    future = future_of(list(items))
    assert (item in future) == (item in items)
    assert future + [item] == [*items, item]  # noqa: RUF005 - the + operator is under test
    assert sorted(future) == sorted(items)
    assert bool(future) == bool(items)
    if items:
        assert future[0] == items[0]
        assert future.index(items[0]) == 0
