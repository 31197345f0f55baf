"""The manager: submit jobs and steer them, apart from any worker.

A :class:`Manager` needs only the store: a web application submits and
steers jobs with it while worker processes (:class:`~statek_vm.jobs.Runner`,
``statek-vm worker``) run them.  It runs nothing itself; every step is one
transaction of the store, which takes each job through the one state
machine every store shares::

    submit ──► PENDING ──claim──► STARTED ──► COMPLETED | FAILED
                                     │  ▲
                          suspends   ▼  │ claim (READY)
                                 SUSPENDED ──condition passes──► READY
                                     │
                                     └─ wait timeout ──► TIMED_OUT (or the hook decides)

``cancel`` ends a job at any point (a running job is interrupted by its
worker); ``notify(key)`` makes the jobs waiting on ``key`` be checked at once
rather than at the next sweep; ``resume`` asks for a job to be looked at now.
"""

from __future__ import annotations

import io
import json
import keyword
import os
import secrets
import sys
import time
import tokenize
from typing import Any

from statek_vm.exceptions import StatekError
from statek_vm.jobs.model import JobRecord, RetryPolicy, Status
from statek_vm.jobs.store import JobStore, open_store
from statek_vm.limits import Limits, stored
from statek_vm.program.program import compile_program

__all__ = ["PYTHON", "Manager"]

# The CPython version whose jobs this process runs: a job's bytecode is its
# interpreter's, so a worker claims only jobs submitted under its own version.
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"

_ON_FULL = ("queue", "refuse")


