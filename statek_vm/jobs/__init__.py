"""Stage 4 of the pipeline: jobs that persist, and workers that run them.

:class:`Manager` submits scripts as jobs into a :class:`JobStore`
(:class:`SQLiteStore` by default, :class:`PostgresStore` for workers on
many machines, :class:`MemoryStore` for tests); :class:`Runner`, a worker
and a manager, runs
them until they suspend or end, polls suspended jobs' conditions, resumes
the ready ones (each exactly once, under a lease), and applies the
policies: a bound on live jobs, wait timeouts with an escalation hook,
cancellation, and an explicit retry policy.  ``statek-vm`` is its command
line.
"""

from statek_vm.jobs.backstop import Backstop
from statek_vm.jobs.manager import Manager
from statek_vm.jobs.memory import MemoryStore
from statek_vm.jobs.model import JobRecord, RetryPolicy, Status, TimeoutDecision
from statek_vm.jobs.polling import ConditionTimeout, dependency_keys
from statek_vm.jobs.postgres import PostgresStore
from statek_vm.jobs.runner import PYTHON, Runner, SweepStats, WorkStats
from statek_vm.jobs.sqlite import SQLiteStore
from statek_vm.jobs.store import JobStore, open_store

__all__ = [
    "PYTHON",
    "Backstop",
    "ConditionTimeout",
    "JobRecord",
    "JobStore",
    "Manager",
    "MemoryStore",
    "PostgresStore",
    "RetryPolicy",
    "Runner",
    "SQLiteStore",
    "Status",
    "SweepStats",
    "TimeoutDecision",
    "WorkStats",
    "dependency_keys",
    "open_store",
]
