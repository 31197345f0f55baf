"""The temporal API of statek_vm, run natively: ready and pending results.

    python3 examples/temporal_api.py

A temporal function returns its value when it is ready, or a pending
FutureResult. Inside a statek_vm job, using a pending future suspends the job
at that instruction; here, outside a job, it raises FutureError instead, and
we change the world by hand (``report.status = "ready"``) the way a background
export or a human approval would.
"""

from __future__ import annotations

from dataclasses import dataclass

from statek_vm import FutureError, FutureResult, get_all_future, get_any_future, temporal


@dataclass
class Report:
    name: str
    status: str = "running"
    version: int = 0

    @property
    def url(self) -> str:
        return f"https://reports.example/{self.name}.pdf"


def fetch_report(future: FutureResult) -> str:
    """The complement: fetch the result, or say it is not ready yet."""
    report = future.deps
    if report.status != "ready":
        raise FutureError(future)
    return str(report.url)


def report_is_ready(future: FutureResult) -> bool:
    """The condition: cheap, because a runner polls it."""
    return bool(future.deps.status == "ready")


@temporal(complement=fetch_report, condition=report_is_ready)
def wait_for_report(report: Report) -> str | FutureResult:
    if report.status == "ready":
        return report.url
    return FutureResult(deps=report, state_num=report.version)


@dataclass
class Count:
    label: str
    count: int
    ready: bool = False


def fetch_count(future: FutureResult) -> tuple[str, int]:
    result = future.deps
    if not result.ready:
        raise FutureError(future)
    return result.label, result.count


def count_is_ready(future: FutureResult) -> bool:
    return bool(future.deps.ready)


@temporal(complement=fetch_count, condition=count_is_ready)
def wait_for_count(result: Count) -> FutureResult:
    return FutureResult(deps=result, state_num=0)


def main() -> None:
    # Ready path: the value itself comes back.
    url = wait_for_report(Report("weekly", status="ready"))
    print(f"ready path: wait_for_report returned {url!r} ({type(url).__name__})")

    # Pending path: a future comes back; using it needs the value.
    report = Report("monthly", version=1)
    url = wait_for_report(report)
    print(f"pending path: wait_for_report returned {url!r}")
    print(f"  check_condition() -> {url.check_condition()}")
    try:
        print(url.upper())
    except FutureError as error:
        print(f"  url.upper() raised FutureError ({type(error.future).__name__}); a job would suspend here")

    report.status = "ready"  # the export finished
    print(f"now ready: check_condition() -> {url.check_condition()}, value -> {url.value!r}")
    print(f"  and it behaves like its value: url.upper() -> {url.upper()!r}, len(url) -> {len(url)}")

    # Any: the first input that is ready.
    primary, fallback = Report("primary"), Report("fallback")
    first = get_any_future(wait_for_report(primary), wait_for_report(fallback))
    print(f"any: ready? {first.check_condition()}")
    fallback.status = "ready"
    print(f"any: after the fallback finished -> {first.value!r}")

    # All: every input, in order.
    left, right = Report("left"), Report("right")
    both = get_all_future(wait_for_report(left), wait_for_report(right))
    left.status = "ready"
    print(f"all: one of two ready -> ready? {both.check_condition()}")
    right.status = "ready"
    print(f"all: both ready -> {both.value!r}")

    # Tuple unpacking: the complement returns tuple[str, int], so a pending
    # result unpacks into two elements without fetching anything.
    result = Count("apples", 3)
    label, count = wait_for_count(result)
    print(f"unpacked: label, count -> {type(label).__name__}, {type(count).__name__} (nothing fetched yet)")
    result.ready = True
    print(f"unpacked: label={label.value!r}, count={count.value!r}, count + 1 = {count + 1}")


if __name__ == "__main__":
    main()
