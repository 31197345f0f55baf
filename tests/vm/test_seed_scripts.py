"""The seeds' examples run unchanged as agent scripts, temporal functions included.

Each script defines its temporal functions itself, importing from
``statek.future``/``statek.exceptions`` as the seeds do; the application only
injects the deps objects, whose state a test changes between resumes.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

import statek_vm
from statek_vm.job import SUPPORTED_VERSIONS


def line_of(source: str, text: str) -> int:
    """The line number of the first line of ``source`` that contains ``text``."""
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

REPORT = """
from statek.future import FutureResult, temporal
from statek.exceptions import FutureError

def fetch_report(future: FutureResult) -> str:
    report = future.deps
    if report.status != "ready":
        raise FutureError(future)
    return report.url

def report_is_ready(future: FutureResult) -> bool:
    return future.deps.status == "ready"

@temporal(complement=fetch_report, condition=report_is_ready)
def wait_for_report(report) -> str | FutureResult:
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)

@temporal(extends=wait_for_report)
def wait_for_report_by_id(report_id):
    report = load_report(report_id)
    return wait_for_report(report)

report_url = wait_for_report(report)
print(report_url)
by_id = wait_for_report_by_id("r1")
print("by id:", by_id.upper())
"""


def test_report_pending_then_ready() -> None:
    report = SimpleNamespace(status="running", url="https://reports/1", version=3)
    job = statek_vm.run(REPORT, {"report": report, "load_report": lambda report_id: report})
    assert job.status == "SUSPENDED"
    assert job.location == ("<agent>", line_of(REPORT, "print(report_url)"))  # it needs the value
    assert job.awaited_result.state_num == 3
    job.resume()
    assert job.status == "SUSPENDED" and job.output == ""
    report.status = "ready"
    job.resume()
    assert job.status == "COMPLETED", job.error
    assert job.output == "https://reports/1\nby id: HTTPS://REPORTS/1\n"


def test_report_ready_path_never_suspends() -> None:
    report = SimpleNamespace(status="ready", url="u", version=0)
    job = statek_vm.run(REPORT, {"report": report, "load_report": lambda report_id: report})
    assert job.status == "COMPLETED", job.error
    assert job.output == "u\nby id: U\n"
    assert [event["event"] for event in job.history] == ["started", "completed"]


APPROVAL = """
from statek.future import FutureResult, temporal
from statek.exceptions import FutureError

def fetch_approval(future: FutureResult):
    approval = future.deps
    if approval.status == "pending":
        raise FutureError(future)
    return approval

def approval_is_done(future: FutureResult) -> bool:
    return future.deps.status in {"approved", "rejected"}

@temporal(complement=fetch_approval, condition=approval_is_done)
def wait_for_approval(approval_request):
    if approval_request.status in {"approved", "rejected"}:
        return approval_request
    return FutureResult(deps=approval_request, state_num=approval_request.version)

prepared = prepare_change()
approval = wait_for_approval(approval_request)

if approval.status == "approved":
    apply_change(proposed_change)
else:
    print("Change was not approved.")
"""


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_human_approval(decision: str) -> None:
    applied: list[str] = []
    prepared: list[str] = []
    request = SimpleNamespace(status="pending", version=1)
    bindings = {
        "approval_request": request,
        "proposed_change": "move meeting",
        "apply_change": applied.append,
        "prepare_change": lambda: prepared.append("x"),
    }
    job = statek_vm.run(APPROVAL, bindings)
    assert job.status == "SUSPENDED"
    request.status = decision
    job.resume()
    assert job.status == "COMPLETED", job.error
    assert prepared == ["x"], "the instructions before the wait ran exactly once"
    assert applied == (["move meeting"] if decision == "approved" else [])
    assert job.output == ("" if decision == "approved" else "Change was not approved.\n")


WARMUP = """
from statek.future import FutureResult, temporal
from statek.exceptions import FutureError

def fetch_task(future: FutureResult):
    queue = future.deps
    task = queue.peek_ready_task()
    if task is None:
        raise FutureError(future)
    return task

def task_available(future: FutureResult) -> bool:
    return future.deps.has_ready_task()

@temporal(complement=fetch_task, condition=task_available)
def pick_next_task(queue):
    task = queue.peek_ready_task()
    if task is not None:
        return task
    return FutureResult(deps=queue, state_num=queue.version)

