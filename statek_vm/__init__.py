"""statek_vm: durable agent scripts on CPython.

A script that needs the value of a pending future suspends at that exact
instruction; its whole execution state is persisted, and it resumes later, in
this process or another, without re-running any instruction that already ran.
"""

from statek_vm.exceptions import (
    FutureError,
    JobCancelled,
    LimitExceeded,
    NotResumableError,
    SandboxViolation,
    SnapshotError,
    StatekError,
)
from statek_vm.future import (
    FutureElement,
    FutureResult,
    future_aware,
    get_all_future,
    get_any_future,
    temporal,
)
from statek_vm.job import Job, JobStatus, arun, prepare, run
from statek_vm.job_error import JobError
from statek_vm.limits import Limits
from statek_vm.sandbox import Sandbox

__version__ = "0.1.0"

__all__ = [
    "FutureElement",
    "FutureError",
    "FutureResult",
    "Job",
    "JobCancelled",
    "JobError",
    "JobStatus",
    "LimitExceeded",
    "Limits",
    "NotResumableError",
    "Sandbox",
    "SandboxViolation",
    "SnapshotError",
    "StatekError",
    "__version__",
    "arun",
    "future_aware",
    "get_all_future",
    "get_any_future",
    "prepare",
    "run",
    "temporal",
]
