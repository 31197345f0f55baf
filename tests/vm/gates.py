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


# The instructions of an await's own loop (SEND, the yield that passes on
# what the awaited object yields, and 3.12's END_SEND and CLEANUP_THROW):
# with concurrent tasks they spin as often as what is awaited is not done yet,
# natively too, so exact-once comparisons of task programs leave them out.
AWAIT_LOOP = frozenset({"SEND", "YIELD_VALUE", "RESUME", "JUMP_BACKWARD_NO_INTERRUPT", "END_SEND", "CLEANUP_THROW"})


def in_await_loop(program: Any, number: int) -> bool:
    """Whether instruction ``number`` of ``program`` belongs to an await's own loop (:data:`AWAIT_LOOP`)."""
    if number >= program.instruction_count:
        return False  # (a unit made at run time, func.__code__ = ...: not in the compiled program)
    unit, pc = program.locate(number)
    return unit.ops[pc].name in AWAIT_LOOP


def gates_of(awaited: Any) -> list[Any]:
    """The gates a suspended job waits on: one, or several when tasks of its event loop wait at once."""
    from statek_vm.future import CombinedFuture

    if isinstance(awaited, CombinedFuture):
        return [gate for future in awaited._futures for gate in gates_of(future)]
    return [awaited.deps]


def run_interrupted(source: str, *, max_resumes: int = 10_000, **kwargs: Any) -> tuple[statek_vm.Job, World, int]:
    """Run ``source`` suspending at every wait; open each awaited gate and resume."""
    world = World(start_open=False)
    job = statek_vm.run(source, world.bindings(), **kwargs)
    suspensions = 0
    while job.status == "SUSPENDED":
        suspensions += 1
        assert suspensions <= max_resumes, "the job suspends forever"
        gates = gates_of(job.awaited_result)
        assert gates and not any(gate.open for gate in gates)
        instr = job.next_instr_num
        job.resume()  # not ready: nothing runs
        assert job.status == "SUSPENDED" and job.next_instr_num == instr
        for gate in gates:
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


# -- exact-once checks shared by the suspension tests ----------------------------

KEY = b"gates-snapshot-key".ljust(32, b".")


def run_reloaded(
    source: str, instruction_counts: collections.Counter[Any] | None = None, *, dropped: bool = False
) -> tuple[statek_vm.Job, World, int]:
    """Like :func:`run_interrupted`, but each resume is of a job loaded from the snapshot bytes.

    With ``dropped``, the job is dropped before its bytes are loaded, and
    loaded with fresh host bindings (of the same world), as a new process
    would load it.
    """
    world = World(start_open=False)
    bindings = world.bindings()
    job = statek_vm.run(source, bindings, instruction_counts=instruction_counts)
    suspensions = 0
    while job.status == "SUSPENDED":
        suspensions += 1
        data = job.dumps(key=KEY)
        if dropped:
            del job
            bindings = world.bindings()
        job = statek_vm.Job.loads(data, bindings, key=KEY, instruction_counts=instruction_counts)
        job.awaited_result.deps.open = True
        job.resume()
    return job, world, suspensions


def simple_values(ns: dict[str, Any]) -> dict[str, Any]:
    """The names of a namespace bound to plain values (what two runs' namespaces are compared by)."""
    return {k: v for k, v in ns.items() if isinstance(v, (int, str, tuple, list)) and not k.startswith("__")}


def check_exact_once(source: str, *, reload: bool = False) -> None:
    """Native, VM uninterrupted and VM suspended at every wait agree; no instruction runs twice.

    With ``reload``, also a run whose every resume is of a job loaded from the
    snapshot bytes (some 40 times slower per wait than keeping the job).
    """
    native_world, native_output, native_error = run_native(source)
    assert native_error is None, f"generated program is invalid: {native_error!r}\n{source}"

    reference_counts = counts()
    reference, reference_world = run_uninterrupted(source, instruction_counts=reference_counts)
    assert reference.status == "COMPLETED", f"{reference.error!r}\n{source}"

    interrupted_counts = counts()
    job, world, suspensions = run_interrupted(source, instruction_counts=interrupted_counts)
    assert job.status == "COMPLETED", f"{job.error!r}\n{source}"

    assert suspensions == len(world.gates), source
    assert world.log == native_world.log == reference_world.log, source
    assert job.output == native_output == reference.output, source
    assert interrupted_counts == reference_counts, source
    assert simple_values(job.namespace) == simple_values(reference.namespace), source

    if not reload:
        return
    reloaded_counts = counts()
    reloaded, reloaded_world, reloads = run_reloaded(source, reloaded_counts)
    assert reloaded.status == "COMPLETED", f"reloaded: {reloaded.error!r}\n{source}"
    assert reloads == len(reloaded_world.gates), source
    assert reloaded_world.log == native_world.log, source
    assert reloaded.output == native_output, source
    assert reloaded_counts == reference_counts, source
