"""A real dashboard over a real store, and a real browser to look at it.

``jobs(folder)`` fills ``folder/jobs.db`` through the command line: a job
suspended on a gate (its output tries to inject a script), a completed one
and a failed one.  ``Dashboard`` runs ``statek-vm dashboard --port 0`` in a
process of its own and reads the address and token it prints.
``browser()`` launches the machine's Chromium through Playwright, headless.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.jobs.processes import cli, script, start

AGENT = """\
import os
from toolbox import Gate, log, wait_gate

folder = os.path.dirname(__file__)
print('preparing <script>alert("output")</script>')
log(folder, 'prepared')
decision = wait_gate(Gate(folder, 'approval'))
print('decision:', decision.strip())
"""
WAITING_LINE = 8

REPORT = """\
rows = [("alpha", 3), ("beta", 5)]
total = sum(count for _, count in rows)
print("rows:", len(rows), "total:", total)
"""

BROKEN = """\
def parse(text):
    return int(text)

print(parse("twelve"))
"""


@dataclass
class Jobs:
    """The ids of the jobs ``jobs()`` made."""

    suspended: str
    completed: str
    failed: str


def jobs(folder: Path) -> Jobs:
    """Run three scripts as jobs in ``folder/jobs.db``, through ``statek-vm run``."""
    ids = {}
    for name, source in (("agent.py", AGENT), ("report.py", REPORT), ("broken.py", BROKEN)):
        script(folder, name, source)
        ran = cli(folder, "run", name, "--json")
        ids[name] = job_id(ran)
    return Jobs(suspended=ids["agent.py"], completed=ids["report.py"], failed=ids["broken.py"])


def job_id(ran: subprocess.CompletedProcess[str]) -> str:
    found = re.search(r'"id": "([0-9a-f]+)"', ran.stdout)
    assert found, f"statek-vm run printed no job: {ran.stdout!r} {ran.stderr!r}"
    return found.group(1)


class Dashboard:
    """``statek-vm dashboard --port 0`` on ``folder/jobs.db``, in its own process."""

    def __init__(self, folder: Path) -> None:
        need_the_extra()
        self.process = start(folder, "dashboard", "--port", "0")
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", line)
        if not found:
            self.close()
            assert self.process.stderr is not None
            raise AssertionError(f"the dashboard did not start: {line!r} {self.process.stderr.read()!r}")
        self.url, self.token = found.group(1), found.group(2)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()

    def __enter__(self) -> Dashboard:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _missing(what: list[str]) -> None:
    """Skip for want of ``what`` here; in CI, where ``.ci/run`` and tox install everything, fail."""
    message = f"the dashboard's tests need {' and '.join(what)}"
    if _in_ci():
        pytest.fail(message + "; .ci/run and tox install them")
    pytest.skip(message)


def need_the_extra() -> None:
    """The dashboard's own dependencies (the server runs in another process, which would fail less clearly)."""
    absent = [name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None]
    if absent:
        _missing([f"{', '.join(absent)} (pip install 'statek-vm[dashboard]')"])


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Chromium (the machine's own, never a downloaded one) through Playwright.

    Skipped where Chromium or Playwright is missing; in CI that fails
    instead (``.ci/run`` installs Chromium, tox Playwright).
    """
    missing = []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("Playwright (pip install playwright)")
    executable = chromium_path()
    if executable is None:
        missing.append("Chromium (apt-get install chromium)")
    if missing:
        _missing(missing)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()
