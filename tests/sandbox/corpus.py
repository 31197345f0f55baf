"""The sandbox corpus: escape attempts and ordinary agent scripts, and how to judge a run.

Every script runs with the globals of :func:`host_globals`: ``SENTINEL``, the
path of a file that must never be created, and ``tool``, a plain host
function (``def tool(x): return x``) defined in this module.  The secret of a
run is *not* among the script's globals; it is planted where only a route out
of a sandbox reaches it (see docs/guides/limits-sandbox.md):

- ``SECRET``, a global of this module, so ``tool.__globals__["SECRET"]`` and
  ``sys.modules[tool.__module__].SECRET`` hold it;
- the environment variable ``STATEK_TEST_SECRET``.

A run *escaped* when the sentinel exists (as a file, a directory or a socket)
or the secret appears in its output (:func:`escaped`).  Every escape script
escapes when run natively (:func:`run_native`); under ``statek_vm.Sandbox()``
each must instead be refused (:func:`check_refused`).

Header comments a script may start with:

- ``# versions: 3.12+`` (or ``3.11``, ``3.11-3.12``): the CPython minor
  versions on which the chain exists; elsewhere the script is left out.
- ``# expect: no-escape`` (escape scripts): the attempt is code the host
  would run later (a ``__del__``, a generator's ``finally``); a sandbox may
  refuse it or let the job complete, but nothing may escape.

Run one escape script natively in a fresh process (what the tests do, so that
threads, signal handlers and exit hooks of the attempt die with it)::

    python -m tests.sandbox.corpus tests/sandbox/escapes/001_gen_gi_frame_f_back.py /tmp/somewhere
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ESCAPES_DIR = HERE / "escapes"
ORDINARY_DIR = HERE / "ordinary"

SENTINEL_NAME = "ESCAPED"
SECRET_ENV = "STATEK_TEST_SECRET"

# Planted by host_globals; reachable only through the host function's globals
# or this module.
SECRET = ""

_VERSIONS = re.compile(r"#\s*versions:\s*3\.(\d+)\s*(\+|-\s*3\.(\d+))?\s*$")
_EXPECT_NO_ESCAPE = "# expect: no-escape"


def tool(x: Any) -> Any:
    """The host binding every script receives: returns its argument."""
    return x


# --------------------------------------------------------------------------
# The scripts


def _header(source: str) -> list[str]:
    lines = []
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def runs_on(source: str, minor: int | None = None) -> bool:
    """Whether a script's ``# versions:`` header admits CPython 3.``minor`` (the running one by default)."""
    if minor is None:
        minor = sys.version_info.minor
    for line in _header(source):
        match = _VERSIONS.match(line)
        if match is None:
            continue
        low = int(match.group(1))
        if match.group(2) == "+":
            return minor >= low
        high = int(match.group(3)) if match.group(3) else low
        return low <= minor <= high
    return True


def expects_no_escape_only(source: str) -> bool:
    """True for an attempt a sandbox may let complete, as long as nothing escapes."""
    return _EXPECT_NO_ESCAPE in _header(source)


def _scripts(folder: Path) -> list[Path]:
    paths = sorted(folder.glob("[0-9][0-9][0-9]_*.py"))
    return [path for path in paths if runs_on(path.read_text(encoding="utf-8"))]


def escape_scripts() -> list[Path]:
    """The escape attempts that exist on the running interpreter, in name order."""
    return _scripts(ESCAPES_DIR)


def ordinary_scripts() -> list[Path]:
    """The ordinary agent scripts for the running interpreter, in name order."""
    return _scripts(ORDINARY_DIR)


# --------------------------------------------------------------------------
# Host side of a run


def secret_for(tmp_path: Path) -> str:
    """The secret of the run that uses ``tmp_path``: fixed by the path, so a judge needs only the path."""
    digest = hashlib.sha256(str(Path(tmp_path).resolve()).encode()).hexdigest()[:24]
    return f"statek-secret-{digest}"


def sentinel_path(tmp_path: Path) -> Path:
    return Path(tmp_path) / SENTINEL_NAME


def host_globals(tmp_path: Path) -> dict[str, Any]:
    """The globals a corpus script runs with, after planting the secret of ``tmp_path``.

    The secret goes into this module's ``SECRET`` (``tool.__globals__``) and
    into ``os.environ[SECRET_ENV]``; neither is handed to the script.
    """
    global SECRET
    secret = secret_for(tmp_path)
    SECRET = secret
    os.environ[SECRET_ENV] = secret
    return {"SENTINEL": str(sentinel_path(tmp_path)), "tool": tool}


def escaped(tmp_path: Path, output: str) -> bool:
    """Whether a run left a trace: the sentinel exists, or the secret is in ``output``."""
    return os.path.lexists(sentinel_path(tmp_path)) or secret_for(tmp_path) in output


def exec_native(source: str, globals: dict[str, Any], filename: str = "<agent>") -> tuple[str, Exception | None]:
    """Run ``source`` with CPython's own ``exec`` in ``globals``: what it printed, and its failure if any.

    The collector runs before the output is taken, as a host's would sooner or
    later.
    """
    buffer = io.StringIO()
    error: Exception | None = None
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(source, filename, "exec", dont_inherit=True), globals)
        except Exception as exc:  # noqa: BLE001 - the script's failure is part of the result
            error = exc
        gc.collect()
    return buffer.getvalue(), error


def run_native(source: str, globals: dict[str, Any], filename: str = "<agent>") -> str:
    """Run ``source`` natively; return what it printed.

    The script's own failure is reported on stderr, not raised: an attempt may
    escape first and fail afterwards, and the judge looks only at traces.
    """
    output, error = exec_native(source, globals, filename)
    if error is not None:
        traceback.print_exception(error, file=sys.stderr)
    return output


def check_refused(job: Any, tmp_path: Path, source: str | None = None) -> None:
    """Assert that a sandboxed run of an escape script was refused and left no trace.

    For the sandbox's tests, once ``statek_vm.Sandbox`` exists::

        def test_escape_is_refused(path, tmp_path):
            source = path.read_text(encoding="utf-8")
            job = statek_vm.run(source, corpus.host_globals(tmp_path), filename=path.name,
                                sandbox=statek_vm.Sandbox())
            corpus.check_refused(job, tmp_path, source)

    The job must have failed with ``statek_vm.SandboxViolation``, unless the
    script says ``# expect: no-escape`` (then completing is allowed too); in
    every case the collector is run and then neither the sentinel nor the
    secret (in the output or the error's message) may be found.
    """
    from statek_vm import SandboxViolation  # type: ignore[attr-defined]  # the sandbox to come

    gc.collect()
    output = job.output or ""
    message = "" if job.error is None else str(job.error)
    assert not escaped(tmp_path, output + message), f"escaped: output={output!r} error={message!r}"
    status = str(getattr(job.status, "value", job.status))
    if source is not None and expects_no_escape_only(source) and status == "COMPLETED":
        return
    assert status == "FAILED", f"the job was not refused: status {status}, output {output!r}"
    assert isinstance(job.error, SandboxViolation), f"failed with {job.error!r}, not SandboxViolation"


def _main(argv: list[str]) -> int:
    """Run one script natively (``SCRIPT TMP_PATH``) and print what it printed."""
    script, tmp_path = Path(argv[0]), Path(argv[1])
    # A worker process has the VM loaded; its classes are on the host's heap.
    import statek_vm  # noqa: F401

    output = run_native(script.read_text(encoding="utf-8"), host_globals(tmp_path), script.name)
    sys.stdout.write(output)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
