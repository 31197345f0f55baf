"""Run a corpus script once, in this fresh process, and write a JSON report.

Usage::

    python -m tests.agents.worker native SCRIPT REPORT
    python -m tests.agents.worker uninterrupted SCRIPT REPORT
    python -m tests.agents.worker start SCRIPT REPORT SNAPSHOT

``native`` executes the script with CPython itself, as ``python SCRIPT`` would
(a fresh ``__main__`` module holding the tools); the script prints to this
process's stdout, which the harness captures.  A script with top-level
``await`` (the VM compiles scripts as asyncio's REPL does) runs as that REPL
would run it: its module code is a coroutine, run by ``asyncio.run``.
``uninterrupted`` runs it on the VM to its end.  Both expect ``STATEK_TEST_READY=1``, so no future is ever
pending.  ``start`` runs it on the VM with pending futures until it first
suspends, and writes the snapshot (``tests.agents.resume`` continues it).

The report holds the status, the output (VM runs), the uncaught exception's
type and message, the instruction counts of this process, and where the job
waits.
"""

from __future__ import annotations

import ast
import asyncio
import collections
import inspect
import json
import signal
import sys
import traceback
import types
from pathlib import Path
from typing import Any

KEY = b"agents-corpus-snapshot-key"

# Statuses a report can have besides the job's own.
SNAPSHOT_ERROR = "SNAPSHOT_ERROR"  # job.dumps() refused
LOAD_ERROR = "LOAD_ERROR"  # Job.loads() refused


def reset_signals() -> None:
    # A child inherits ignored signals from whoever started the test run (a
    # CI runner, nohup, a shell's background job); give these their usual
    # meaning so that the process behaves the same wherever it is started.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def error_of(error: BaseException | None) -> list[str] | None:
    if error is None:
        return None
    kind = type(error)
    return [f"{kind.__module__}.{kind.__qualname__}", str(error)]


def counts_of(counts: collections.Counter[Any]) -> list[list[Any]]:
    return [[digest, instr, n] for (digest, instr), n in sorted(counts.items())]


def job_report(job: Any, counts: collections.Counter[Any]) -> dict[str, Any]:
    detail = ""
    if job.error is not None:
        detail = "".join(traceback.format_exception(job.error))
    return {
        "status": job.status.value,
        "output": job.output,
        "error": error_of(job.error),
        "counts": counts_of(counts),
        "location": list(job.location) if job.location else None,
        "detail": detail,
    }


def save(job: Any, report: dict[str, Any], snapshot: Path) -> dict[str, Any]:
    """Write the snapshot of a suspended job; a refusal becomes the report's status."""
    if job.status.value != "SUSPENDED":
        return report
    try:
        snapshot.write_bytes(job.dumps(key=KEY))
    except Exception as error:  # noqa: BLE001 - SnapshotError is the promise; anything else is reported as it is
        report.update(status=SNAPSHOT_ERROR, error=error_of(error), detail=traceback.format_exc())
    return report


def write(path: Path, report: dict[str, Any]) -> None:
    path.write_text(json.dumps(report), encoding="utf-8")


def native(script: Path, report: Path) -> None:
    from tests.agents import tools

    # (dont_inherit: not this module's ``from __future__ import annotations``)
    source = script.read_text(encoding="utf-8")
    code = compile(source, str(script), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    module = types.ModuleType("__main__")
    module.__file__ = str(script)
    module.__dict__.update(tools.bindings())
    # The script is __main__, as under ``python SCRIPT``: dataclasses, enum
    # and pickle look classes' modules up in sys.modules.  This module stays
    # referenced by ``worker`` so its globals live on.
    worker = sys.modules["__main__"]
    sys.modules["__main__"] = module
    error = None
    detail = ""
    try:
        if code.co_flags & inspect.CO_COROUTINE:
            asyncio.run(eval(code, module.__dict__))
        else:
            exec(code, module.__dict__)
    except Exception as e:  # noqa: BLE001 - any uncaught script exception is the outcome
        error = e
        detail = traceback.format_exc()
    finally:
        sys.stdout.flush()
        sys.modules["__main__"] = worker
    write(report, {"status": "FAILED" if error else "COMPLETED", "error": error_of(error), "detail": detail})


def sandbox() -> Any:
    """``STATEK_TEST_SANDBOX=1``: the VM runs the script under a ``statek_vm.Sandbox`` (resumes keep it)."""
    import os

    if os.environ.get("STATEK_TEST_SANDBOX") != "1":
        return None
    from statek_vm.sandbox import DEFAULT_IMPORTS, Sandbox

    # What the corpus imports beyond the defaults (it writes CSV to a StringIO, formats tracebacks).
    return Sandbox(imports=DEFAULT_IMPORTS | {"io", "csv", "traceback"})


def vm(script: Path, report: Path, snapshot: Path | None) -> None:
    import statek_vm
    from tests.agents import tools

    counts: collections.Counter[Any] = collections.Counter()
    job = statek_vm.run(
        script.read_text(encoding="utf-8"),
        tools.bindings(),
        filename=str(script),
        instruction_counts=counts,
        sandbox=sandbox(),
    )
    result = job_report(job, counts)
    if snapshot is not None:
        result = save(job, result, snapshot)
    write(report, result)


def main() -> None:
    reset_signals()
    mode, script, report = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if mode == "native":
        native(script, report)
    elif mode == "uninterrupted":
        vm(script, report, None)
    elif mode == "start":
        vm(script, report, Path(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
