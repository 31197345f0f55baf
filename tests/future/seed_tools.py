"""The application side of the seeds' examples, importable by name.

Every temporal function, complement and condition of the two seed documents
lives here at module level, as an application would define them, so futures
built from them pickle by reference and load in another process. Readiness
changes over time the way the seeds simulate it: by mutating the deps objects
(``report.status = "ready"``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Tuple  # noqa: UP035 - the seed's own spelling of the annotation

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

# -- reports (Core Mechanics, Ready and Pending Results, extends, async) --------


@dataclass
class Report:
    status: str = "running"
    url: str = "https://reports.example/report.pdf"
    version: int = 0
    fetches: int = 0  # how many times the complement fetched the result


def fetch_report(future: FutureResult) -> str:
    report = future.deps
    if report.status != "ready":
        raise FutureError(future)
    report.fetches += 1
    return str(report.url)


def report_is_ready(future: FutureResult) -> bool:
    return bool(future.deps.status == "ready")


@temporal(complement=fetch_report, condition=report_is_ready)
def wait_for_report(report: Report) -> str | FutureResult:
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)


REPORTS: dict[str, Report] = {}


def load_report(report_id: str) -> Report:
    return REPORTS[report_id]


@temporal(extends=wait_for_report)
def wait_for_report_by_id(report_id: str) -> str | FutureResult:
    report = load_report(report_id)
    return wait_for_report(report)


async def load_report_async(report_id: str) -> Report:
    await asyncio.sleep(0)
    return REPORTS[report_id]


@temporal(complement=fetch_report, condition=report_is_ready)
async def wait_for_remote_report(report_id: str) -> str | FutureResult:
    report = await load_report_async(report_id)
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)


# -- human approval ---------------------------------------------------------------


@dataclass
class ApprovalRequest:
    status: str = "pending"
    version: int = 0
    reviewer: str = "dana"


def fetch_approval(future: FutureResult) -> ApprovalRequest:
    approval = future.deps
    if approval.status == "pending":
        raise FutureError(future)
    return approval


def approval_is_done(future: FutureResult) -> bool:
    return future.deps.status in {"approved", "rejected"}


@temporal(complement=fetch_approval, condition=approval_is_done)
def wait_for_approval(approval_request: ApprovalRequest) -> ApprovalRequest | FutureResult:
    if approval_request.status in {"approved", "rejected"}:
        return approval_request
    return FutureResult(deps=approval_request, state_num=approval_request.version)


# -- background exports --------------------------------------------------------------


@dataclass
class ExportJob:
    dataset: str
    status: str = "running"
    output_url: str = ""
    version: int = 0

    def complete(self) -> None:
        self.status = "complete"
        self.output_url = f"https://exports.example/{self.dataset}.csv"
        self.version += 1


def start_export(dataset: str) -> ExportJob:
    return ExportJob(dataset=dataset)


def export_result(future: FutureResult) -> str:
    export = future.deps
    if export.status != "complete":
        raise FutureError(future)
    return str(export.output_url)


def export_complete(future: FutureResult) -> bool:
    return bool(future.deps.status == "complete")


@temporal(complement=export_result, condition=export_complete)
def wait_for_export(export_job: ExportJob) -> str | FutureResult:
    if export_job.status == "complete":
        return export_job.output_url
    return FutureResult(deps=export_job, state_num=export_job.version)


def build_report(output_url: str) -> str:
    return "report built from " + output_url


# -- bounded queue-picking warmup ---------------------------------------------------


@dataclass
class User:
    name: str
    calendar: list[str] = field(default_factory=list)


@dataclass
class Message:
    text: str


@dataclass
class Task:
    user: User
    message: Message
    created_at: str


@dataclass
class TaskQueue:
    tasks: list[Task] = field(default_factory=list)
    version: int = 0

    def push(self, task: Task) -> None:
        self.tasks.append(task)
        self.version += 1

    def peek_ready_task(self) -> Task | None:
        return self.tasks[0] if self.tasks else None

    def has_ready_task(self) -> bool:
        return bool(self.tasks)


def fetch_task(future: FutureResult) -> Task:
    queue = future.deps
    task = queue.peek_ready_task()
    if task is None:
        raise FutureError(future)
    return task


def task_available(future: FutureResult) -> bool:
    return bool(future.deps.has_ready_task())


@temporal(complement=fetch_task, condition=task_available)
def pick_next_task(queue: TaskQueue) -> Task | FutureResult:
    task = queue.peek_ready_task()
    if task is not None:
        return task
    return FutureResult(deps=queue, state_num=queue.version)


# -- loads for get_all_future (profile, calendar, preferences) ---------------------------


@dataclass
class Load:
    data: Any
    status: str = "loading"
    version: int = 0


def fetch_load(future: FutureResult) -> Any:
    load = future.deps
    if load.status != "done":
        raise FutureError(future)
    return load.data


def load_done(future: FutureResult) -> bool:
    return bool(future.deps.status == "done")


@temporal(complement=fetch_load, condition=load_done)
def wait_for_profile(load: Load) -> Any:
    return load.data if load.status == "done" else FutureResult(deps=load, state_num=load.version)


@temporal(extends=wait_for_profile)
def wait_for_calendar(load: Load) -> Any:
    return load.data if load.status == "done" else FutureResult(deps=load, state_num=load.version)


@temporal(extends=wait_for_profile)
def wait_for_preferences(load: Load) -> Any:
    return load.data if load.status == "done" else FutureResult(deps=load, state_num=load.version)


# -- tuple result unpacking ------------------------------------------------------------


@dataclass
class PairResult:
    ready: bool = False
    label: str = "apples"
    count: int = 3
    version: int = 0
    fetches: int = 0


def fetch_pair(future: FutureResult) -> Tuple[str, int]:  # noqa: UP006 - as the seed writes it
    result = future.deps
    if not result.ready:
        raise FutureError(future)
    result.fetches += 1
    return result.label, result.count


def pair_ready(future: FutureResult) -> bool:
    return bool(future.deps.ready)


@temporal(complement=fetch_pair, condition=pair_ready)
def wait_for_pair(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


def fetch_pair_builtin(future: FutureResult) -> tuple[str, int]:
    return fetch_pair(future)


@temporal(complement=fetch_pair_builtin, condition=pair_ready)
def wait_for_pair_builtin(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


def fetch_many(future: FutureResult) -> Tuple[int, ...]:  # noqa: UP006 - a variable-size tuple
    if not future.deps.ready:
        raise FutureError(future)
    return (1, 2, 3)


@temporal(complement=fetch_many, condition=pair_ready)
def wait_for_many(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


def fetch_unannotated(future):
    if not future.deps.ready:
        raise FutureError(future)
    return ("x", 1)


@temporal(complement=fetch_unannotated, condition=pair_ready)
def wait_for_unannotated(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


# -- a generic box, for the proxy tests ---------------------------------------------------


@dataclass
class Box:
    """Holds any value; ``ready`` says whether the future may see it."""

    content: Any
    ready: bool = True
    fetches: int = 0


def fetch_box(future: FutureResult) -> Any:
    box = future.deps
    if not box.ready:
        raise FutureError(future)
    box.fetches += 1
    return box.content


def box_ready(future: FutureResult) -> bool:
    return bool(future.deps.ready)


@temporal(complement=fetch_box, condition=box_ready)
def wait_for_box(box: Box) -> FutureResult:
    """Always returns a future, ready or not, so tests get a future either way."""
    return FutureResult(deps=box, state_num=0)


def future_of(content: Any, *, ready: bool = True) -> FutureResult:
    """A future over ``content``; pending when ``ready`` is false."""
    return wait_for_box(Box(content, ready))
