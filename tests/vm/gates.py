"""Host bindings for suspension tests: gates that a test opens between resumes.

``wait(value)`` is a temporal function: it returns ``value`` when gates start
open (the uninterrupted reference run) and a pending future otherwise; every
call makes a new gate, so each wait suspends the job exactly once.
``effect(x)`` records a side effect and returns ``x``.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Any

import statek_vm
from statek_vm import FutureError, FutureResult, temporal


@dataclass
class Gate:
    key: int
    value: Any
    open: bool = False


def _fetch(future: FutureResult) -> Any:
    gate = future.deps
    if not gate.open:
        raise FutureError(future)
    return gate.value


def _is_open(future: FutureResult) -> bool:
    return bool(future.deps.open)


class CM:
    """A host context manager that logs its enter and exit."""

    def __init__(self, world: World, name: str) -> None:
        self.world, self.name = world, name

    def __enter__(self) -> str:
        self.world.log.append(("enter", self.name))
        return self.name

    def __exit__(self, *exc: Any) -> bool:
        self.world.log.append(("exit", self.name, exc[0].__name__ if exc[0] else None))
        return False


@dataclass
class World:
    """The host side of one job: gates, the side-effect log and bindings."""

    start_open: bool
    gates: dict[int, Gate] = field(default_factory=dict)
    log: list[Any] = field(default_factory=list)

    def bindings(self) -> dict[str, Any]:
        world = self

        @temporal(complement=_fetch, condition=_is_open)
        def wait(value: Any) -> Any:
            gate = Gate(len(world.gates), value, world.start_open)
            world.gates[gate.key] = gate
            if gate.open:
                return value
            return FutureResult(deps=gate, state_num=gate.key)

        def effect(x: Any) -> Any:
            world.log.append(x)
            return x

        def cm(name: str) -> CM:
            return CM(world, name)

        # The world itself is a binding too: host objects that hold it (a
        # context manager on a frame's stack) then refer to the live world
        # after a snapshot is loaded, as a durable application handle would.
        return {"wait": wait, "effect": effect, "cm": cm, "_world": world}


def run_interrupted(source: str, *, max_resumes: int = 10_000, **kwargs: Any) -> tuple[statek_vm.Job, World, int]:
    """Run ``source`` suspending at every wait; open each awaited gate and resume."""
    world = World(start_open=False)
    job = statek_vm.run(source, world.bindings(), **kwargs)
    suspensions = 0
    while job.status == "SUSPENDED":
        suspensions += 1
        assert suspensions <= max_resumes, "the job suspends forever"
        gate = job.awaited_result.deps
        assert not gate.open
        instr = job.next_instr_num
        job.resume()  # not ready: nothing runs
        assert job.status == "SUSPENDED" and job.next_instr_num == instr
        gate.open = True
        job.resume()
    return job, world, suspensions


def run_uninterrupted(source: str, **kwargs: Any) -> tuple[statek_vm.Job, World]:
    world = World(start_open=True)
    job = statek_vm.run(source, world.bindings(), **kwargs)
    return job, world


def run_native(source: str) -> tuple[World, str, BaseException | None]:
    """The script run by CPython itself, with every gate open."""
    import builtins
    import io

    world = World(start_open=True)
    out = io.StringIO()
    b = dict(builtins.__dict__)

    def _print(*args: Any, sep: str = " ", end: str = "\n", file: Any = None, flush: bool = False) -> None:
        if file is None:
            out.write(sep.join(str(a) for a in args) + end)
        else:
            builtins.print(*args, sep=sep, end=end, file=file)

    b["print"] = _print
    ns: dict[str, Any] = {"__name__": "__main__", "__builtins__": b, **world.bindings()}
    error = None
    try:
        exec(compile(source, "<agent>", "exec", dont_inherit=True), ns)
    except Exception as e:  # noqa: BLE001
        error = e
    return world, out.getvalue(), error


def counts() -> collections.Counter[Any]:
    return collections.Counter()
