"""The @temporal decorator: attaching support functions, wrapping, and wrong use."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import Any

import pytest

from statek_vm import FutureElement, FutureError, FutureResult, temporal
from statek_vm.future import get_all_future

from . import seed_tools as tools
from .seed_tools import Report


def test_wrapper_keeps_the_function_identity() -> None:
    wrapper = tools.wait_for_report
    assert wrapper.__name__ == "wait_for_report"
    assert wrapper.__module__ == tools.__name__
    assert wrapper.__wrapped__.__name__ == "wait_for_report"
    assert wrapper.__doc__ == wrapper.__wrapped__.__doc__
    assert wrapper.complement is tools.fetch_report
    assert wrapper.condition is tools.report_is_ready
    assert inspect.signature(wrapper) == inspect.signature(wrapper.__wrapped__)


def test_a_returned_future_keeps_its_identity_and_gets_the_support_functions() -> None:
    made: list[FutureResult] = []

    def fetch(future: FutureResult) -> str:
        return "done"

    def ready(future: FutureResult) -> bool:
        return True

    @temporal(complement=fetch, condition=ready)
    def wait() -> FutureResult:
        made.append(FutureResult(deps="d", state_num=5))
        return made[-1]

    future = wait()
    assert future is made[0]
    assert future.check_condition() is True
    assert future.value == "done"


@pytest.mark.parametrize("ready_value", [0, None, "", [], ("a", 1), Report(status="ready")])
def test_ready_values_pass_through_unchanged(ready_value: Any) -> None:
    @temporal(complement=tools.fetch_report, condition=tools.report_is_ready)
    def wait() -> Any:
        return ready_value

    assert wait() is ready_value


def test_other_futures_pass_through_untouched() -> None:
    element = FutureElement(tools.future_of(("a", 1)), 0)
    combined = get_all_future(tools.future_of(1))

    @temporal(complement=tools.fetch_report, condition=tools.report_is_ready)
    def wait(which: int) -> Any:
        return (element, combined)[which]

    assert wait(0) is element
    assert wait(1) is combined


def test_arguments_reach_the_function() -> None:
    @temporal(complement=tools.fetch_box, condition=tools.box_ready)
    def wait(a: int, b: int = 0, *rest: int, key: str = "k", **extra: int) -> Any:
        return (a, b, rest, key, extra)

    assert wait(1, 2, 3, key="z", more=4) == (1, 2, (3,), "z", {"more": 4})


def test_async_wrapper_is_a_coroutine_function_and_attaches() -> None:
    @temporal(complement=tools.fetch_box, condition=tools.box_ready)
    async def wait(box: tools.Box) -> Any:
        await asyncio.sleep(0)
        return FutureResult(deps=box, state_num=1)

    assert inspect.iscoroutinefunction(wait)
    assert wait.complement is tools.fetch_box
    box = tools.Box("content", ready=False)
    future = asyncio.run(wait(box))
    assert isinstance(future, FutureResult)
    assert future.check_condition() is False
    box.ready = True
    assert future.value == "content"


def test_async_wrapper_passes_ready_values() -> None:
    @temporal(complement=tools.fetch_box, condition=tools.box_ready)
    async def wait() -> Any:
        return "ready now"

    assert asyncio.run(wait()) == "ready now"


def test_stacking_extends_on_an_extended_function() -> None:
    @temporal(extends=tools.wait_for_report_by_id)
    def again(report_id: str) -> Any:
        return tools.wait_for_report_by_id(report_id)

    assert again.complement is tools.fetch_report
    assert again.condition is tools.report_is_ready


def test_extends_an_async_temporal_function() -> None:
    @temporal(extends=tools.wait_for_remote_report)
    def sync_wait(report: Report) -> Any:
        return FutureResult(deps=report)

    report = Report(status="ready")
    assert sync_wait(report).value == report.url


# -- wrong use ---------------------------------------------------------------------------------


def test_temporal_with_neither_is_refused() -> None:
    with pytest.raises(TypeError, match=r"temporal\(\) needs complement= and condition="):
        temporal()


def test_temporal_with_only_one_support_function_is_refused() -> None:
    with pytest.raises(TypeError, match="also needs condition="):
        temporal(complement=tools.fetch_report)
    with pytest.raises(TypeError, match="also needs complement="):
        temporal(condition=tools.report_is_ready)


def test_bare_decorator_is_refused() -> None:
    with pytest.raises(TypeError, match=r"write @temporal\(complement=..., condition=...\)"):

        @temporal  # type: ignore[arg-type]
        def wait() -> None:
            pass


def test_extends_with_condition_is_refused() -> None:
    with pytest.raises(TypeError, match="reuses the complement and condition"):
        temporal(extends=tools.wait_for_report, condition=tools.report_is_ready)


@pytest.mark.parametrize("base", [tools.fetch_report, "wait_for_report", functools.partial(tools.wait_for_report)])
def test_extends_must_name_a_temporal_function(base: object) -> None:
    with pytest.raises(TypeError, match="needs a function decorated with @temporal"):
        temporal(extends=base)


def test_support_functions_must_be_callable() -> None:
    with pytest.raises(TypeError, match=r"temporal\(complement=...\) must be callable"):
        temporal(complement="fetch", condition=tools.report_is_ready)  # type: ignore[arg-type]


def test_decorating_a_non_callable_is_refused() -> None:
    with pytest.raises(TypeError, match="decorates a function"):
        temporal(complement=tools.fetch_report, condition=tools.report_is_ready)(42)  # type: ignore[arg-type]


def test_a_future_without_support_functions_says_what_to_do() -> None:
    future = FutureResult(deps="d", state_num=3)
    with pytest.raises(TypeError, match=r"not returned by a @temporal function") as raised:
        future.value
    assert "@temporal(complement=..., condition=...)" in str(raised.value)
    with pytest.raises(TypeError, match="has no condition"):
        future.check_condition()
    with pytest.raises(TypeError, match="has no complement"):
        future + 1


def test_future_error_is_raised_by_complements_not_swallowed() -> None:
    report = Report(status="running")
    future = tools.wait_for_report(report)
    with pytest.raises(FutureError):
        future.value
    assert future.check_condition() is False


def test_errors_raised_by_a_complement_propagate_unchanged() -> None:
    def broken(future: FutureResult) -> Any:
        raise KeyError("missing export id")

    @temporal(complement=broken, condition=tools.box_ready)
    def wait() -> FutureResult:
        return FutureResult(deps=tools.Box(1))

    with pytest.raises(KeyError, match="missing export id"):
        wait().value


def test_attribute_error_inside_a_complement_is_the_one_reported() -> None:
    def broken(future: FutureResult) -> Any:
        return future.deps.no_such_field

    @temporal(complement=broken, condition=tools.box_ready)
    def wait() -> FutureResult:
        return FutureResult(deps=tools.Box(1))

    future = wait()
    with pytest.raises(AttributeError, match="no_such_field"):
        future.value
    with pytest.raises(AttributeError, match="no_such_field"):
        future.upper()
    with pytest.raises(AttributeError, match="no_such_field"):
        future.value  # and again: the error is not left behind
