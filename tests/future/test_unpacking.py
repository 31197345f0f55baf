"""Tuple-shaped futures unpack into FutureElement objects without fetching."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

from statek_vm import FutureElement, FutureError, FutureResult, temporal

from . import postponed_annotations as postponed
from . import seed_tools as tools
from .seed_tools import PairResult

FIXED_PAIRS: list[Callable[[PairResult], Any]] = [
    tools.wait_for_pair,  # typing.Tuple[str, int]
    tools.wait_for_pair_builtin,  # tuple[str, int]
    postponed.wait_for_pair_typing,  # "Tuple[str, int]" under postponed annotations
    postponed.wait_for_pair_builtin,  # "tuple[str, int]" under postponed annotations
]


@pytest.mark.parametrize("wait", FIXED_PAIRS, ids=lambda wait: f"{wait.__module__}.{wait.__name__}")
def test_fixed_pairs_unpack_while_pending(wait: Callable[[PairResult], Any]) -> None:
    result = PairResult(ready=False, version=3)
    future = wait(result)
    label, count = future
    for index, element in enumerate((label, count)):
        assert isinstance(element, FutureElement)
        assert element.check_condition() is False
        assert element.deps is result
        assert element.state_num == 3
        assert f"index={index}" in repr(element)
        with pytest.raises(FutureError) as raised:
            element.value
        assert raised.value.future is future  # the parent is what the job waits on

    result.ready = True
    assert label.check_condition()
    assert count.check_condition()
    assert (label.value, count.value) == ("apples", 3)
    assert label.upper() == "APPLES"
    assert count + 1 == 4


def test_unresolvable_postponed_annotation_falls_back_to_its_text() -> None:
    result = PairResult(ready=False)
    first, second, third = postponed.wait_for_triple_unresolvable(result)
    assert isinstance(third, FutureElement)
    result.ready = True
    assert (first.value, second.value, third.value) == ("apples", 3, 3)


@pytest.mark.parametrize("wait", [tools.wait_for_many, postponed.wait_for_variable, tools.wait_for_unannotated])
def test_variable_or_missing_annotation_raises_while_pending(wait: Callable[[PairResult], Any]) -> None:
    result = PairResult(ready=False)
    future = wait(result)
    with pytest.raises(FutureError) as raised:
        iter(future)
    assert raised.value.future is future
    result.ready = True
    assert list(future) == list(future.value)


def test_unpacking_a_resolved_future_gives_real_values() -> None:
    result = PairResult(ready=True)
    future = tools.wait_for_pair(result)
    assert future.value == ("apples", 3)
    label, count = future
    assert type(label) is str
    assert type(count) is int


def test_elements_fetch_through_the_parent_once() -> None:
    result = PairResult(ready=False)
    label, count = tools.wait_for_pair(result)
    result.ready = True
    assert label == "apples"
    assert count == 3
    assert label == "apples"
    assert result.fetches == 1


def test_starred_unpacking() -> None:
    result = PairResult(ready=False)
    first, *rest = tools.wait_for_pair(result)
    assert isinstance(first, FutureElement)
    assert len(rest) == 1
    assert isinstance(rest[0], FutureElement)


def test_wrong_arity_unpacking_fails_like_a_tuple() -> None:
    with pytest.raises(ValueError, match="too many values to unpack"):
        _a, = tools.wait_for_pair(PairResult(ready=False))  # fmt: skip
    with pytest.raises(ValueError, match="not enough values to unpack"):
        _a, _b, _c = tools.wait_for_pair(PairResult(ready=False))


class Point(NamedTuple):
    x: int
    y: int


def fetch_point(future: FutureResult) -> Point:
    if not future.deps.ready:
        raise FutureError(future)
    return Point(1, 2)


def fetch_single(future: FutureResult) -> tuple[int]:
    if not future.deps.ready:
        raise FutureError(future)
    return (9,)


def fetch_empty(future: FutureResult) -> tuple[()]:
    return ()


def fetch_union(future: FutureResult) -> tuple[int, int] | None:
    if not future.deps.ready:
        raise FutureError(future)
    return (1, 2)


def fetch_bare(future: FutureResult) -> tuple:  # type: ignore[type-arg]
    if not future.deps.ready:
        raise FutureError(future)
    return (1, 2)


@pytest.mark.parametrize(
    ("complement", "size"),
    [(fetch_point, 2), (fetch_single, 1), (fetch_empty, 0)],
)
def test_other_fixed_size_annotations(complement: Callable[[FutureResult], Any], size: int) -> None:
    future = temporal(complement=complement, condition=tools.pair_ready)(
        lambda: FutureResult(deps=PairResult(ready=False))
    )()
    elements = list(future)
    assert len(elements) == size
    assert all(isinstance(element, FutureElement) for element in elements)


@pytest.mark.parametrize("complement", [fetch_union, fetch_bare])
def test_annotations_that_are_not_a_fixed_tuple(complement: Callable[[FutureResult], Any]) -> None:
    future = temporal(complement=complement, condition=tools.pair_ready)(
        lambda: FutureResult(deps=PairResult(ready=False))
    )()
    with pytest.raises(FutureError):
        list(future)


def test_element_of_element() -> None:
    nested = tools.future_of((("a", "b"), 2), ready=False)
    element = FutureElement(nested, 0)
    inner = FutureElement(element, 1)
    assert inner.check_condition() is False
    nested.deps.ready = True
    assert inner == "b"


def test_element_needs_a_future_parent() -> None:
    with pytest.raises(TypeError, match="needs a future as its parent"):
        FutureElement(("a", "b"), 0)  # type: ignore[arg-type]


def test_sequence_builders_see_the_elements_too() -> None:
    result = PairResult(ready=False)
    future = tools.wait_for_pair(result)
    assert len(future) == 2  # known from the annotation, nothing fetched
    assert all(isinstance(element, FutureElement) for element in tuple(future))
    assert all(isinstance(element, FutureElement) for element in [*future])

    def takes_two(first: Any, second: Any) -> tuple[Any, Any]:
        return first, second

    assert all(isinstance(element, FutureElement) for element in takes_two(*future))
    assert result.fetches == 0
    result.ready = True
    assert future.value == ("apples", 3)
    assert tuple(future) == ("apples", 3)  # resolved: real values
