"""Durable handles for job tests: state lives in files, so any process sees it.

A :class:`Gate` is a named file in a folder: pending while the file does not
exist, its content once it does.  ``wait_gate(gate)`` is the temporal
function scripts call; ``log(folder, text)`` appends a line to the side-effect
log that tests count to prove nothing ran twice.  Test scripts import this
module from their own folder (it is copied beside them), as a team's scripts
import their tools.
"""

from __future__ import annotations

import os
import time
from typing import Any

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal


class Gate:
    """A durable dependency: the file ``folder/name``."""

    def __init__(self, folder: str, name: str) -> None:
        self.folder = str(folder)
        self.name = name

    @property
    def __statek_key__(self) -> str:
        return f"gate:{self.name}"

    @property
    def path(self) -> str:
        return os.path.join(self.folder, self.name)

    def read(self) -> str | None:
        try:
            with open(self.path, encoding="utf-8") as file:
                return file.read()
        except FileNotFoundError:
            return None

    def open(self, value: str = "open") -> None:
        with open(self.path + ".tmp", "w", encoding="utf-8") as file:
            file.write(value)
        os.replace(self.path + ".tmp", self.path)

    def __repr__(self) -> str:
        return f"Gate({self.name!r})"


def _fetch(future: FutureResult) -> str:
    value = future.deps.read()
    if value is None:
        raise FutureError(future)
    return value


def _ready(future: FutureResult) -> bool:
    return future.deps.read() is not None


@temporal(complement=_fetch, condition=_ready)
def wait_gate(gate: Gate) -> Any:
    value = gate.read()
    return value if value is not None else FutureResult(deps=gate, state_num=0)


def log(folder: str, text: str) -> None:
    """Append a line to the side-effect log (one write call: whole lines)."""
    with open(os.path.join(str(folder), "log"), "a", encoding="utf-8") as file:
        file.write(f"{text}\n")


def log_lines(folder: str) -> list[str]:
    try:
        with open(os.path.join(str(folder), "log"), encoding="utf-8") as file:
            return file.read().splitlines()
    except FileNotFoundError:
        return []


def block(folder: str, seconds: float) -> None:
    """The first time: say so in ``folder/entered``, then sleep (a run to kill
    in the middle).  Later calls return at once."""
    entered = os.path.join(str(folder), "entered")
    if os.path.exists(entered):
        return
    with open(entered, "w", encoding="utf-8") as file:
        file.write(str(os.getpid()))
    time.sleep(seconds)