task = pick_next_task(queue)
user = task.user
message = task.message
request_text = message.text
print(user, request_text)
"""


class Queue:
    def __init__(self) -> None:
        self.tasks: list[SimpleNamespace] = []
        self.version = 0

    def peek_ready_task(self) -> SimpleNamespace | None:
        return self.tasks[0] if self.tasks else None

    def has_ready_task(self) -> bool:
        return bool(self.tasks)


def test_bounded_queue_picking_warmup() -> None:
    queue = Queue()
    jobs = [statek_vm.run(WARMUP, {"queue": queue}) for _ in range(3)]
    assert all(job.status == "SUSPENDED" for job in jobs)
    assert all(job.location == ("<agent>", line_of(WARMUP, "user = task.user")) for job in jobs)
    queue.tasks.append(SimpleNamespace(user="ann", message=SimpleNamespace(text="book a room")))
    for job in jobs:
        job.resume()
        assert job.status == "COMPLETED", job.error
        assert job.output == "ann book a room\n"
        assert job.namespace["request_text"] == "book a room"


ANY_ALL_UNPACK = """
from typing import Tuple
from statek.future import FutureResult, temporal, get_any_future, get_all_future
from statek.exceptions import FutureError

def export_result(future: FutureResult):
    export = future.deps
    if export.status != "complete":
        raise FutureError(future)
    return export.output_url

def export_complete(future: FutureResult) -> bool:
    return future.deps.status == "complete"

@temporal(complement=export_result, condition=export_complete)
def wait_for_export(export_job):
    if export_job.status == "complete":
        return export_job.output_url
    return FutureResult(deps=export_job, state_num=export_job.version)

def fetch_pair(future: FutureResult) -> Tuple[str, int]:
    result = future.deps
    if not result.ready:
        raise FutureError(future)
    return result.label, result.count

def pair_ready(future: FutureResult) -> bool:
    return future.deps.ready

@temporal(complement=fetch_pair, condition=pair_ready)
def wait_for_pair(result):
    return FutureResult(deps=result, state_num=result.version)

primary = wait_for_export(primary_export)
fallback = wait_for_export(fallback_export)
first_output_url = get_any_future(primary, fallback)
notify_user(first_output_url)

both = get_all_future(primary, fallback)
a, b = both
print("all:", a, b)

label, count = wait_for_pair(pair)
print(label, count + 1)
"""


def test_any_all_and_tuple_unpacking() -> None:
    primary = SimpleNamespace(status="running", output_url="p", version=0)
    fallback = SimpleNamespace(status="running", output_url="f", version=0)
    pair = SimpleNamespace(ready=False, label="n", count=1, version=0)
    notified: list[str] = []
    bindings = {"primary_export": primary, "fallback_export": fallback, "pair": pair, "notify_user": notified.append}
    job = statek_vm.run(ANY_ALL_UNPACK, bindings)
    assert job.status == "SUSPENDED" and job.location == ("<agent>", line_of(ANY_ALL_UNPACK, "notify_user("))
    fallback.status = "complete"
    job.resume()
    assert notified == ["f"]
    # an all-future of n inputs unpacks into n pending elements; printing them needs every value
    assert job.status == "SUSPENDED" and job.location == ("<agent>", line_of(ANY_ALL_UNPACK, 'print("all:"'))
    primary.status = "complete"
    job.resume()
    # label, count are pending elements; count + 1 needs a value
    assert job.status == "SUSPENDED" and job.location == ("<agent>", line_of(ANY_ALL_UNPACK, "count + 1"))
    assert type(job.namespace["label"]).__name__ == "FutureElement"
    pair.ready = True
    job.resume()
    assert job.status == "COMPLETED", job.error
    assert job.output == "all: p f\nn 2\n"


ASYNC = """
from statek.future import FutureResult, temporal
from statek.exceptions import FutureError

def fetch_report(future):
    if future.deps.status != "ready":
        raise FutureError(future)
    return future.deps.url

def report_is_ready(future):
    return future.deps.status == "ready"

async def load_report_async(report_id):
    return reports[report_id]

@temporal(complement=fetch_report, condition=report_is_ready)
async def wait_for_remote_report(report_id):
    report = await load_report_async(report_id)
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)

url = await wait_for_remote_report("r7")
effects.append("before use")
print(url.upper())
"""


def test_async_temporal_function_at_top_level_await() -> None:
    report = SimpleNamespace(status="running", url="https://r/7", version=0)
    effects: list[str] = []
    job = statek_vm.run(ASYNC, {"reports": {"r7": report}, "effects": effects})
    assert job.status == "SUSPENDED", job.error
    assert job.location == ("<agent>", line_of(ASYNC, "url.upper()"))
    report.status = "ready"
    job.resume()
    assert job.status == "COMPLETED", job.error
    assert effects == ["before use"]
    assert job.output == "HTTPS://R/7\n"


def test_statek_names_map_to_statek_vm_inside_scripts_only() -> None:
    job = statek_vm.run(
        "import statek.future\nimport statek.exceptions as ex\nfrom statek import future\n"
        "same = statek.future.FutureResult is FUTURE_RESULT and ex.FutureError is FUTURE_ERROR and future is statek.future\n",
        {"FUTURE_RESULT": statek_vm.FutureResult, "FUTURE_ERROR": statek_vm.FutureError},
    )
    assert job.status == "COMPLETED", job.error
    assert job.namespace["same"] is True
    assert "statek" not in sys.modules
