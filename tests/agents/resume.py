"""Resume a suspended corpus job in this fresh process, and write a JSON report.

Usage: python -m tests.agents.resume SNAPSHOT REPORT

The job is loaded from SNAPSHOT with fresh tools.  It is first resumed with
its awaited future still pending, which must change nothing; then the test
"approves": the future's deps are marked ready, and the job runs on until it
suspends again (SNAPSHOT is replaced by the new snapshot), completes or fails.
The report has the same fields as ``tests.agents.worker``'s.
"""

from __future__ import annotations

import collections
import sys
import traceback
from pathlib import Path
from typing import Any

import statek_vm
from tests.agents import tools
from tests.agents.worker import KEY, LOAD_ERROR, error_of, job_report, reset_signals, save, write


def main() -> None:
    reset_signals()
    snapshot, report = Path(sys.argv[1]), Path(sys.argv[2])
    counts: collections.Counter[Any] = collections.Counter()
    try:
        job = statek_vm.Job.loads(snapshot.read_bytes(), tools.bindings(), key=KEY, instruction_counts=counts)
    except Exception as error:  # noqa: BLE001 - a snapshot dumps() wrote must load; any failure is the outcome
        write(report, {"status": LOAD_ERROR, "error": error_of(error), "detail": traceback.format_exc()})
        return
    deps = job.awaited_result.deps
    if not isinstance(deps, tools.PENDING_TYPES) or deps.ready:
        raise SystemExit(f"the job waits on {deps!r}, not on a pending tool request")
    instr = job.next_instr_num
    job.resume()
    if job.status.value != "SUSPENDED" or job.next_instr_num != instr or counts:
        raise SystemExit(f"resuming with the future pending ran the job: {job!r}, {sum(counts.values())} instructions")
    deps.ready = True
    job.resume()
    write(report, save(job, job_report(job, counts), snapshot))


if __name__ == "__main__":
    main()
