"""Every code block of the README and of ``docs/`` runs as written.

A page's blocks run in order, in one fresh process whose working directory
is a new folder holding a copy of ``examples/`` (as a clone's root does): ``python`` blocks share one namespace, ``__main__``'s (a
later block may use what an earlier one defined, as a reader would, and
functions are a script's), ``sh`` blocks run in
``bash -euo pipefail`` with this interpreter's ``bin`` folder first on
``PATH`` (so ``python3`` and ``statek-vm`` are the ones under test).
``text`` blocks show output and are not run.  A block that cannot run here
(it installs packages, or serves forever) is marked by the line before its
fence, ``<!-- not-run: why -->``, and the reason may not be empty.  Any other
fence language is refused, so no new kind of block goes untested.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from statek_vm.job import SUPPORTED_VERSIONS

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
RUN = {"python", "sh"}
SHOWN = {"text"}
FENCE = re.compile(r"^```(\w*)\s*$")
NOT_RUN = re.compile(r"^<!-- not-run: (.*\S.*) -->$")

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)


def blocks(page: Path) -> list[tuple[int, str, str, str | None]]:
    """(line, language, code, reason not run) of every fenced block of ``page``."""
    found = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m is None:
            i += 1
            continue
        start, lang = i, m.group(1)
        end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip() == "```"), None)
        assert end is not None, f"{page.name}:{start + 1}: a code block is never closed"
        marker = NOT_RUN.match(lines[start - 1]) if start else None
        found.append((start + 1, lang, "\n".join(lines[start + 1 : end]) + "\n", marker.group(1) if marker else None))
        i = end + 1
    return found


def _driver(page: Path, runnable: list[tuple[int, str, str]]) -> str:
    steps = "\n".join(f"step({line}, {lang!r}, {code!r})" for line, lang, code in runnable)
    return textwrap.dedent(
        f"""\
        import subprocess, sys
        namespace = sys.modules["__main__"].__dict__  # as a script run with `python` has
        def step(line, lang, code):
            where = {page.name!r} + ":" + str(line)
            print("--- block at", where, flush=True)
            if lang == "python":
                exec(compile(code, where, "exec"), namespace)
                sys.stdout.flush()
            else:
                done = subprocess.run(["bash", "-euo", "pipefail", "-c", code])
                if done.returncode:
                    sys.exit(f"the sh block at {{where}} failed with status {{done.returncode}}")
        """
    ) + steps + "\n"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_of_the_page_runs(page: Path, tmp_path: Path) -> None:
    found = blocks(page)
    for line, lang, _code, _reason in found:
        assert lang in RUN | SHOWN, f"{page.name}:{line}: a ```{lang} block is neither run (python, sh) nor output (text)"
    runnable = [(line, lang, code) for line, lang, code, reason in found if lang in RUN and reason is None]
    if not runnable:
        pytest.skip("no code block to run on this page")
    driver = tmp_path / "driver.py"
    driver.write_text(_driver(page, runnable), encoding="utf-8")
    work = tmp_path / "work"  # as a clone's root holds them: `cd examples/approval` works
    shutil.copytree(ROOT / "examples", work / "examples", ignore=shutil.ignore_patterns("*.db", "__pycache__"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATEK_VM_")}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    done = subprocess.run(
        [sys.executable, str(driver)],
        cwd=work,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{page.name}: a block failed\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"


def test_blocks_not_run_say_why() -> None:
    for page in PAGES:
        for line, lang, _code, reason in blocks(page):
            if lang in SHOWN:
                assert reason is None, f"{page.name}:{line}: a text block is never run; it needs no not-run mark"


def test_the_command_line_reference_names_every_command_and_option() -> None:
    from statek_vm.cli import _parser

    reference = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    parser = _parser()
    missing = [o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help" and f"`{o}" not in reference]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if f"`{name}" not in reference:
                    missing.append(name)
                missing += [
                    f"{name} {o}"
                    for a in sub._actions
                    for o in a.option_strings
                    if o.startswith("--") and o != "--help" and f"`{o}" not in reference
                ]
    assert not missing, f"docs/reference/cli.md does not document: {sorted(set(missing))}"
