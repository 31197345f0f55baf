"""get_any_future and get_all_future: combined futures, nesting, plain values."""

from __future__ import annotations

import pytest

from statek_vm import FutureElement, FutureError, FutureResult, get_all_future, get_any_future, temporal
from statek_vm.future import AllFuture, AnyFuture, is_future_aware

from . import seed_tools as tools
from .seed_tools import Box


def test_combined_futures_expose_their_inputs_as_deps() -> None:
    first, second = tools.future_of(1, ready=False), tools.future_of(2, ready=False)
    for combined in (get_any_future(first, second), get_all_future(first, second)):
        assert combined.deps[0] is first
        assert combined.deps[1] is second
        assert combined.state_num == 0
        assert "pending of 2 inputs" in repr(combined)


def test_pending_combined_futures_raise_future_error_carrying_themselves() -> None:
    pending = tools.future_of(1, ready=False)
    for combined in (get_any_future(pending), get_all_future(pending, 2)):
        assert combined.check_condition() is False
        with pytest.raises(FutureError) as raised:
            combined.value
        assert raised.value.future is combined
        with pytest.raises(FutureError):
            combined + 1


def test_plain_values_count_as_ready() -> None:
    assert get_any_future(tools.future_of(1, ready=False), "plain").value == "plain"
    assert get_any_future("first", tools.future_of(1)).value == "first"
    assert get_all_future(1, "two").value == (1, "two")
    assert get_all_future(1, "two").check_condition() is True


def test_conditions_are_checked_without_fetching() -> None:
    boxes = [Box(n, ready=False) for n in range(3)]
    futures = [tools.wait_for_box(box) for box in boxes]
    any_future, all_future = get_any_future(*futures), get_all_future(*futures)
    for _ in range(3):
        assert any_future.check_condition() is False
        assert all_future.check_condition() is False
    boxes[1].ready = True
    assert any_future.check_condition() is True
    assert all_future.check_condition() is False
    with pytest.raises(FutureError):
        all_future.value
    assert [box.fetches for box in boxes] == [0, 0, 0]  # all fetches nothing until all are ready
    assert any_future.value == 1
    assert [box.fetches for box in boxes] == [0, 1, 0]


def test_any_skips_an_input_whose_complement_disagrees_with_its_condition() -> None:
    def optimistic(future: FutureResult) -> bool:
        return True

    @temporal(complement=tools.fetch_box, condition=optimistic)
    def wait(box: Box) -> FutureResult:
        return FutureResult(deps=box)

    liar = wait(Box("never", ready=False))
    honest = tools.future_of("honest", ready=False)
    combined = get_any_future(liar, honest)
    with pytest.raises(FutureError) as raised:
        combined.value
    assert raised.value.future is combined
    honest.deps.ready = True
    assert combined.value == "honest"


def test_all_reports_itself_when_an_input_fetch_fails() -> None:
    def optimistic(future: FutureResult) -> bool:
        return True

    @temporal(complement=tools.fetch_box, condition=optimistic)
    def wait(box: Box) -> FutureResult:
        return FutureResult(deps=box)

    combined = get_all_future(tools.future_of(1), wait(Box(2, ready=False)))
    with pytest.raises(FutureError) as raised:
        combined.value
    assert raised.value.future is combined
    assert isinstance(raised.value.__cause__, FutureError)


def test_combined_futures_nest() -> None:
    a, b, c = (tools.future_of(name, ready=False) for name in "abc")
    either = get_any_future(get_all_future(a, b), c)
    both = get_all_future(get_any_future(a, b), c)
    assert either.check_condition() is False
    assert both.check_condition() is False
    a.deps.ready = True
    assert either.check_condition() is False
    assert both.check_condition() is False
    c.deps.ready = True
    assert either.value == "c"
    assert both.value == ("a", "c")
    b.deps.ready = True
    assert either.value == "c"  # cached: one value


def test_any_value_is_fixed_once_read() -> None:
    late_first = tools.future_of("first", ready=False)
    combined = get_any_future(late_first, tools.future_of("second"))
    assert combined.value == "second"
    late_first.deps.ready = True
    assert combined.value == "second"


def test_unpacking_a_pending_all_gives_elements_and_an_any_does_not() -> None:
    a, b = tools.future_of(1, ready=False), tools.future_of(2, ready=False)
    first, second = get_all_future(a, b)
    assert isinstance(first, FutureElement)
    assert isinstance(second, FutureElement)
    with pytest.raises(FutureError):
        _x, _y = get_any_future(a, b)
    a.deps.ready = b.deps.ready = True
    assert (first, second) == (1, 2)


def test_unpacking_a_resolved_all_gives_values() -> None:
    combined = get_all_future(tools.future_of(1), tools.future_of(2))
    assert combined.value == (1, 2)
    first, second = combined
    assert (type(first), type(second)) == (int, int)


def test_combined_helpers_are_future_aware() -> None:
    assert is_future_aware(get_any_future)
    assert is_future_aware(get_all_future)
    assert not is_future_aware(tools.wait_for_report)
    assert not is_future_aware(tools.future_of(1, ready=False))  # never resolves the future to ask


def test_combined_helpers_return_their_classes() -> None:
    assert type(get_any_future(1)) is AnyFuture
    assert type(get_all_future(1)) is AllFuture
