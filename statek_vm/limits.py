"""Budgets of a job, and requests to stop a running one.

A job may be given :class:`Limits`: the VM instructions it may execute, the
seconds its script code may run, the bytes its objects may hold, the bytes
it may print.  The VM counts instructions as it runs them and, every
:data:`CHECK_EVERY` of them (and at once when a limit is closer), stops at
a *checkpoint* between two instructions to compare the job's use with its
budgets and to look for a request to stop it (a cancellation, a worker
that stops).  A job over a budget stops there as for a pending future: its
frames stay exactly at that instruction boundary, the job is ``FAILED``
with :class:`~statek_vm.LimitExceeded`, and ``job.resume(limits=...)``
with a larger budget goes on from that instruction.

What is counted, and how exactly:

- ``instructions``: the VM's dispatches of script instructions (the VM runs
  a few common pairs of instructions as one dispatch, which counts once;
  runs with ``instruction_counts`` count every instruction).  Exact for
  the script's own frames; instructions of script code that host code
  calls back are added when that call returns, so a limit can be passed by
  at most :data:`CHECK_EVERY` per such host frame before it stops.
- ``seconds``: wall-clock time while the job's code runs on the VM (the
  host functions it calls included); not the time a job's event loop
  waits for host I/O, nor the time it is suspended.
- ``output``: bytes (UTF-8) of what the job printed.  The write that
  crosses the limit is cut there and later writes are dropped; the job
  stops at the next checkpoint.
- ``memory``: bytes of the objects the job holds (its frames, their
  values, its globals, and everything they reach that the host did not
  give it), measured by a walk of those objects whenever the process's
  allocated blocks grew by a fair amount since the last walk, plus a check
  before operations that make one large object from small operands
  (``'a' * n``, ``[0] * n``, ``2 ** n``, ``1 << n``), which would otherwise
  exhaust the process before any checkpoint.  Objects that C code of the
  host allocates outside the job's reach are not counted: that is the
  backstop's job.
"""

from __future__ import annotations

import dataclasses
import gc
import math
import sys
import time
import types
from typing import Any

from statek_vm.exceptions import FutureError, LimitExceeded

# Instructions between two checkpoints when no instruction limit is nearer:
# a checkpoint costs a clock read (about 0.1 % of the time of the
# instructions between), and a cancellation lands within well under a
# millisecond of script code.
CHECK_EVERY = 1000

# The process's allocated blocks must grow by at least this many (and by
# half of those counted at the last walk) before the job's memory is
# walked again: a job that holds a lot is walked rarely.
_WALK_GROWTH = 20_000
_WALK_EVERY = 1_000_000

LIMIT_NAMES = ("instructions", "seconds", "memory", "output")


