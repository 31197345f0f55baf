"""The README's example, and the async guide's, work as they say (beyond running: tests/test_docs.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from statek_vm.job import SUPPORTED_VERSIONS

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)


def test_readme_running_a_script_example() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A taste", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    ns: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), ns)
    job = ns["job"]
    assert job.status == "COMPLETED"
    assert job.output == "preparing\ndone: approved\n"
    assert ns["applied"] == ["move meeting"]


def test_readme_async_agents_example() -> None:
    readme = (Path(__file__).parents[2] / "docs" / "guides" / "async.md").read_text(encoding="utf-8")
    section = readme.split("# Async tools and asyncio", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    ns: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), ns)
    job = ns["job"]
    assert (job.status, job.output) == ("COMPLETED", "['DRAFT ON PRICING']\n")
