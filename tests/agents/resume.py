"""Resume a suspended corpus job in this fresh process, and write a JSON report.

Usage: python -m tests.agents.resume SNAPSHOT REPORT

The job is loaded from SNAPSHOT with fresh tools.  It is first resumed with
its awaited future still pending, which must change nothing; then the test
"approves": the future's deps are marked ready, and the job runs on until it
suspends again (SNAPSHOT is replaced by the new snapshot), completes or fails.
A job whose tasks wait on several futures at once awaits a combination of
them: the first pending request found in it is approved, one per process, so
the job resumes with some of its tasks' futures ready and the others not.
The report has the same fields as ``tests.agents.worker``'s.
"""

from __future__ import annotations

import collections
import contextlib
import sys
import traceback
from pathlib import Path
from typing import Any

import statek_vm
from tests.agents import tools
from tests.agents.worker import KEY, LOAD_ERROR, error_of, job_report, reset_signals, save, write


def pending_requests(awaited: Any) -> list[Any]:
    """The pending tool requests a suspended job waits on, in the order found.

    The awaited future's deps, or, when it combines several futures, their
    deps: the walk goes through containers and the objects of ``statek_vm``
    (a combination's own fields), nothing else.
    """
    found: list[Any] = []
    seen: set[int] = set()
    todo = [awaited]
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, tools.PENDING_TYPES):
            if not obj.ready:
                found.append(obj)
            continue
        children: list[Any] = []
        if isinstance(obj, (list, tuple)):
            children = list(obj)
        elif isinstance(obj, dict):
            children = list(obj.values())
        elif type(obj).__module__.startswith("statek_vm"):
            children = _fields(obj)
        todo.extend(reversed(children))
    return found


def _fields(obj: Any) -> list[Any]:
    # object.__getattribute__: a future's own __getattr__ would resolve it.
    names = []
    for cls in type(obj).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    values = []
    for name in names:
        try:
            values.append(object.__getattribute__(obj, name))
        except AttributeError:
            continue
    with contextlib.suppress(AttributeError):
        values.extend(object.__getattribute__(obj, "__dict__").values())
    return values


def main() -> None:
    reset_signals()
    snapshot, report = Path(sys.argv[1]), Path(sys.argv[2])
    counts: collections.Counter[Any] = collections.Counter()
    try:
        job = statek_vm.Job.loads(snapshot.read_bytes(), tools.bindings(), key=KEY, instruction_counts=counts)
    except Exception as error:  # noqa: BLE001 - a snapshot dumps() wrote must load; any failure is the outcome
        write(report, {"status": LOAD_ERROR, "error": error_of(error), "detail": traceback.format_exc()})
        return
    requests = pending_requests(job.awaited_result)
    if not requests:
        raise SystemExit(f"the job waits on {job.awaited_result!r}, not on a pending tool request")
    instr = job.next_instr_num
    job.resume()
    if job.status.value != "SUSPENDED" or job.next_instr_num != instr or counts:
        raise SystemExit(f"resuming with the future pending ran the job: {job!r}, {sum(counts.values())} instructions")
    requests[0].ready = True
    job.resume()
    write(report, save(job, job_report(job, counts), snapshot))


if __name__ == "__main__":
    main()
