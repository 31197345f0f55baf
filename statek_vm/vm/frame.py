"""A VM frame: the complete state of one running piece of script code.

A frame is plain data.  Nothing about it lives on the Python call stack of the
interpreter: the code unit, the index of the next instruction, the value
stack, fast locals, cells, the namespaces and how its result is delivered to
the frame below it.  That is what makes a suspended job a value that can be
copied, pickled and resumed in another process.
"""

from __future__ import annotations

import builtins
import sys
import types
import weakref
from typing import Any

from statek_vm.program.code_unit import CodeUnit

# Markers, as plain ``object()`` instances: the garbage collector does not
# track those, so a script walking ``gc.get_objects()`` never meets one (an
# instance of a class of ours would be tracked, and a script that stored it
# in a variable would make that variable look unbound).  Snapshots name them
# by number (``snapshot.pickling``).
UNBOUND: Any = object()
"""A fast local that has no value (never assigned, or deleted)."""
NULL: Any = object()
"""The NULL that CPython pushes below a callable (``PUSH_NULL``)."""

# How a finished frame hands its result to the frame below it (``Frame.ret_mode``).
RET_PUSH = 0  # a call: push the return value
RET_CLASS = 1  # a class body: build the class, push it
RET_INIT = 2  # __init__ of a script class called inline: push the instance
RET_GEN_FOR = 3  # a generator resumed by FOR_ITER
RET_GEN_SEND = 4  # a generator/coroutine resumed by SEND (yield from / await)
RET_BASE = 5  # the bottom frame of a run: the run ends
RET_GEN_NEXT = 6  # a generator resumed by next(g[, default]) or g.send(v): push the value
RET_PUSH_NULL = 7  # an attribute loaded for a call (3.13): push the value, then NULL
RET_BRANCH = 8  # a truth test for a conditional jump: ret_info (jump_if, target, keep)
RET_DISCARD = 9  # a store done by script code (__setitem__, a property's setter): push nothing
RET_OPERATION = 10  # an operator's method: ret_info (continuation, its arguments, as bool)
RET_ASEND = 11  # an async generator stepped by an awaited __anext__()/asend(): ret_info (target, awaitable)
RET_REPLAY = 12  # a script call of a native operation: ret_info (log, function, args, kwargs); see vm/replay.py
RET_OPERAND = 13  # an operand converted on the VM replaces the one ret_info entries down; the instruction runs again
RET_SEND_STEP = 14  # a yield-from delegate's script __next__ stepped by SEND: ret_info (target, keeps the receiver)
RET_LOOP = 15  # a coroutine the script's asyncio.run() runs inline: ret_info (the coroutine); see vm/loop_edge.py


# The host's own builtins namespace, which the VM's runtime functions run
# with (vm/runtime.py): a snapshot holds None in its place, never a copy.
_HOST_BUILTINS = builtins.__dict__


def builtins_state(b: dict[str, Any]) -> dict[str, Any] | None:
    """What a snapshot holds of builtins namespace ``b``: None for the host's own."""
    return None if b is _HOST_BUILTINS else b


def builtins_from_state(b: dict[str, Any] | None) -> dict[str, Any]:
    """The builtins namespace that :func:`builtins_state` gave ``b``."""
    return _HOST_BUILTINS if b is None else b


def builtins_of(globals: dict[str, Any]) -> dict[str, Any]:
    """The builtins namespace of code running in ``globals``, as CPython finds it."""
    b = globals.get("__builtins__")
    if isinstance(b, dict):
        return b
    if isinstance(b, types.ModuleType):
        return b.__dict__
    return builtins.__dict__