class Manager:
    """Submit jobs to a store and steer them; workers run them.

    Args:
        store: a :class:`JobStore`, or a spec for :func:`open_store` (a SQLite
            path, ``":memory:"``, a ``postgresql://`` URL; ``None``:
            ``$STATEK_VM_STORE`` or ``statek_vm.db``).
        max_live: the bound on jobs that are started and not final (running,
            suspended or ready) — the bounded fleet of waiting jobs.  ``None``:
            unbounded.
        on_full: beyond ``max_live``, ``"queue"`` (the default: the job waits
            as ``PENDING`` until a place frees) or ``"refuse"`` (``submit``
            raises :class:`~statek_vm.exceptions.CapacityError`).  Never dropped.
        wait_timeout: default seconds a suspension may last (``None``: no limit).
        retry: what happens to failed jobs (off by default; see :class:`RetryPolicy`).

    Example::

        manager = Manager("postgresql://jobs-db/agents")
        job_id = manager.submit(source)
        manager.notify("approval:42")  # after the approval changed
        manager.get(job_id).status
    """

    def __init__(
        self,
        store: JobStore | str | os.PathLike[str] | None = None,
        *,
        max_live: int | None = None,
        on_full: str = "queue",
        wait_timeout: float | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if on_full not in _ON_FULL:
            raise ValueError(f"on_full must be 'queue' or 'refuse', not {on_full!r}")
        if max_live is not None and max_live < 1:
            raise ValueError(f"max_live must be at least 1, not {max_live!r}")
        if wait_timeout is not None and wait_timeout <= 0:
            raise ValueError(f"wait_timeout must be positive or None, not {wait_timeout!r}")
        self.store = open_store(store)
        self.max_live = max_live
        self.on_full = on_full
        self.wait_timeout = wait_timeout
        self.retry = retry or RetryPolicy()

    def submit(
        self,
        source: str,
        *,
        filename: str = "<agent>",
        path: str | os.PathLike[str] | None = None,
        wait_timeout: float | None = None,
        limits: Limits | None = None,
        inputs: dict[str, Any] | None = None,
    ) -> str:
        """Store a new job (``PENDING``) and return its id.  A worker runs it.

        Args:
            source: the script.
            filename: its name in tracebacks, ``show`` and ``jobs``.
            path: a folder put on ``sys.path`` wherever the job runs, so the
                script imports the modules beside it (as ``python script.py``).
            wait_timeout: seconds each of its suspensions may last (default:
                the manager's).
            limits: the job's budgets (:class:`statek_vm.Limits`), in place of
                the worker's defaults for those it sets.
            inputs: values the script sees as globals, by name: JSON values
                (``None``, bools, numbers, strings, lists, dicts), stored with
                the job; each start of the script gets fresh copies.  A host
                binding of the worker's with the same name hides one.

        Raises:
            SyntaxError: the script does not compile (nothing is stored).
            CapacityError: ``max_live`` jobs exist and ``on_full="refuse"``.
        """
        if not isinstance(source, str):
            raise TypeError(f"submit() source must be a str, not {type(source).__name__}")
        if wait_timeout is not None and not wait_timeout > 0:
            raise ValueError(f"submit() wait_timeout must be positive or None, not {wait_timeout!r}")
        kept_limits = stored(limits, "submit()")
        kept_inputs = _checked_inputs(inputs)
        program = compile_program(source, filename, result=True)
        self.store.add_program(program.hash, filename, source)
        now = time.time()
        record = JobRecord(
            id=secrets.token_hex(16),
            status=Status.PENDING,
            python=PYTHON,
            program_hash=program.hash,
            filename=filename,
            path=os.fspath(path) if path is not None else None,
            wait_timeout=wait_timeout if wait_timeout is not None else self.wait_timeout,
            max_attempts=self.retry.max_attempts,
            created=now,
            updated=now,
            limits=kept_limits,
            inputs=kept_inputs,
        )
        self.store.insert(record, max_live=self.max_live if self.on_full == "refuse" else None)
        self._work_arrived()
        return record.id

    def submit_file(
        self,
        script: str | os.PathLike[str],
        *,
        wait_timeout: float | None = None,
        limits: Limits | None = None,
        inputs: dict[str, Any] | None = None,
    ) -> str:
        """Submit a script file; it imports the modules in its folder.

        The file is read as Python reads a script: UTF-8, unless a coding
        declaration in its first two lines names another encoding.
        """
        script_path = os.path.abspath(os.fspath(script))
        source = _read_script(os.fspath(script), script_path)
        return self.submit(
            source,
            filename=script_path,
            path=os.path.dirname(script_path),
            wait_timeout=wait_timeout,
            limits=limits,
            inputs=inputs,
        )

    def get(self, job_id: str) -> JobRecord:
        """A job's record (an id prefix that is unique will do)."""
        return self.store.get(job_id)

    def notify(self, key: str) -> int:
        """Check the jobs waiting on dependency ``key`` now; returns how many.

        Polling stays the fallback: a job whose deps have no key is still
        found by the next sweep.
        """
        count = self.store.wake(key=str(key))
        if count:
            self._work_arrived()
        return count

    def cancel(self, job_id: str) -> Status:
        """Cancel a job.  A running one is cancelled by its worker, within a
        second: its run stops between two instructions (or is interrupted at
        the await it waits in), and it ends ``CANCELLED``."""
        return self.store.cancel(job_id, now=time.time())

    def resume(self, job_id: str, *, limits: Limits | None = None) -> JobRecord:
        """Ask for a job to be looked at now; returns its record.

        A ``SUSPENDED`` job's condition is checked by a worker at once (as
        for ``notify``).  A ``FAILED`` or ``TIMED_OUT`` job that has a
        snapshot is made ``READY`` again and continues from that snapshot
        (instructions that ran after the snapshot run again: the operator
        asked for it; a job that a budget stopped has its snapshot where it
        stopped: nothing runs again).  ``limits``: the job's budgets from
        now on (for a job that one stopped).  :meth:`Runner.resume <statek_vm.jobs.Runner.resume>`
        does this and runs the job here.
        """
        record = self.store.get(job_id)
        if record.status in (Status.FAILED, Status.TIMED_OUT):
            moved = self.store.reopen(record.id, now=time.time(), limits=stored(limits, "resume()"))
        else:
            moved = record.status == Status.SUSPENDED and self.store.wake(job_id=record.id) > 0
        if moved:
            self._work_arrived()
        return self.store.get(record.id)

    def _work_arrived(self) -> None:
        """There is work for workers (a worker in this object wakes at once)."""


def _read_script(given: str, path: str) -> str:
    """The text of the script file ``path`` (``given`` names it in errors)."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise StatekError(f"cannot read the script {given!r}: {error.strerror}") from None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise StatekError(f"the script {given!r} has a bad coding declaration: {error.msg}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise StatekError(
            f"the script {given!r} is not {encoding} text: line {line} holds the byte "
            f"{data[error.start]:#04x}; save it as UTF-8, or declare its encoding on its first line "
            "(# -*- coding: latin-1 -*-)"
        ) from None


def _checked_inputs(inputs: dict[str, Any] | None) -> dict[str, Any] | None:
    """A job's inputs as they are stored (a JSON copy), or an error that says which one is wrong."""
    if inputs is None:
        return None
    if not isinstance(inputs, dict):
        raise TypeError(f"submit() inputs must be a dict of name: value, not {type(inputs).__name__}")
    for name, value in inputs.items():
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"the input name {name!r} is not a Python name: a script sees each input as a global")
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"the input {name!r} is not a JSON value ({error}): inputs are stored as JSON") from None
    copied: dict[str, Any] = json.loads(json.dumps(inputs))
    return copied