@dataclasses.dataclass(frozen=True)
class Limits:
    """Per-job budgets; ``None`` is no limit.

    Attributes:
        instructions: VM instructions the job may execute over its whole life.
        seconds: seconds of running script code over its whole life.
        memory: bytes the job's objects may hold at any time.
        output: bytes the job may print over its whole life.
    """

    instructions: int | None = None
    seconds: float | None = None
    memory: int | None = None
    output: int | None = None

    def __post_init__(self) -> None:
        for name in LIMIT_NAMES:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"Limits({name}=...) must be a number or None, not {type(value).__name__}")
            if name != "seconds" and not isinstance(value, int):
                if not float(value).is_integer():
                    raise TypeError(f"Limits({name}=...) must be a whole number, not {value!r}")
                object.__setattr__(self, name, int(value))
            if not value > 0 or (isinstance(value, float) and math.isinf(value)):
                raise ValueError(f"Limits({name}=...) must be a positive finite number, not {value!r}")

    def as_dict(self) -> dict[str, Any]:
        """The limits that are set, by name (for stores and snapshots)."""
        return {name: getattr(self, name) for name in LIMIT_NAMES if getattr(self, name) is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Limits | None:
        if not data:
            return None
        unknown = set(data) - set(LIMIT_NAMES)
        if unknown:
            raise ValueError(f"unknown limit(s) {', '.join(sorted(unknown))}: choose from {', '.join(LIMIT_NAMES)}")
        return cls(**data)

    def __or__(self, other: Limits | None) -> Limits:
        """These limits, with those of ``other`` where it sets one."""
        if other is None:
            return self
        return Limits(**{**self.as_dict(), **other.as_dict()})


def checked(limits: Any, where: str) -> Limits | None:
    """``limits`` as given to ``where`` (``"run()"``...): a :class:`Limits` or None, else a TypeError that says so."""
    if limits is None or isinstance(limits, Limits):
        return limits
    raise TypeError(f"{where} limits must be a statek_vm.Limits, not {type(limits).__name__}")


def stored(limits: Any, where: str) -> dict[str, Any] | None:
    """``limits`` as a store keeps them (``None``: not given)."""
    given = checked(limits, where)
    return None if given is None else given.as_dict()


class StopSignal:
    """What a run that stopped at a checkpoint asks of its job (a ``Suspension``'s future).

    ``kind``: ``"limit"`` (``limit`` names the budget), ``"cancel"`` (the
    job is cancelled) or ``"pause"`` (the job stops here, to go on later:
    a worker that stops).  Always ready: a job left where it stopped goes
    on from there when it is resumed.
    """

    __slots__ = ("kind", "limit")

    def __init__(self, kind: str, limit: str | None = None) -> None:
        self.kind = kind
        self.limit = limit

    def check_condition(self) -> bool:
        return True

    def __reduce__(self) -> Any:
        return (StopSignal, (self.kind, self.limit))

    def __repr__(self) -> str:
        return f"<StopSignal {self.kind}{' ' + self.limit if self.limit else ''}>"


class Meter:
    """A job's use of its budgets, and requests to stop it.

    One per job, kept by its interpreter (``Interpreter.meter``); what it
    has counted travels in the job's snapshots (:meth:`usage`).  Requests
    (:meth:`request`) may come from any thread.
    """

    def __init__(self, limits: Limits | None = None, usage: dict[str, Any] | None = None) -> None:
        self.limits = limits or Limits()
        usage = usage or {}
        self.seconds = float(usage.get("seconds", 0.0))
        self.output = int(usage.get("output", 0))
        self.memory = int(usage.get("memory", 0))
        # Set while the job's code runs (a slice): when its clock started.
        self.started: float | None = None
        self.requested: str | None = None
        # Set when output went past its limit (the next checkpoint stops).
        self.output_over = False
        self._blocks_at_walk = 0
        self._walk_growth = _WALK_GROWTH
        # Also walked after this many instructions since the last walk
        # (allocations of more than 512 bytes each are not in the blocks
        # count): a hundred times the objects the last walk visited, so
        # that walks cost about 1 % of the run.
        self._walked_at = 0
        self._walk_every = _WALK_EVERY
        # The job's roots for the memory walk: (namespace, host objects not counted).
        self.roots: Any = None

    def set_limits(self, limits: Limits) -> None:
        """New budgets (a job resumed with others): what was over the old ones is judged again."""
        self.limits = limits
        self.output_over = limits.output is not None and self.output > limits.output

    def request(self, kind: str) -> None:
        """Ask the running job to stop at its next checkpoint: ``"cancel"`` or ``"pause"``."""
        if kind not in ("cancel", "pause"):
            raise ValueError(f"unknown stop request {kind!r}")
        if self.requested != "cancel":
            self.requested = kind

    def start(self) -> None:
        self.started = time.monotonic()

    def stop(self) -> None:
        if self.started is not None:
            self.seconds += time.monotonic() - self.started
            self.started = None

    def running_seconds(self) -> float:
        started = self.started
        return self.seconds + (time.monotonic() - started if started is not None else 0.0)

    def usage(self, instructions: int) -> dict[str, Any]:
        return {
            "instructions": instructions,
            "seconds": round(self.running_seconds(), 6),
            "memory": self.memory,
            "output": self.output,
        }

    def wrote(self, size: int) -> int:
        """Count ``size`` bytes of output; how many of them fit the output limit."""
        allowed = self.limits.output
        if allowed is None:
            self.output += size
            return size
        room = max(allowed - self.output, 0)
        if size > room:
            self.output_over = True
            self.output += room
            return room
        self.output += size
        return size

    def check(self, executed: int, frame: Any) -> tuple[StopSignal | None, int]:
        """At a checkpoint: ``(what stops the job or None, instructions until the next checkpoint)``."""
        requested = self.requested
        if requested is not None:
            self.requested = None
            return StopSignal(requested), 0
        limits = self.limits
        until = CHECK_EVERY
        allowed = limits.instructions
        if allowed is not None:
            if executed >= allowed:
                return StopSignal("limit", "instructions"), 0
            until = min(until, allowed - executed)
        if limits.seconds is not None and self.running_seconds() > limits.seconds:
            return StopSignal("limit", "seconds"), 0
        if self.output_over:
            return StopSignal("limit", "output"), 0
        if limits.memory is not None:
            blocks = sys.getallocatedblocks()
            if blocks < self._blocks_at_walk:
                # The process freed more than the job made (the collector
                # freed other garbage): the job's growth counts from here.
                self._blocks_at_walk = blocks
            if blocks - self._blocks_at_walk > self._walk_growth or executed - self._walked_at > self._walk_every:
                before, blocks_before = self.memory, self._blocks_at_walk
                self.memory, visited = held_bytes(frame, self.roots)
                self._walked_at = executed
                self._walk_every = max(_WALK_EVERY, 100 * visited)
                if self.memory > limits.memory:
                    return StopSignal("limit", "memory"), 0
                # The next walk: when the blocks allocated since could, at the
                # bytes per block seen since the last walk, fill half the room
                # left, or an eighth of what the job holds, whichever is more
                # (walks cost what the job holds: a job stops at most about an
                # eighth over its limit, and walks few times on its way).
                self._blocks_at_walk = sys.getallocatedblocks()
                per_block = max(16.0, (self.memory - before) / max(1, blocks - blocks_before))
                room = (limits.memory - self.memory) / per_block
                held = self.memory / per_block
                self._walk_growth = int(max(1000, min(max(_WALK_GROWTH, held / 2), max(room / 2, held / 8))))
        return None, until

    def exceeded(self, limit: str, executed: int, where: str, *, resumable: bool = True) -> LimitExceeded:
        """The error of a job stopped by ``limit``."""
        used: float
        if limit == "instructions":
            used = executed
        elif limit == "seconds":
            used = self.running_seconds()
        else:
            used = getattr(self, limit)
        allowed = getattr(self.limits, limit)
        return LimitExceeded(limit, used, allowed, where=where, resumable=resumable)

    def large(self, size: int) -> None:
        """Before an operation makes an object of about ``size`` bytes: stop here if it would pass the memory limit.

        The job stops before the operation (it runs again when the job
        resumes with a larger limit); its memory use is reported as what it
        held plus ``size``.
        """
        allowed = self.limits.memory
        if allowed is not None and self.memory + size > allowed:
            self.memory += size
            raise FutureError(StopSignal("limit", "memory"))


# -- memory ------------------------------------------------------------------------

# Objects a walk of the job's memory does not enter nor count: shared with
# the host or the process (modules, classes, functions of the host).
_SHARED_TYPES = (
    types.ModuleType,
    type,
    types.BuiltinFunctionType,
    types.FunctionType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.CodeType,
    types.FrameType,
)


def held_bytes(frame: Any, roots: Any) -> tuple[int, int]:
    """Bytes of the objects reachable from ``frame``'s chain and the job's roots, less the host's; and their number."""
    from statek_vm.program.code_unit import CodeUnit

    namespace, shared = roots if roots is not None else (None, ())
    seen: set[int] = {id(o) for o in shared}
    todo: list[Any] = []
    f = frame
    while f is not None:
        todo.append(f)
        f = f.back
    if namespace is not None:
        seen.add(id(namespace.get("__builtins__")))
        todo.append(namespace)
    seen.update(id(o) for o in todo)
    total = 0
    getsizeof = sys.getsizeof
    referents = gc.get_referents
    skipped = (*_SHARED_TYPES, CodeUnit)
    visited = 0
    while todo:
        obj = todo.pop()
        visited += 1
        try:  # noqa: SIM105 - a with statement costs a third of the walk
            total += getsizeof(obj)
        except TypeError:
            pass
        refs = referents(obj)
        if len(refs) < 16:
            for ref in refs:
                key = id(ref)
                if key not in seen:
                    seen.add(key)
                    if not isinstance(ref, skipped):
                        todo.append(ref)
            continue
        # Which of many are new, found at C speed: a list of a million
        # equal items costs one lookup, not a million.
        by_id = dict(zip(map(id, refs), refs, strict=True))
        new = by_id.keys() - seen
        if new:
            seen.update(new)
            for key in new:
                ref = by_id[key]
                if not isinstance(ref, skipped):
                    todo.append(ref)
    return total, visited


def size_of_repeat(item: Any, count: Any) -> int | None:
    """About the bytes ``item * count`` makes, for the sequences that can make a large one; else None."""
    if type(count) is not int or count < 1_000_000:
        return None
    kind = type(item)
    if kind is str:
        return len(item) * count * (1 if item.isascii() else 4)
    if kind is bytes or kind is bytearray:
        return len(item) * count
    if kind is list or kind is tuple:
        return len(item) * count * 8
    return None


def size_of_power(base: Any, exponent: Any) -> int | None:
    """About the bytes ``base ** exponent`` makes, for ints; else None."""
    if type(base) is not int or type(exponent) is not int or exponent < 100_000 or base in (0, 1, -1):
        return None
    return int(exponent * math.log2(abs(base)) / 8) + 1


__all__ = ["CHECK_EVERY", "LIMIT_NAMES", "Limits", "Meter", "StopSignal", "checked", "held_bytes", "stored"]
