"""Every code example of the two seed documents, run natively.

Without a VM, a pending future raises FutureError where a job would suspend;
each test then changes the deps the way the seeds do and checks that the same
code reads the value.
"""

from __future__ import annotations

import asyncio
import inspect

import pytest

import statek_vm
from statek_vm import FutureElement, FutureError, FutureResult, get_all_future, get_any_future, temporal
from statek_vm.future import AllFuture, AnyFuture

from . import seed_tools as tools
from .seed_tools import (
    ApprovalRequest,
    ExportJob,
    Load,
    Message,
    PairResult,
    Report,
    Task,
    TaskQueue,
    User,
)

# -- Core Mechanics; Ready and Pending Results ------------------------------------


def test_ready_path_returns_the_value_itself(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report(status="ready")
    url = tools.wait_for_report(report)
    print(url)
    assert type(url) is str
    assert capsys.readouterr().out == "https://reports.example/report.pdf\n"


def test_pending_path_returns_a_future_that_becomes_ready(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report(status="running", version=7)
    url = tools.wait_for_report(report)
    assert isinstance(url, FutureResult)
    assert url.deps is report
    assert url.state_num == 7
    assert url.check_condition() is False
    with pytest.raises(FutureError) as raised:
        print(url)
    assert raised.value.future is url

    report.status = "ready"
    assert url.check_condition() is True
    print(url)
    assert capsys.readouterr().out == "https://reports.example/report.pdf\n"


def test_check_condition_then_value(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report(status="running")
    future = tools.wait_for_report(report)
    if future.check_condition():
        print(future.value)
    assert capsys.readouterr().out == ""
    report.status = "ready"
    if future.check_condition():
        print(future.value)
    assert capsys.readouterr().out == "https://reports.example/report.pdf\n"


def test_value_is_fetched_once_and_cached() -> None:
    report = Report(status="running")
    future = tools.wait_for_report(report)
    report.status = "ready"
    assert future.value == report.url
    report.url = "https://reports.example/changed.pdf"
    assert future.value == "https://reports.example/report.pdf"
    assert report.fetches == 1
    # Once cached the future stays ready, whatever its deps say now.
    report.status = "running"
    assert future.check_condition() is True


def test_the_complement_may_run_again_while_pending() -> None:
    report = Report(status="running")
    future = tools.wait_for_report(report)
    for _ in range(3):
        with pytest.raises(FutureError):
            future.value
    report.status = "ready"
    assert future.value == report.url


# -- Human Approval -----------------------------------------------------------------


def _approval_flow(approval_request: ApprovalRequest, applied: list[str]) -> None:
    approval = tools.wait_for_approval(approval_request)
    if approval.status == "approved":
        applied.append("proposed change")
    else:
        print("Change was not approved.")


def test_human_approval_pending_then_approved() -> None:
    request = ApprovalRequest(status="pending", version=2)
    applied: list[str] = []
    with pytest.raises(FutureError):
        _approval_flow(request, applied)
    assert applied == []
    request.status = "approved"
    _approval_flow(request, applied)
    assert applied == ["proposed change"]


def test_human_approval_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    request = ApprovalRequest(status="pending")
    approval = tools.wait_for_approval(request)
    assert approval.check_condition() is False
    request.status = "rejected"
    assert approval.check_condition() is True
    assert approval.status == "rejected"
    assert approval.reviewer == "dana"
    applied: list[str] = []
    _approval_flow(request, applied)
    assert applied == []
    assert capsys.readouterr().out == "Change was not approved.\n"


# -- Background Exports ----------------------------------------------------------------


def test_background_export() -> None:
    export_job = tools.start_export("sales")
    output_url = tools.wait_for_export(export_job)
    assert isinstance(output_url, FutureResult)
    with pytest.raises(FutureError):
        tools.build_report(output_url)
    export_job.complete()
    assert output_url.state_num == 0  # the boundary recorded when the wait began
    assert tools.build_report(output_url) == "report built from https://exports.example/sales.csv"


def test_background_export_ready_path() -> None:
    export_job = ExportJob(dataset="sales")
    export_job.complete()
    output_url = tools.wait_for_export(export_job)
    assert output_url == "https://exports.example/sales.csv"
    assert not isinstance(output_url, FutureResult)


# -- Bounded Queue-Picking Warmup ----------------------------------------------------------


def _a_task() -> Task:
    return Task(
        user=User(name="ana", calendar=["standup"]),
        message=Message(text="move my 1:1"),
        created_at="2026-11-01T09:00",
    )


def test_queue_warmup_waits_for_a_task() -> None:
    queue = TaskQueue()
    task = tools.pick_next_task(queue)
    assert isinstance(task, FutureResult)
    assert task.state_num == 0
    with pytest.raises(FutureError):
        task.user

    queue.push(_a_task())
    assert task.check_condition() is True
    user = task.user
    message = task.message
    timestamp = task.created_at
    calendar = user.calendar
    request_text = message.text
    assert (user.name, request_text, timestamp, calendar) == (
        "ana",
        "move my 1:1",
        "2026-11-01T09:00",
        ["standup"],
    )


def test_queue_warmup_ready_path() -> None:
    queue = TaskQueue()
    queue.push(_a_task())
    task = tools.pick_next_task(queue)
    assert type(task) is Task


# -- Waiting for Any Future ----------------------------------------------------------------


def test_any_resolves_to_the_first_ready_input() -> None:
    primary_export, fallback_export = tools.start_export("primary"), tools.start_export("fallback")
    primary = tools.wait_for_export(primary_export)
    fallback = tools.wait_for_export(fallback_export)
    first_output_url = get_any_future(primary, fallback)
    assert isinstance(first_output_url, AnyFuture)
    assert first_output_url.check_condition() is False
    with pytest.raises(FutureError) as raised:
        tools.build_report(first_output_url)
    assert raised.value.future is first_output_url

    fallback_export.complete()
    assert first_output_url.check_condition() is True
    assert tools.build_report(first_output_url).endswith("fallback.csv")
    primary_export.complete()
    assert first_output_url == "https://exports.example/fallback.csv"  # one value, cached


def test_any_prefers_inputs_in_order() -> None:
    exports = [tools.start_export(name) for name in ("a", "b", "c")]
    futures = [tools.wait_for_export(export) for export in exports]
    first = get_any_future(*futures)
    exports[2].complete()
    exports[1].complete()
    assert first.value == "https://exports.example/b.csv"


# -- Waiting for All Futures --------------------------------------------------------------------


def test_all_unpacks_into_elements_and_waits_for_every_input() -> None:
    profile_load, calendar_load, preference_load = (
        Load({"name": "ana"}),
        Load(["standup"]),
        Load({"tz": "UTC"}),
    )
    profile = tools.wait_for_profile(profile_load)
    calendar = tools.wait_for_calendar(calendar_load)
    preferences = tools.wait_for_preferences(preference_load)

    combined = get_all_future(profile, calendar, preferences)
    assert isinstance(combined, AllFuture)
    profile_data, calendar_data, preference_data = combined
    for element in (profile_data, calendar_data, preference_data):
        assert isinstance(element, FutureElement)
        with pytest.raises(FutureError):
            element.value

    profile_load.status = calendar_load.status = "done"
    assert combined.check_condition() is False
    with pytest.raises(FutureError) as raised:
        profile_data["name"]
    assert raised.value.future is combined  # the element asks its parent

    preference_load.status = "done"
    assert profile_data["name"] == "ana"
    assert calendar_data == ["standup"]
    assert preference_data.value == {"tz": "UTC"}
    assert combined.value == ({"name": "ana"}, ["standup"], {"tz": "UTC"})


def test_all_of_ready_values() -> None:
    loads = [Load(n, status="done") for n in range(3)]
    futures = [tools.wait_for_profile(load) for load in loads]
    assert futures == [0, 1, 2]  # ready values, not futures
    assert get_all_future(*futures).value == (0, 1, 2)


def test_combined_helpers_require_at_least_one_future() -> None:
    with pytest.raises(TypeError, match="at least one"):
        get_any_future()
    with pytest.raises(TypeError, match="at least one"):
        get_all_future()


# -- Tuple Result Unpacking ----------------------------------------------------------------------


def test_tuple_unpacking_of_a_pending_pair(capsys: pytest.CaptureFixture[str]) -> None:
    result = PairResult(ready=False)
    label, count = tools.wait_for_pair(result)
    assert isinstance(label, FutureElement)
    assert isinstance(count, FutureElement)
    assert result.fetches == 0  # unpacking fetched nothing
    with pytest.raises(FutureError):
        print(label, count)

    result.ready = True
    assert label.check_condition()
    assert count.check_condition()
    print(label, count)
    assert capsys.readouterr().out == "apples 3\n"
    assert result.fetches == 1


def test_unpacking_without_a_fixed_tuple_annotation_raises_future_error() -> None:
    result = PairResult(ready=False)
    with pytest.raises(FutureError):
        _label, _count = tools.wait_for_unannotated(result)
    result.ready = True
    label, count = tools.wait_for_unannotated(result)
    assert (label, count) == ("x", 1)


# -- Extending a Temporal Function ------------------------------------------------------------------


def test_extends_reuses_the_base_complement_and_condition() -> None:
    assert tools.wait_for_report_by_id.complement is tools.fetch_report
    assert tools.wait_for_report_by_id.condition is tools.report_is_ready
    report = tools.REPORTS["weekly"] = Report(status="running", version=4)
    url = tools.wait_for_report_by_id("weekly")
    assert isinstance(url, FutureResult)
    assert url.state_num == 4
    report.status = "ready"
    assert url.value == report.url
    assert tools.wait_for_report_by_id("weekly") == report.url


def test_extends_with_complement_is_refused() -> None:
    with pytest.raises(TypeError, match="do not also pass complement= or condition="):

        @temporal(extends=tools.wait_for_report, complement=tools.fetch_report)
        def nope(report: Report) -> object:
            return report


def test_extends_of_a_plain_function_is_refused() -> None:
    def plain(report: Report) -> str:
        return report.url

    with pytest.raises(TypeError, match=r"needs a function decorated with @temporal"):
        temporal(extends=plain)


# -- Async Temporal Functions ---------------------------------------------------------------------------


def test_async_temporal_function() -> None:
    assert inspect.iscoroutinefunction(tools.wait_for_remote_report)
    assert tools.wait_for_remote_report.complement is tools.fetch_report
    report = tools.REPORTS["remote"] = Report(status="running", version=1)

    pending = asyncio.run(tools.wait_for_remote_report("remote"))
    assert isinstance(pending, FutureResult)
    assert pending.check_condition() is False
    report.status = "ready"
    assert pending.value == report.url
    assert asyncio.run(tools.wait_for_remote_report("remote")) == report.url


async def _load_report_slowly(report_id: str) -> Report:
    await asyncio.sleep(0.001)  # a loader that really awaits I/O
    return tools.REPORTS[report_id]


@temporal(complement=tools.fetch_report, condition=tools.report_is_ready)
async def _wait_for_remote_report_slowly(report_id: str) -> str | FutureResult:
    report = await _load_report_slowly(report_id)
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)


@pytest.mark.parametrize("ready", [True, False], ids=["ready", "pending"])
def test_the_async_temporal_example_in_a_job_with_a_loader_that_awaits(ready: bool) -> None:
    # The seeds' "Async Temporal Functions" example: top-level await of a
    # temporal coroutine whose loader awaits on the event loop; pending, the
    # job suspends where it uses the URL and resumes from its snapshot bytes.
    report = tools.REPORTS["r1"] = Report(status="ready" if ready else "running", version=1)
    source = "url = await wait_for_remote_report('r1')\nprint('exported to', url)\n"
    bindings = {"wait_for_remote_report": _wait_for_remote_report_slowly}
    job = statek_vm.run(source, bindings)
    if not ready:
        assert job.status == "SUSPENDED"
        job = statek_vm.Job.loads(job.dumps(key=b"k" * 32), bindings, key=b"k" * 32)
        job.resume()
        assert job.status == "SUSPENDED"
        job.awaited_result.deps.status = "ready"  # (the loaded job's report: the snapshot carried it)
        job.resume()
    assert job.status == "COMPLETED", job.error
    assert job.output == f"exported to {report.url}\n"
