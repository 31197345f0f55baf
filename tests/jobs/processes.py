"""Running ``statek-vm`` in real processes, for the CLI and crash tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLBOX = Path(__file__).with_name("toolbox.py")


def environment(store: Path | str, key: bytes | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["STATEK_VM_STORE"] = str(store)
    env.pop("STATEK_VM_KEY", None)
    if key is not None:
        env["STATEK_VM_KEY"] = key.hex()
    return env


def cli(
    folder: Path, *args: str, timeout: float = 120, key: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """``statek-vm ARGS`` in ``folder``, its store ``folder/jobs.db`` (its key ``$STATEK_VM_KEY`` if given)."""
    return subprocess.run(
        [sys.executable, "-m", "statek_vm.cli", *args],
        cwd=folder,
        env=environment(folder / "jobs.db", key),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start(folder: Path, *args: str, store: str | None = None, key: bytes | None = None) -> subprocess.Popen[str]:
    """``statek-vm ARGS`` in the background (on ``store``, else ``folder/jobs.db``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "statek_vm.cli", *args],
        cwd=folder,
        env=environment(store or folder / "jobs.db", key),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def script(folder: Path, name: str, source: str) -> Path:
    """A script file in ``folder`` with the toolbox module beside it."""
    shutil.copy(TOOLBOX, folder / "toolbox.py")
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


def wait_until(predicate: Callable[[], bool], *, timeout: float = 60, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