class Frame:
    """One activation of a code unit; see the module docstring."""

    # ``_trampoline`` and ``_fake_frame``: the native stand-ins of a frame
    # that runs no script function (a module body, exec), made when host code
    # first needs them (vm/script_frames.py); never pickled.
    __slots__ = (
        "_fake_frame",
        "_trampoline",
        "back",
        "builtins",
        "cells",
        "depth",
        "fast",
        "func",
        "generator",
        "globals",
        "kwnames",
        "locals",
        "pc",
        "ret_info",
        "ret_mode",
        "stack",
        "unit",
    )

    def __init__(
        self,
        unit: CodeUnit,
        globals: dict[str, Any],
        builtins: dict[str, Any],
        locals: Any = None,
        func: Any = None,
        fast: list[Any] | None = None,
    ) -> None:
        self.unit = unit
        self.pc = 0
        self.stack: list[Any] = []
        self.fast: list[Any] = [UNBOUND] * len(unit.varnames) if fast is None else fast
        self.cells: list[Any] = [None] * unit.ncells if unit.ncells else []
        self.globals = globals
        self.builtins = builtins
        self.locals = locals  # the namespace of module and class bodies, else None
        self.back: Frame | None = None
        self.ret_mode = RET_PUSH
        self.ret_info: Any = None
        self.kwnames: tuple[str, ...] | None = None
        self.generator: Any = None  # the generator/coroutine object that owns this frame
        self.func: Any = func
        self.depth = 0  # VM frames below this one in its run (for the recursion limit)

    @property
    def line(self) -> int:
        """The source line of the instruction at ``pc``."""
        return self.unit.line_of(self.pc)

    @property
    def instr_num(self) -> int:
        """The program-wide number of the instruction at ``pc``."""
        return self.unit.base + self.pc

    # -- the frame-object API host code expects (gi_frame, cr_frame) ------------

    @property
    def f_code(self) -> Any:
        return self.unit.code

    @property
    def f_lineno(self) -> int:
        return self.line

    @property
    def f_lasti(self) -> int:
        return self.pc

    @property
    def f_globals(self) -> dict[str, Any]:
        return self.globals

    @property
    def f_builtins(self) -> dict[str, Any]:
        return self.builtins

    @property
    def f_locals(self) -> dict[str, Any]:
        from statek_vm.vm.special_calls import frame_locals

        return frame_locals(self)

    @property
    def f_back(self) -> Frame | None:
        return self.back

    def clear(self) -> None:
        """Drop the locals of a finished frame (as ``frame.clear()`` does)."""
        gen = self.generator() if self.generator is not None else None
        if gen is not None and not gen._finished:
            if gen._running:
                raise RuntimeError("cannot clear an executing frame")
            gen.close()
        self.fast = [UNBOUND] * len(self.fast)
        self.stack = []

    # -- pickled state ------------------------------------------------------------
    #
    # A tuple, not a dict: snapshots are small and quick when a frame is
    # mostly its values.  The fields that nearly every frame leaves at their
    # default (no cells, no keyword names pending, no return information, no
    # generator) are left out when they are; a snapshot of a small job is
    # then its values and little else.  The generator is a weak reference in
    # memory, strong in the pickle (so that it travels with its frame).

    def __getstate__(self) -> tuple[Any, ...]:
        globals_: dict[str, Any] | None = self.globals
        builtins_ = builtins_state(self.builtins)
        if self.func is not None and self.unit.program.library:
            # A library function's frame (statek_vm/vm/library.py): its
            # globals are the library's, taken again from the function,
            # which travels by its name.
            globals_ = builtins_ = None
        state: tuple[Any, ...] = (
            self.unit,
            self.pc,
            self.fast,
            self.stack,
            self.back,
            globals_,
            builtins_,
            self.locals,
            self.func,
            self.ret_mode,
            self.depth,
        )
        if self.cells or self.kwnames is not None or self.ret_info is not None or self.generator is not None:
            generator = self.generator() if self.generator is not None else None
            state += (self.cells, self.kwnames, self.ret_info, generator)
        return state

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        (
            self.unit,
            self.pc,
            self.fast,
            self.stack,
            self.back,
            self.globals,
            self.builtins,
            self.locals,
            self.func,
            self.ret_mode,
            self.depth,
        ) = state[:_SHORT_STATE]
        if state[5] is None:  # a library function's frame: its globals are the function's
            self.globals, self.builtins = self.func._globals, self.func._builtins
        else:
            self.builtins = builtins_from_state(self.builtins)
        if len(state) == _SHORT_STATE:
            self.cells = []
            self.kwnames = None
            self.ret_info = None
            self.generator = None
            return
        self.cells, self.kwnames, self.ret_info, generator = state[_SHORT_STATE:]
        self.generator = None if generator is None else weakref.ref(generator)

    def __repr__(self) -> str:
        return f"<Frame {self.unit.qualname} {self.unit.filename}:{self.line} pc={self.pc} depth={len(self.stack)}>"


_SHORT_STATE = 11  # the fields of __getstate__ when the last four are at their defaults


def native_locals(frame: types.FrameType, *names: str) -> tuple[Any, ...]:
    """The values of ``names`` (None if unbound) among a native frame's locals, read without keeping a copy.

    On CPython 3.11 and 3.12 ``frame.f_locals`` is a dict the frame object
    keeps: read from a VM function's frame (the dispatch's, a tier-1 run's),
    it would keep the VM frame, an exception or a script's objects alive as
    long as that frame object, which a traceback can keep after the function
    returned (in a cycle, when one of them is the exception).  (3.13's
    ``f_locals`` is a view of the frame.)
    """
    found = frame.f_locals
    try:
        return tuple(found.get(name) for name in names)
    finally:
        if type(found) is dict and not tracing():
            found.clear()


def tracing() -> bool:
    """Whether a Python trace or profile function is set on this thread (3.11, 3.12: see :func:`native_locals`).

    CPython then writes a frame's ``f_locals`` dict back into its locals
    after each call of it, deleting those the dict lacks: a dict emptied
    while that call runs would unbind the frame's locals.
    """
    return sys.gettrace() is not None or sys.getprofile() is not None
