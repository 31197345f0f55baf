"""The tier-0 interpreter: runs VM frames one instruction at a time.

A *run* executes frames starting at some frame until a *base* frame returns
or yields.  A job's run has the module frame as its base and is *resumable*:
when an instruction needs the value of a pending future (it raises
``FutureError`` without the script having raised it), the run stops with the
frame chain intact and the job records it.  A run started by host code (a
script function called from ``sorted``, a generator advanced with ``next``)
is *nested*: its frames hang below a native host frame, so a suspension there
cannot be resumed exactly and raises :class:`NotResumableError` instead.

The loop is split in two.  ``_dispatch`` is the hot loop: fetch, advance
``pc``, call the handler, follow calls and plain returns.  Everything else —
exceptions, generators, class bodies, suspension — returns to ``run``.

**The handled exception.**  CPython keeps "the exception being handled" per
thread; host code reads it (``sys.exc_info()``, ``traceback.print_exc()``,
implicit ``__context__`` chaining).  While a script's ``except`` block runs,
``run`` executes the dispatch loop *inside a real ``except`` block for that
exception*, so host calls and new exceptions see exactly what they would see
natively.  The VM's own record of it (``exc_items``) is plain data that a
snapshot keeps.
"""

from __future__ import annotations

import abc
import collections
import functools
import operator
import os
import re
import sys
import threading
import types
import warnings
from typing import Any

from statek_vm.exceptions import (
    FutureError,
    JobCancelled,
    LimitExceeded,
    NotResumableError,
    SandboxViolation,
    VMInternalError,
)
from statek_vm.future import FUTURE_CLASSES, LIVE_FUTURES
from statek_vm.limits import CHECK_EVERY, Meter, StopSignal
from statek_vm.program.code_unit import CodeUnit
from statek_vm.program.instructions import INSTRUCTIONS, Instruction
from statek_vm.sandbox import CheckedFormat, script_class_made, traverses
from statek_vm.vm import library, not_resumable, opcodes, sandboxed, script_asyncio, tier1
from statek_vm.vm import objects as _objects_module
from statek_vm.vm.arguments import bind_arguments
from statek_vm.vm.dialect import DIALECT
from statek_vm.vm.frame import (
    NULL,
    RET_ASEND,
    RET_BASE,
    RET_BRANCH,
    RET_CLASS,
    RET_DISCARD,
    RET_GEN_FOR,
    RET_GEN_NEXT,
    RET_GEN_SEND,
    RET_INIT,
    RET_LOOP,
    RET_OPERAND,
    RET_OPERATION,
    RET_PUSH,
    RET_PUSH_NULL,
    RET_REPLAY,
    RET_SEND_STEP,
    Frame,
    native_locals,
)
from statek_vm.vm.handoff import host_arguments
from statek_vm.vm.loop_edge import LEAVE, LoopSignal
from statek_vm.vm.not_resumable import PENDING as PENDING_FAILURES
from statek_vm.vm.objects import (
    _NO_ARG,
    REDO,
    ASend,
    AsyncGenWrapped,
    VMAsyncGenerator,
    VMCoroutine,
    VMFunction,
    VMGenerator,
    _arg_of_throw,
    _first_resume,
    _GeneratorBase,
    _yieldfrom,
    make_class,
)
from statek_vm.vm.operations import (
    NATIVE_ARGUMENTS,
    RESTATED_CALLS,
    RESTATED_STR_METHODS,
    RedoOnVM,
    call_restatable,
    redo,
    restatement,
)
from statek_vm.vm.replay import (
    FIRST_NESTED,
    NATIVE_WORK,
    REPLAY,
    Adoptable,
    AdoptOnVM,
    forget_first_nested,
    register_host_call,
    remember_hash,
)
from statek_vm.vm.replay import complete as replay_complete
from statek_vm.vm.runtime import (
    DATACLASS_INIT,
    DATACLASS_ORDER,
    RESTATED_METHODS,
    SINGLEDISPATCH_WRAPPER,
    TOTAL_ORDERING,
    dataclass_calls_script,
    inherits_object_new,
    is_dataclass_init,
    lookup,
)
from statek_vm.vm.runtime import (
    FILENAME as RUNTIME_FILENAME,
)
from statek_vm.vm.runtime import namespace as runtime_namespace
from statek_vm.vm.script_frames import add_traceback_entry, is_trampoline_code, trampoline, trampolines
from statek_vm.vm.special_calls import REPLACED_NAMES, SPECIAL_CALLS, STORED_ITERATING_METHODS, method_replacement
from statek_vm.vm.tier1 import SIG_T1_EXC

SIG_RETURN = opcodes.SIG_RETURN
SIG_YIELD = opcodes.SIG_YIELD
SIG_EXC_STATE = opcodes.SIG_EXC_STATE
SIG_RETURN_GENERATOR = opcodes.SIG_RETURN_GENERATOR
SIG_SWITCH = 10  # continue in another frame (a generator), re-entering the loop
SIG_EXC = 11  # an instruction raised
SIG_FINISHED = 12  # (only from _tier1_first) the base frame returned: its value is the payload

_MethodType = types.MethodType
_HEAPTYPE = 1 << 9
_type_call = type.__call__


_CLOSURE_NAMES = library.CLOSURE_NAMES
# Host functions that Interpreter._call_special_function may run on the VM:
# by identity, and (for the functions a library makes anew, and their copies
# after a snapshot) by their code's qualified name.  One lookup of each
# decides that an ordinary host function is one.
_SPECIAL_FUNCTIONS = frozenset({*library.ATTEMPTS, *library.METHODS, *RESTATED_METHODS, *TOTAL_ORDERING})
_SPECIAL_QUALNAMES = frozenset(
    {
        SINGLEDISPATCH_WRAPPER.co_qualname,
        DATACLASS_INIT,
        *DATACLASS_ORDER,
        *(code.co_qualname for code in library.CLOSURES),
    }
)
# What _call_special_function returns for a call it does not take.
_PLAIN: Any = object()


def _scripted_construction(cls: Any) -> bool:
    """Whether making an instance of ``cls`` runs a script ``__new__`` or ``__init__``.

    A dataclass's generated ``__init__`` counts when it calls script code (a
    ``__post_init__``, a default factory).
    """
    new = lookup(cls, "__new__")
    if type(new) is staticmethod and type(new.__func__) is VMFunction:
        return True
    init = lookup(cls, "__init__")
    if type(init) is VMFunction:
        return True
    return is_dataclass_init(init) and dataclass_calls_script(cls)


def _call_partial(vm: Interpreter, f: Frame, func: Any, args: Any, kwargs: Any) -> Any:
    keywords = {**func.keywords, **kwargs} if kwargs else func.keywords
    return vm.call(f, func.func, [*func.args, *args], keywords or None)


def _call_attrgetter(vm: Interpreter, f: Frame, func: Any, args: Any, kwargs: Any) -> Any:
    if len(args) != 1 or kwargs:
        return vm.call_host(func, args, kwargs)
    return redo(vm, f, "attrgetter_", [args[0], func.__reduce__()[1]])


def _call_methodcaller(vm: Interpreter, f: Frame, func: Any, args: Any, kwargs: Any) -> Any:
    if len(args) != 1 or kwargs:
        return vm.call_host(func, args, kwargs)
    made, given = func.__reduce__()
    if isinstance(made, functools.partial):  # keyword arguments: partial(methodcaller, name, **kwargs)
        name, call_args, call_kwargs = made.args[0], given, made.keywords
    else:
        name, call_args, call_kwargs = given[0], given[1:], {}
    return redo(vm, f, "methodcaller_", [args[0], name, call_args, call_kwargs])


def _call_checked_format(vm: Interpreter, f: Frame, func: Any, args: Any, kwargs: Any) -> Any:
    # str.format of a sandboxed job (statek_vm/sandbox.py): natively when no
    # field reaches into an argument, else on the VM, each attribute checked.
    method = func.method
    template = func.template
    args = list(args)
    if template is None:
        if not args or not isinstance(args[0], str):
            return vm.call(f, method, args, kwargs)
        template = args.pop(0)
    if not traverses(template):
        return vm.call(f, getattr(template, method.__name__), args, kwargs)
    return redo(vm, f, RESTATED_STR_METHODS[method.__name__], [template, *args], kwargs)


# Host callables that wrap another callable: what they call runs as any call
# from the script does (a script function as a VM frame).
_CALLABLE_WRAPPERS: dict[type, Any] = {
    functools.partial: _call_partial,
    operator.attrgetter: _call_attrgetter,
    operator.methodcaller: _call_methodcaller,
    CheckedFormat: _call_checked_format,
}
_PRINTED_NATIVELY = frozenset({str, int, float, bool, type(None)})
_FunctionType = types.FunctionType
_warn = warnings.warn
_generator_send = VMGenerator.send
_generator_throw = VMGenerator.throw
_generator_close = VMGenerator.close
_coroutine_send = VMCoroutine.send
_coroutine_throw = VMCoroutine.throw
_asend_send = ASend.send
_asend_throw = ASend.throw
_BuiltinMethod = types.BuiltinMethodType
# A method of a builtin type that takes its defining class (METH_METHOD: re.Pattern's, from 3.11).
_ClassBoundMethod = type(re.compile("").finditer)
_object_reduce_ex = object.__dict__["__reduce_ex__"]
_object_new = object.__new__


# The handled-exception slot of a run for host code that handles nothing.
_NOTHING_HANDLED: Any = object()


class Suspension:
    """Where a resumable run stopped: the innermost frame and the future it needs."""

    __slots__ = ("frame", "future")

    def __init__(self, frame: Frame, future: Any) -> None:
        self.frame = frame
        self.future = future


def _call_without_redo(func: Any, args: Any, kwargs: Any) -> Any:
    REDO.disabled += 1
    try:
        return func(*args, **(kwargs or {}))
    finally:
        REDO.disabled -= 1


def _dispatch_table(unit: CodeUnit) -> list[tuple[Any, Any]]:
    # One step per instruction: the dispatch counts its steps, so a job's
    # instruction count (its budget, its usage) is the one a counting run and
    # tier 1 make.
    table = unit._dispatch
    if table is None:
        dialect = DIALECT
        table = []
        for op in unit.ops:
            handler, arg = dialect.step(op.name, op.arg)
            table.append((handler or _unsupported(op.name), arg))
        unit._dispatch = table
    return table


def _locate(exc: SandboxViolation, frame: Frame | None) -> None:
    # The innermost script frame (not the VM's re-statement that refused for it).
    while frame is not None and (frame.unit.filename == RUNTIME_FILENAME or frame.unit.program.library):
        frame = frame.back
    if frame is not None:
        exc.located(f"{frame.unit.filename}:{frame.line}, in {frame.unit.qualname}")


def _sandboxed_table(unit: CodeUnit) -> list[tuple[Any, Any]]:
    table = unit._sandboxed_dispatch
    if table is None:
        table = sandboxed.sandboxed_table(unit, _dispatch_table(unit))
    return table


# The dispatch loop counts instructions in chunks of at most this many (its
# loop index stays a cached small int: counting costs no allocation).
_CHUNK_SIZE = 256
_CHUNK = range(_CHUNK_SIZE)


def _unsupported(name: str) -> Any:
    def handler(vm: Any, f: Frame, arg: Any) -> None:
        raise VMInternalError(f"instruction {name} is not supported by this VM ({f.unit.filename}:{f.line})")

    return handler


class Interpreter:
    """Interpreter state shared by the runs of one job (or of host calls).

    ``exc_items`` is CPython's stack of handled-exception slots: one for the
    job, plus one for each generator currently running (a generator keeps its
    own slot while it is suspended) and one for each run that host code
    started (what that host code handles; see ``_host_floor``).  ``raise_kind`` is set by the raising
    handlers to say how an exception arose: 0 an operation failed, 1 a
    ``raise`` statement, 2 a re-raise that adds no traceback entry, 3 a bare
    ``raise``.
    """

    # A function's dispatch table is built when the function is made (by
    # MAKE_FUNCTION), not at its first call: a first call allocates nothing
    # that lives on (CPython's leak checks count objects around calls).
    dispatch_table = staticmethod(_dispatch_table)

    def __init__(
        self,
        *,
        retry_host_calls: bool = False,
        counts: collections.Counter[Any] | None = None,
        tier: int | None = None,
    ) -> None:
        self.exc_items: list[BaseException | None] = [None]
        # The contextvars contexts the script's run has entered (script_asyncio.context_run), innermost last.
        self.entered: list[Any] = []
        self.raise_kind = 0
        self.reraised: tuple[BaseException, Any, bool, Any] | None = None
        self.new_generator: Any = None
        # An exception to raise in the generator frame the run switches to
        # next (enter_generator_throw).
        self.throwing: BaseException | None = None
        # An exception thrown into a generator in a ``yield from``: the SEND
        # its frame runs again passes it on to the delegate (throw_into_chain).
        self.throw_at_send: BaseException | None = None
        # True while the job runs inside its event loop's task (vm/loop_edge.py).
        self.loop_running = False
        # The exception leaving a run, with the context it had before it left.
        self.leaving: tuple[BaseException, Any, bool] | None = None
        self.retry_host_calls = retry_host_calls
        self.counts = counts
        self._counting_tables: dict[CodeUnit, list[tuple[Any, Any]]] = {}
        # The script's recursion limit (sys.getrecursionlimit() and
        # sys.setrecursionlimit() in script code are this one's), against
        # the depth the script sees: its own frames and the host frames
        # between them, not the VM's own frames nor the host program's below.
        self.recursion_limit = sys.getrecursionlimit()
        # Budgets and stop requests (statek_vm/limits.py): the instructions
        # dispatched so far, the count at which the next checkpoint comes,
        # and the job's meter (None: checkpoints only count).
        self.executed = 0
        self.next_check = CHECK_EVERY
        self.meter: Meter | None = None
        self.resumable_run = False
        # The innermost dispatch's count of instructions to its next checkpoint (see checkpoint_next).
        self.ticks: Any = None
        # BINARY_OP's operations: these, or with memory checks before large results.
        self.binary_ops = opcodes.BINARY_OPS
        # The policy of a sandboxed job (statek_vm/sandbox.py), and the
        # dispatch tables its code runs with (see set_sandbox).
        self.sandbox: Any = None
        # Tier 1 (vm/tier1.py): the loop heads of runs that are not
        # sandboxed enter compiled code.
        self.tier1 = tier1.enabled() if tier is None else tier >= 1
        self.table: Any = None
        self.step_table: Any = None
        self._choose_table()
        self.chunk_end = 0
        self.t1_error: BaseException | None = None
        # Nested tier-1 runs (vm/tier1.py): the instructions the last one took,
        # what the dispatch is given when they end without returning, and
        # the frame a signal among them is of.
        self.t1_used = 0
        self.t1_result: Any = None
        self.t1_frame: Frame | None = None
        # The frame the innermost tier-1 run of this thread runs (read by
        # host code's calls of script code for their depth).
        self.t1_now: Frame | None = None

    def set_tier(self, tier: int) -> None:
        """Run with tier 1's compiled loops (``tier >= 1``), or in tier 0 alone (``0``)."""
        if tier not in (0, 1):
            raise ValueError(f"tier must be 0 or 1, not {tier!r}")
        self.tier1 = tier == 1
        self._counting_tables.clear()
        self._choose_table()

    def _choose_table(self) -> None:
        if self.sandbox is not None:
            self.table = _sandboxed_table if self.counts is None else self._counting_sandboxed_table
        elif self.counts is not None:
            self.table = self._counting_table
        else:
            self.table = tier1.tier1_table if self.tier1 else _dispatch_table
        # The table an instruction is run again from, one instruction at a time.
        self.step_table = _dispatch_table if self.table is tier1.tier1_table else self.table

    def set_sandbox(self, policy: Any) -> None:
        """Run the job's own code checked by ``policy`` (a ``statek_vm.sandbox.Policy``), or unchecked (None)."""
        self.sandbox = policy
        # This run's caches of the policy's verdicts by type (what a type
        # exposes, what a value of a type is): the script's own classes go
        # with the job, not into the policy a worker shares.
        self.sandbox_owners: dict[type, Any] = {}
        self.sandbox_values: dict[type, int] = {}
        # (type, name) loads, and (type, name, deleting) stores, allowed on every object of the type.
        self.sandbox_private: set[tuple[Any, ...]] = set()
        self._counting_tables.clear()
        self._choose_table()

    def _counting_sandboxed_table(self, unit: CodeUnit) -> list[tuple[Any, Any]]:
        plain = self._counting_table(unit)
        if unit.program.library or unit.filename == RUNTIME_FILENAME:
            return plain
        subs = sandboxed.SUBSTITUTES
        return [(subs.get(handler, handler), arg) for handler, arg in plain]

    # -- handled exception ----------------------------------------------------

    def current_exc(self) -> BaseException | None:
        items = self.exc_items
        for i in range(len(items) - 1, -1, -1):
            item = items[i]
            if item is not None:
                return None if item is _NOTHING_HANDLED else item
        return None

    def _host_floor(self) -> int:
        """Start a run for host code: it handles what that host code handles.

        Host code that calls a script function (or drives a script
        generator) may be handling an exception of its own, or none, whatever
        the runs below it handle: natively a ``raise`` there chains to
        ``sys.exc_info()``.  The slot pushed here stands for it, and hides
        the slots below; :meth:`_host_floor_end` removes it.
        """
        items = self.exc_items
        depth = len(items)
        handled = sys.exc_info()[1]
        items.append(_NOTHING_HANDLED if handled is None else handled)
        return depth

    def _host_floor_end(self, depth: int) -> None:
        del self.exc_items[depth:]

    # -- the loop -------------------------------------------------------------

    def run(
        self, frame: Frame, base: Frame, *, resumable: bool, exc: BaseException | None = None, sub: Any = None
    ) -> Any:
        """Run from ``frame`` until ``base`` finishes.

        Returns ``("return", value)``, ``("yield", value)`` or, for a
        resumable run, a :class:`Suspension`.  An exception that leaves
        ``base`` is raised.  ``sub``: the tier-1 function of ``frame``'s
        unit, which runs it first (``frame`` is ``base``, at its first
        instruction: see :meth:`_tier1_first`).
        """
        stack = _current.stack
        stack.append(self)
        outer, self.resumable_run = self.resumable_run, resumable
        try:
            return self._run(frame, base, resumable, exc, sub)
        except BaseException as error:
            # The raise that took the exception out of ``base`` set its
            # context again, to what the Python code around this run handles:
            # natively an exception only propagates, its context the one it
            # was raised with.  (A bare raise does not set it again.)
            leaving, self.leaving = self.leaving, None
            if leaving is not None and leaving[0] is error:
                error.__context__, error.__suppress_context__ = leaving[1], leaving[2]
            leaving = None  # this frame stays in the traceback: keep nothing else alive
            raise
        finally:
            self.resumable_run = outer
            stack.pop()
            if resumable and FIRST_NESTED.kept is not None:
                forget_first_nested()  # the job's objects are not kept by this thread once its run ends

    def _run(self, frame: Frame, base: Frame, resumable: bool, exc: BaseException | None, sub: Any = None) -> Any:
        if exc is not None:
            first = self._unwind(frame, base, exc, resumable)
            if type(first) is Suspension:
                return first
            frame = first
        pending = None if sub is None else self._tier1_first(sub, frame)
        if pending is not None and pending[0] == SIG_FINISHED:
            return ("return", pending[2])
        while True:
            if pending is not None:
                (sig, frame, payload), pending = pending, None
            else:
                cur = self.current_exc()
                # Handed over in a box that the dispatch empties: this loop must
                # hold no frame while the dispatch runs on (a frame that has
                # returned goes at once, with its locals, as natively).
                box = [frame]
                del frame
                if cur is None:
                    sig, frame, payload = self._dispatch(box, base, None)
                else:
                    sig, frame, payload = self._dispatch_handling(box, base, cur)
            if sig == SIG_EXC:
                error, payload = payload, None  # hold no reference to a handled exception
                nxt = self._unwind(frame, base, error, resumable)
                # Nor to one that suspended the job: its traceback leads back
                # to this frame, and the cycle would keep the job alive.
                error = None
                if type(nxt) is Suspension:
                    return nxt
                frame, nxt = nxt, None
            elif sig == SIG_RETURN:
                value = frame.stack.pop()
                gen = frame.generator() if frame.generator is not None else None
                if gen is not None:
                    self._end_generator(gen)
                    gen = None  # no reference may outlive the generator's users
                if frame is base:
                    return ("return", value)
                caller = frame.back
                assert caller is not None
                frame.back = None
                nxt = self._deliver_return(frame, caller, value, base, resumable)
                if type(nxt) is Suspension:
                    return nxt
                frame, nxt, caller, value = nxt, None, None, None
            elif sig == SIG_YIELD:
                value = frame.stack.pop()
                gen = frame.generator()
                gen._running = False
                self._leave_generator(gen)
                gen = None
                if frame is base:
                    return ("yield", value)
                caller = frame.back
                assert caller is not None
                frame.back = None
                if frame.ret_mode == RET_ASEND:
                    nxt = self._asend_yielded(frame, caller, value, base, resumable)
                    if type(nxt) is Suspension:
                        return nxt
                    frame, nxt, caller, value = nxt, None, None, None
                    continue
                caller.stack.append(value)
                if frame.ret_mode == RET_GEN_NEXT:
                    frame.ret_info = None  # may drop the last reference: the generator closes now
                frame, caller, value = caller, None, None
            elif sig == SIG_RETURN_GENERATOR:
                gen = self.new_generator
                self.new_generator = None
                if frame is base:
                    frame.back = None
                    return ("return", gen)
                caller = frame.back
                assert caller is not None
                frame.back = None
                if frame.ret_mode == RET_INIT or frame.ret_mode == RET_REPLAY:
                    # A generator or coroutine function as __init__ (the
                    # call made the object, which is no None), or called
                    # by a native operation (the object is its answer).
                    nxt = self._deliver_return(frame, caller, gen, base, resumable)
                    frame.ret_mode = RET_PUSH
                    gen = None
                    if type(nxt) is Suspension:
                        return nxt
                    frame, nxt, caller = nxt, None, None
                    continue
                frame.ret_mode = RET_PUSH
                caller.stack.append(gen)
                gen = None
                frame, caller = caller, None
            elif sig == SIG_SWITCH:
                if self.throwing is not None:  # (gen.throw() run inline: raised in the generator's frame)
                    error, self.throwing = self.throwing, None
                    nxt = self._unwind(frame, base, error, resumable)
                    error = None
                    if type(nxt) is Suspension:
                        return nxt
                    frame, nxt = nxt, None
            elif sig != SIG_EXC_STATE:
                raise VMInternalError(f"unknown signal {sig!r} from {frame!r}")

    def _tier1_first(self, sub: Any, frame: Frame) -> Any:
        """Run ``frame``, the base of a nested run, by its unit's tier-1 function ``sub`` as tier 1 runs a call.

        Returns what the dispatch would have returned where the tier-1 run
        stopped, as ``(signal, frame, payload)``: the run loop goes on from
        there (see ``tier1.leave``); ``(SIG_FINISHED, frame, value)`` when
        the frame returned ``value``.
        """
        available = self.next_check - self.executed
        if available <= 0:
            return SIG_SWITCH, frame, None  # (a checkpoint first: the dispatch's)
        value = tier1.run_from_start(self, sub, frame, available)
        if value is tier1.NOT_ENTERED:
            return SIG_SWITCH, frame, None
        used = self.t1_used
        self.executed += used
        tier1.STATS.executed += used
        if value is not tier1.UNWIND:
            return SIG_FINISHED, frame, value
        result, self.t1_result = self.t1_result, None
        if result == SIG_T1_EXC:
            error, self.t1_error = self.t1_error, None
            frame, self.t1_frame = self.t1_frame, None  # type: ignore[assignment]
            if REDO.raised:
                return self._without_redo(frame, error)  # type: ignore[arg-type]
            return SIG_EXC, frame, error
        if type(result) is Frame:
            return SIG_SWITCH, result, None  # (the frame to run on: the deepest one, or one it calls)
        frame, self.t1_frame = self.t1_frame, None  # type: ignore[assignment]
        return result, frame, None

    def _dispatch(self, box: list[Frame], base: Frame, cur: BaseException | None) -> tuple[int, Frame, Any]:
        # ``cur``: the exception handled as the dispatch began, which stays
        # the handled one while it runs (a change returns to the run loop,
        # which enters the new one's context).  So a generator entered, or
        # leaving by a yield, without changing it, is switched to here.
        frame = box.pop()
        items = self.exc_items
        table = self.table
        code = table(frame.unit)
        # The instructions run here are counted by the loop that runs them:
        # up to _CHUNK at a time (to the next checkpoint at most), ``i`` the
        # index of the one running.  Added to ``executed`` as each chunk
        # ends, or as the dispatch does (a nested run adds its own).
        i = -1
        outer_ticks, outer_end = self.ticks, self.chunk_end
        try:
            while True:
                n = self.next_check - self.executed
                if n <= 0:
                    stop = self.checkpoint(frame)
                    if stop is not None:
                        return SIG_EXC, frame, FutureError(stop)
                    continue
                if n >= _CHUNK_SIZE:
                    ticks = self.ticks = iter(_CHUNK)
                    self.chunk_end = self.executed + _CHUNK_SIZE
                else:
                    ticks = self.ticks = iter(range(n))
                    self.chunk_end = self.executed + n
                for i in ticks:  # noqa: B007 - i counts, read by the finally
                    pc = frame.pc
                    fn, arg = code[pc]
                    frame.pc = pc + 1
                    try:
                        r = fn(self, frame, arg)
                    except BaseException as e:  # noqa: BLE001 - every exception is the script's or a suspension
                        frame.pc = pc
                        if REDO.raised:
                            # Native code swallowed the instruction's request to run
                            # on the VM and failed otherwise: run it as before.
                            return self._without_redo(frame, e)
                        return SIG_EXC, frame, e
                    if r is None:
                        continue
                    if type(r) is Frame:
                        if r.back is None:  # (a task's frames taken up again keep their chain: Interpreter.park)
                            r.back = frame
                        if r.generator is not None and (self.throwing is not None or self.current_exc() is not cur):
                            return SIG_SWITCH, r, None
                        frame = r
                        code = table(frame.unit)
                        continue
                    if r == SIG_YIELD and items[-1] is None and frame is not base and frame.ret_mode != RET_ASEND:
                        # The generator's slot handles nothing: leaving it changes nothing handled.
                        gen = frame.generator()
                        gen._running = False
                        gen._exc_state = items.pop()
                        gen = None
                        caller = frame.back
                        frame.back = None
                        caller.stack.append(frame.stack.pop())  # type: ignore[union-attr]
                        if frame.ret_mode == RET_GEN_NEXT:
                            frame.ret_info = None  # may drop the last reference: the generator closes now
                        frame = caller  # type: ignore[assignment]
                        code = table(frame.unit)
                        continue
                    if r == SIG_RETURN and frame.ret_mode == RET_PUSH and frame.generator is None and frame is not base:
                        caller = frame.back
                        caller.stack.append(frame.stack.pop())  # type: ignore[union-attr]
                        frame.back = None
                        frame = caller  # type: ignore[assignment]
                        code = table(frame.unit)
                        continue
                    if r == SIG_T1_EXC:
                        return self._tier1_failed(frame)
                    if self.t1_frame is not None:  # (a signal of a nested tier-1 run's frame)
                        frame, self.t1_frame = self.t1_frame, None
                    return r, frame, None
                self.executed += i + 1
                i = -1
        finally:
            self.executed += i + 1
            self.ticks, self.chunk_end = outer_ticks, outer_end

    def _tier1_failed(self, frame: Frame) -> tuple[int, Frame, Any]:
        """What the dispatch returns when tier 1 ended on an exception, the frame at its instruction (vm/tier1.py).

        (Not in the dispatch's own code: the error's traceback may keep the
        dispatch's frame object, which must not hold the error in turn.)
        """
        error, self.t1_error = self.t1_error, None
        assert error is not None
        if self.t1_frame is not None:  # (a nested tier-1 run's)
            frame, self.t1_frame = self.t1_frame, None
        if REDO.raised:
            return self._without_redo(frame, error)
        return SIG_EXC, frame, error

    def checkpoint_next(self) -> None:
        """Make the instruction boundary after the one running now a checkpoint (output over its limit; any thread)."""
        ticks = self.ticks
        if ticks is not None:
            collections.deque(ticks, maxlen=0)  # the dispatch's chunk ends after this instruction
        self.next_check = self.executed

    def checkpoint(self, frame: Frame) -> StopSignal | None:
        """Between two instructions, every ``CHECK_EVERY``: what stops the job here, if anything (limits.py)."""
        meter = self.meter
        if meter is None:
            self.next_check = self.executed + CHECK_EVERY
            return None
        stop, until = meter.check(self.executed, frame)
        self.next_check = self.executed + until
        if stop is not None and stop.kind != "cancel" and self._not_here(stop, frame):
            # A stop to go on later waits for a place where the job can be
            # kept: out of the host code that runs this script code, and
            # with no host I/O of its event loop in flight (whose answer
            # would be lost).  The next checkpoints look again.
            if stop.kind == "pause":
                meter.request("pause")
            self.next_check = self.executed + CHECK_EVERY
            return None
        return stop

    def _not_here(self, stop: StopSignal, frame: Frame) -> bool:
        # (A budget stops host code's call of script code all the same: it
        # cannot wait, and that job cannot be kept.)
        if not self.resumable_run:
            return stop.kind == "pause"
        if self.loop_running:
            loop = script_asyncio.loop_of(frame)
            return loop is not None and script_asyncio.host_work_pending(loop, frame)
        return False

    def _without_redo(self, frame: Frame, error: BaseException) -> tuple[int, Frame, Any]:
        REDO.raised = False
        if type(error) is AdoptOnVM:
            # Not swallowed: a replayable native operation's script call waits.
            return self._adopt(frame, error)
        REDO.disabled += 1
        pc = frame.pc
        fn, arg = self.step_table(frame.unit)[pc]
        frame.pc = pc + 1
        try:
            r = fn(self, frame, arg)
        except BaseException as e:  # noqa: BLE001
            frame.pc = pc
            return SIG_EXC, frame, e
        finally:
            REDO.disabled -= 1
        if r is None:
            return SIG_SWITCH, frame, None
        if type(r) is Frame:
            if r.back is None:
                r.back = frame
            return SIG_SWITCH, r, None
        if self.t1_frame is not None:  # (a signal of a nested tier-1 run's frame)
            frame, self.t1_frame = self.t1_frame, None
        return r, frame, None

    # -- native operations run again (vm/replay.py) ------------------------------

    def _adopt(self, f: Frame, request: AdoptOnVM) -> tuple[int, Frame, Any]:
        """The frames of a script call of the instruction at ``f.pc``, which waits, as a call from ``f``.

        The call ran nested first (``replay.first_nested``) and met a pending
        future: its run's frames become frames of this run, the call's frame
        returning with ``RET_REPLAY`` (its result joins the answers of the
        calls before it, and the instruction runs again: :meth:`_replay`),
        and the instruction that met the future raises its ``FutureError``
        here, where it suspends the job (or, in a nested run, is adopted
        again further out).  ``f.pc`` is past the instruction meanwhile, as
        during any call.
        """
        top, base, error = request.frame, request.base, request.error
        assert request.call is not None
        func, args, kwargs = request.call
        if top is None:
            # The call returned a future: its value is resolved on the VM.
            REDO.raised = False
            resolving = redo(self, f, "replay_result", [request.result])
            resolving.ret_mode = RET_REPLAY
            resolving.ret_info = (request.log, func, args, kwargs)
            resolving.back = f
            f.pc += 1
            return SIG_SWITCH, resolving, None
        base.ret_mode = RET_REPLAY
        base.ret_info = (request.log, func, args, kwargs)
        base.back = f
        f.pc += 1
        shift = f.depth + base.unit.depth_step - base.depth
        if shift:
            frame: Frame | None = top
            while frame is not None:
                frame.depth += shift
                frame = None if frame is base else frame.back
        # The nested run's handled-exception slots: its own (what its frames
        # handle, if they are in an ``except`` clause) takes the place of
        # this run's; a script generator's that it was running stays above.
        slots = request.slots
        items = self.exc_items
        if slots:
            if slots[0] is not request.initial_slot:
                items[-1] = slots[0]
            items.extend(slots[1:])
        self.raise_kind = 0
        return SIG_EXC, top, error

    def _replay(self, f: Frame, log: tuple[Any, ...], base: Frame, resumable: bool) -> Any:
        """Run the instruction at ``f.pc`` again, its script calls answered from ``log``.

        Returns the frame to continue with, or a :class:`Suspension`.  Not
        counted in counting runs: the instruction counted when it first ran.
        """
        pc = f.pc
        if self.counts is None:
            fn, arg = self.step_table(f.unit)[pc]
        else:
            op = f.unit.ops[pc]
            fn, arg = DIALECT.step(op.name, op.arg)
            if self.sandbox is not None:
                fn = sandboxed.SUBSTITUTES.get(fn, fn)
        outer = REPLAY.log, REPLAY.position, REPLAY.runs
        REPLAY.log, REPLAY.position, REPLAY.runs = log, 0, len(_current.stack)
        NATIVE_WORK.depth += 1
        try:
            f.pc = pc + 1
            try:
                r = self._step_handling(fn, f, arg)
            except BaseException as e:  # noqa: BLE001 - as in _dispatch
                f.pc = pc
                if type(e) is AdoptOnVM:
                    REDO.raised = False
                    sig, nxt, payload = self._adopt(f, e)
                elif REDO.raised:
                    REPLAY.position = 0
                    sig, nxt, payload = self._without_redo(f, e)
                else:
                    sig, nxt, payload = SIG_EXC, f, e
                if sig == SIG_EXC:
                    return self._unwind(nxt, base, payload, resumable)
                return nxt
            if not replay_complete():
                f.pc = pc
                fewer = VMInternalError(
                    f"the native operation of {f.unit.ops[pc].name} at {f.unit.filename}:{f.line} made fewer "
                    f"script calls when run again than before ({REPLAY.position} of {len(log)})"
                )
                return self._unwind(f, base, fewer, resumable)
        finally:
            REPLAY.log, REPLAY.position, REPLAY.runs = outer
            NATIVE_WORK.depth -= 1
        if r is None:
            return f
        if type(r) is Frame:
            r.back = f
            return r
        raise VMInternalError(f"{f.unit.ops[pc].name} run again at {f.unit.filename}:{f.line} returned signal {r!r}")

    def _step_handling(self, fn: Any, f: Frame, arg: Any) -> Any:
        """One instruction handler, in the handled-exception state the script is in (as ``_dispatch_handling``)."""
        cur = self.current_exc()
        if cur is None:
            return fn(self, f, arg)
        tb, context, suppress = cur.__traceback__, cur.__context__, cur.__suppress_context__
        try:
            raise cur
        except BaseException:  # noqa: BLE001
            cur.__traceback__ = tb
            cur.__context__ = context
            cur.__suppress_context__ = suppress
            tb = context = None
            return fn(self, f, arg)

    def _dispatch_handling(self, box: list[Frame], base: Frame, cur: BaseException) -> tuple[int, Frame, Any]:
        # Run inside a real ``except`` block for the exception the script is
        # handling; see the module docstring.  Raising ``cur`` must not change
        # it, so its traceback and context are put back.
        tb, context, suppress = cur.__traceback__, cur.__context__, cur.__suppress_context__
        try:
            raise cur
        except BaseException:  # noqa: BLE001
            cur.__traceback__ = tb
            cur.__context__ = context
            cur.__suppress_context__ = suppress
            # Held no longer than that: the handler may drop them (``e.__context__ = None``).
            tb = context = None
            return self._dispatch(box, base, cur)

    def _counting_table(self, unit: CodeUnit) -> list[tuple[Any, Any]]:
        table = self._counting_tables.get(unit)
        if table is None:
            counts = self.counts
            assert counts is not None
            # Each instruction's handler, wrapped to count it.
            dialect = DIALECT
            if unit.filename == RUNTIME_FILENAME or unit.program.library:
                # The VM's re-statements of builtins (and the library code
                # it runs, vm/library.py) are not the script's instructions:
                # which of their paths runs may depend on object identity (an
                # `is` shortcut), which snapshots do not keep between a host's
                # answers.
                counts = collections.Counter()  # (dropped)
            table = []
            for i, op in enumerate(unit.ops):
                handler, arg = dialect.step(op.name, op.arg)
                depth = unit.depths[i]
                if op.name == "CALL" and dialect.precall_holds_call_args:
                    # CPython 3.11's compiler charges a call's arguments to
                    # PRECALL, though they stay on the stack until CALL.
                    depth += op.arg
                key = (unit.program.hash, unit.base + i)
                counted = _counting(handler or _unsupported(op.name), counts, key, depth, INSTRUCTIONS.get(op.name))
                table.append((counted, arg))
            if self.tier1 and self.sandbox is None:
                # (a sandboxed job's code runs in tier 0, whose handlers check it)
                table = tier1.with_entries(unit, table, counting=True)
            self._counting_tables[unit] = table
        return table

    # -- returns ----------------------------------------------------------

    def _deliver_return(self, frame: Frame, caller: Frame, value: Any, base: Frame, resumable: bool) -> Any:
        mode = frame.ret_mode
        if mode == RET_PUSH:
            caller.stack.append(value)
        elif mode == RET_GEN_FOR:
            caller.stack.pop()
            caller.pc = frame.ret_info
        elif mode == RET_GEN_SEND:
            caller.stack[-1] = value
            caller.pc = frame.ret_info
        elif mode == RET_GEN_NEXT:
            default = frame.ret_info[1]
            frame.ret_info = None
            if default:
                caller.stack.append(default[0])
            else:
                caller.pc -= 1
                return self._unwind(
                    caller, base, StopIteration(value) if value is not None else StopIteration(), resumable
                )
        elif mode == RET_DISCARD:
            pass
        elif mode == RET_ASEND:
            # The async generator returned: the awaited __anext__() raises
            # StopAsyncIteration (an async generator returns nothing), an
            # aclose() returns None.
            target, step = frame.ret_info
            step._done = True
            frame.ret_info = None
            if step._closing:
                caller.stack[-1] = None
                caller.pc = target
                return caller
            caller.pc -= 1
            return self._unwind(caller, base, StopAsyncIteration(), resumable)
        elif mode == RET_OPERATION:
            after, operands, as_bool = frame.ret_info
            frame.ret_info = None
            if value is NotImplemented or (as_bool and value is not True and value is not False):
                # The reflected method next (or the value's truth): the
                # runtime's re-statement goes on from there.
                nxt = redo(
                    self,
                    caller,
                    after if value is NotImplemented else "truth",
                    list(operands) if value is NotImplemented else [value],
                )
                nxt.back = caller
                return nxt
            caller.stack.append(value)
        elif mode == RET_REPLAY:
            log, func, args, kwargs = frame.ret_info
            if type(value) in FUTURE_CLASSES:
                # Native code is handed the future's value: resolved on the
                # VM first, so that a pending one suspends resumably.
                nxt = redo(self, caller, "replay_result", [value])
                nxt.ret_mode = RET_REPLAY
                nxt.ret_info = frame.ret_info
                frame.ret_info = None
                nxt.back = caller
                return nxt
            frame.ret_info = None
            if func._name == "__hash__":
                remember_hash(func, args, value)  # what a snapshot rebuilds the table with
            caller.pc -= 1
            return self._replay(caller, (*log, (func, args, kwargs, value)), base, resumable)
        elif mode == RET_BRANCH:
            jump_if, target, keep = frame.ret_info
            frame.ret_info = None
            if value is jump_if:
                caller.pc = target
            elif keep:
                caller.stack.pop()
        elif mode == RET_PUSH_NULL:
            caller.stack.append(value)
            caller.stack.append(NULL)
        elif mode == RET_SEND_STEP:
            target, keep = frame.ret_info
            frame.ret_info = None
            done, result = value
            if not done:
                caller.stack.append(result)  # yielded on by the YIELD_VALUE next
            else:
                if keep:
                    caller.stack.append(result)
                else:
                    caller.stack[-1] = result
                caller.pc = target
        elif mode == RET_LOOP:
            # The script's asyncio.run() has returned: its loop closes before the script goes on.
            frame.ret_info = None
            caller.stack.append(value)
            if resumable:
                return Suspension(caller, LoopSignal(LEAVE))
        elif mode == RET_OPERAND:
            caller.stack[-frame.ret_info] = value
            caller.pc -= 1  # the instruction runs again, on its native path
        elif mode == RET_INIT:
            if value is not None:
                caller.pc -= 1
                bad_init = TypeError(f"__init__() should return None, not '{type(value).__name__}'")
                return self._unwind(caller, base, bad_init, resumable)
            caller.stack.append(frame.ret_info)
        elif mode == RET_CLASS:
            if metaclass_on_vm(frame.ret_info[0]):
                # type.__call__ of the metaclass on the VM (runtime.class_by_metaclass).
                nxt = redo(self, caller, "class_by_metaclass", [*_class_arguments(frame.ret_info), value])
                nxt.back = caller
                return nxt
            error: BaseException
            try:
                cls, deferred = self._finish_class(frame.ret_info, value)
            except FutureError as e:
                # The class statement's call is done with: it cannot wait.
                error = NotResumableError(
                    f"cannot suspend while class {frame.ret_info[1]!r} is made at {caller.unit.filename}:"
                    f"{caller.line}: a future among its bases or keywords is pending; use its value before "
                    f"the class statement"
                )
                error.__cause__ = e
            except BaseException as e:  # noqa: BLE001
                error = e
            else:
                script_class_made(cls)
                if deferred:
                    # The bases' __init_subclass__ and the descriptors'
                    # __set_name__, as VM frames; the class is pushed after.
                    nxt = redo(self, caller, "class_made", [cls, deferred])
                    nxt.back = caller
                    return nxt
                caller.stack.append(cls)
                return caller
            caller.pc -= 1
            return self._unwind(caller, base, error, resumable)
        else:
            raise VMInternalError(f"frame {frame!r} returned with mode {mode}")
        return caller

    # -- exceptions ---------------------------------------------------------

    def _unwind(self, frame: Frame, base: Frame, exc: BaseException, resumable: bool) -> Any:
        """Find the handler for ``exc`` raised at ``frame.pc``; return the frame to continue.

        A ``FutureError`` that an operation raised (not a ``raise`` statement)
        is a suspension: nothing is unwound, no ``except`` or ``finally``
        clause runs, the frame stays exactly as before the instruction.
        """
        kind = self.raise_kind
        self.raise_kind = 0
        if type(exc) is SandboxViolation and not exc.where:
            _locate(exc, frame)
        reraised = self.reraised
        if reraised is not None:
            # A re-raise neither chains nor adds traceback entries: Python's
            # ``raise`` set the context to the exception being handled and
            # prepended its own frames; CPython's RERAISE does neither.
            self.reraised = None
            if reraised[0] is exc:
                exc.__context__, exc.__suppress_context__, exc.__traceback__ = reraised[1:]
        if kind == 0 and isinstance(exc, FutureError):
            if resumable:
                # Its traceback goes now: its frames (the VM's own, and their
                # callers' that they keep) hold the objects the script and
                # host code were working on, in a cycle through the frame
                # that holds the error, which would keep them past the
                # point where natively they go.
                exc.__traceback__ = None
                return Suspension(frame, exc.future)
            if type(exc.future) is StopSignal:
                # A checkpoint inside script code that host code called: the
                # job stops, with its frames given up (they cannot be kept).
                self._abandon(frame, base)
                raise self._stopped_in_host(exc.future, frame)
            if type(base.ret_info) is Adoptable and base.ret_info.adopts():
                # A replayable operation's call, run nested first: the
                # instruction that ran the operation takes these frames.
                raise AdoptOnVM(frame, base, exc)
            # Said while the frames still hang together, before they are given up.
            reason = not_resumable.reason(frame, base, self.retry_host_calls)
            self._abandon(frame, base)
            if reason is None:
                raise exc
            raise NotResumableError(reason)
        if isinstance(exc, (NotResumableError, VMInternalError, LimitExceeded, JobCancelled)):
            self._abandon(frame, base)
            raise exc
        add_entry = kind <= 1
        while True:
            if add_entry:
                add_traceback_entry(exc, frame)
            add_entry = True
            pc = frame.pc
            handlers = frame.unit.handlers
            handler = handlers[pc] if pc < len(handlers) else None
            if handler is not None:
                stack = frame.stack
                del stack[handler.depth :]
                if handler.lasti:
                    stack.append(pc)
                stack.append(exc)
                frame.pc = handler.target
                frame.kwnames = None
                return frame
            frame.kwnames = None
            # Its values go as the exception leaves it, as natively (what
            # they refer to must not outlive the frame's run).
            del frame.stack[:]
            gen = frame.generator() if frame.generator is not None else None
            if gen is not None and gen._frame is frame:
                self._end_generator(gen)
                exc = _generator_exit_exception(gen, exc)
            if frame is base:
                # Python's raise sets its context again: run() puts it back.
                self.leaving = (exc, exc.__context__, exc.__suppress_context__)
                raise exc
            caller = frame.back
            assert caller is not None
            frame.back = None
            if frame.ret_mode == RET_ASEND:
                target, step = frame.ret_info
                frame.ret_info = None
                step._done = True
                if step._closing and isinstance(exc, (GeneratorExit, StopAsyncIteration)):
                    # Closed as asked: the awaited aclose() returns None.
                    caller.stack[-1] = None
                    caller.pc = target
                    return caller
            caller.pc -= 1
            if frame.ret_mode == RET_LOOP and resumable:
                # Out of the script's asyncio.run(): its loop closes, then the caller handles it.
                frame.ret_info = None
                return Suspension(caller, LoopSignal(LEAVE, exc))
            frame = caller

    def _stopped_in_host(self, stop: StopSignal, frame: Frame) -> BaseException:
        where = f"{frame.unit.qualname}() at {frame.unit.filename}:{frame.line}"
        if stop.kind == "limit":
            assert self.meter is not None
            assert stop.limit is not None
            return self.meter.exceeded(stop.limit, self.executed, where, resumable=False)
        return JobCancelled(f"the job was cancelled while running {where}")

    def _abandon(self, frame: Frame, base: Frame) -> None:
        # A nested run gives up its frames: generators on the chain are no
        # longer running (their frames stay at an instruction boundary).
        self._stop_generators(frame, base)
        f: Frame | None = frame
        while f is not None and f is not base:
            nxt = f.back
            f.back = None
            f = nxt

    def _stop_generators(self, frame: Frame, last: Frame) -> None:
        """The running generators of the chain from ``frame`` to ``last`` no longer run, innermost first."""
        f: Frame | None = frame
        while f is not None:
            gen = f.generator() if f.generator is not None else None
            if gen is not None and gen._running:
                gen._running = False
                self._leave_generator(gen)
            if f is last:
                break
            f = f.back

    # -- generators -----------------------------------------------------------

    def _enter_generator(self, gen: _GeneratorBase) -> None:
        self.exc_items.append(gen._exc_state)

    def _leave_generator(self, gen: _GeneratorBase) -> None:
        gen._exc_state = self.exc_items.pop()

    def _end_generator(self, gen: _GeneratorBase) -> None:
        """A generator returned or raised: as natively, it handles nothing more
        and its frame's locals go."""
        gen._finished = True
        gen._running = False
        self.exc_items.pop()
        gen._exc_state = None
        frame = gen._frame
        frame.fast = []
        frame.cells = []

    def enter_generator_for(self, f: Frame, gen: VMGenerator, target: int) -> Any:
        if gen._running:
            raise ValueError("generator already executing")
        if gen._finished:
            f.stack.pop()
            f.pc = target
            return None
        gf = self._callee(f, gen._frame)
        gf.stack.append(None)
        gf.ret_mode = RET_GEN_FOR
        gf.ret_info = target
        gen._running = True
        self._enter_generator(gen)
        return gf

    def enter_generator_send(self, f: Frame, gen: Any, value: Any, target: int) -> Any:
        if self.throw_at_send is not None:
            return self._send_throw(f, gen, target)
        kind = "coroutine" if type(gen) is VMCoroutine else "generator"
        if gen._finished:
            if kind == "coroutine":
                raise RuntimeError("cannot reuse already awaited coroutine")
            st = f.stack
            del st[-2:]
            st.append(None)
            f.pc = target
            return None
        gf = gen._frame
        if value is not None and gf.pc <= _first_resume(gf):
            raise TypeError(f"can't send non-None value to a just-started {kind}")
        self._callee(f, gf)
        f.stack.pop()
        gf.stack.append(value)
        gf.ret_mode = RET_GEN_SEND
        gf.ret_info = target
        gen._running = True
        self._enter_generator(gen)
        return gf

    def step_coroutine(self, f: Frame, coro: Any, arg: Any, throw: bool) -> Frame | None:
        """``coro.send(arg)`` or ``coro.throw(arg)`` by script code (a task's step), run inline.

        A coroutine parked at a wait (vm/script_asyncio.py) continues at
        that instruction, or has the exception raised there.  None for what
        host code steps instead.
        """
        if type(coro) is not VMCoroutine:
            return None
        parked = getattr(coro, "_parked", None)  # (unset in a coroutine of an older snapshot)
        if parked is not None:
            exc = _thrown(arg) if throw else None
            if throw and exc is None:
                return None
            return self._unpark(f, coro, parked, exc)
        if throw:
            exc = _thrown(arg)
            if exc is None or coro._finished or not script_asyncio.close_thrown_before_start(coro, exc):
                return self.throw_into_chain(f, coro, arg)
            arg = None  # (the close of an async generator, cancelled before it started: see there)
        if coro._finished:
            raise RuntimeError("cannot reuse already awaited coroutine")
        frame: Frame = self.enter_generator_next(f, coro, arg, ())
        return frame

    def park(self, frame: Frame, stand_in: Any) -> Frame | None:
        """Set aside a task's frames, from ``frame`` (which waits) to its coroutine's, as they are.

        Returns the frame of the task's step, which goes on as if the
        coroutine had yielded ``stand_in``; None when ``frame`` does not run
        in a task of the script's event loop.
        """
        top = frame
        while True:
            below = top.back
            if below is None:
                return None
            if (
                top.ret_mode == RET_GEN_NEXT
                and below.unit.name in _TASK_STEP_NAMES
                and (below.unit.filename == _TASKS_FILE)
            ):
                break
            top = below
        coro = top.generator() if top.generator is not None else None
        if type(coro) is not VMCoroutine:
            return None
        self._stop_generators(frame, top)  # (the set-aside frames run no longer)
        step = top.back
        assert step is not None
        top.back = None
        top.ret_info = None
        coro._parked = frame
        step.stack.append(stand_in)
        return step

    def _unpark(self, f: Frame, coro: VMCoroutine, frame: Frame, exc: BaseException | None) -> Frame:
        top = coro._frame
        coro._parked = None
        self._callee(f, top)
        top.back = f
        top.ret_mode = RET_GEN_NEXT
        top.ret_info = (coro, ())
        chain: list[Frame] = []
        walk: Frame | None = frame
        while walk is not None:
            chain.append(walk)
            if walk is top:
                break
            walk = walk.back
        for each in reversed(chain):  # outermost first, as they were entered
            gen = each.generator() if each.generator is not None else None
            if gen is not None and not gen._running and not gen._finished:
                gen._running = True
                self._enter_generator(gen)
        if exc is not None:
            self.throwing = exc  # raised at the instruction that waited
        return frame

    def enter_asend(self, f: Frame, step: Any, value: Any, target: int) -> Any:
        """Await ``step`` (an async generator's ``__anext__()`` or ``asend()``) from frame ``f``.

        The async generator's frame runs on the VM, as a coroutine awaited by
        SEND does, so a wait inside it is resumable.  None when the step is
        one that host code takes (``athrow()``, ``aclose()``, a generator
        that is running or finished): the caller steps it natively.
        """
        gen = step._gen
        if step._done or gen._running or gen._finished:
            return None
        gf = gen._frame
        thrown = None
        if not step._started:
            thrown = step._exc
            if thrown is not None and gf.pc <= _first_resume(gf):
                return None  # (never started: host code finishes it at once)
            step._started = True
            value = step._value
        if value is not None and gf.pc <= _first_resume(gf):
            raise TypeError("can't send non-None value to a just-started async generator")
        if not gen._hooks_done:
            gen._hooks_done = True
            script_asyncio.first_iteration(f, gen)
        self._callee(f, gf)
        f.stack.pop()
        gf.ret_mode = RET_ASEND
        gf.ret_info = (target, step)
        gen._running = True
        self._enter_generator(gen)
        if thrown is not None:
            # athrow() or aclose(): raised at the yield where it waits, its
            # handlers and finally clauses as VM frames.
            in_handler = self.current_exc()
            if in_handler is not None and in_handler is not thrown and thrown.__context__ is None:
                thrown.__context__ = in_handler
            gf.pc -= 1
            gf.stack.append(None)
            self.throwing = thrown
            return gf
        gf.stack.append(value)
        return gf

    def _asend_yielded(self, frame: Frame, caller: Frame, value: Any, base: Frame, resumable: bool) -> Any:
        """An async generator stepped by :meth:`enter_asend` yielded ``value``: the frame to go on in."""
        target, step = frame.ret_info
        frame.ret_info = None
        if type(value) is AsyncGenWrapped:
            # Yielded by the generator itself: the awaited step's result.
            step._done = True
            if step._closing:
                caller.pc -= 1
                return self._unwind(caller, base, RuntimeError("async generator ignored GeneratorExit"), resumable)
            caller.stack[-1] = value.value
            caller.pc = target
        else:
            # Yielded by something it awaits: passed on to whoever awaits the caller.
            caller.stack.append(value)
        return caller

    def enter_generator_throw(
        self, f: Frame, gen: VMGenerator, exc: BaseException, delegating: bool = False
    ) -> Frame | None:
        """``gen.throw(exc)`` on a script generator paused at a yield, run inline.

        The generator's frame is returned with ``exc`` to raise at its yield
        (``throwing``, raised by the run as it switches to the frame): its
        handlers run as VM frames.  None when the generator is not paused
        at a plain yield (not started, finished, running, in a yield from):
        then it is thrown into as host code does.  ``delegating``: paused in
        a ``yield from`` too, ``exc`` raised there (its delegate is not
        thrown into: ``close()``, which closed it first).
        """
        gf: Frame = gen._frame
        if gen._running or gen._finished or gf.pc <= _first_resume(gf):
            return None
        if not delegating and _yieldfrom(gen) is not None:
            return None
        self._callee(f, gf)
        gf.ret_mode = RET_GEN_NEXT
        gf.ret_info = (gen, ())
        gen._running = True
        self._enter_generator(gen)
        # As resume_generator_from_host: chained to what the generator handled when it yielded.
        in_handler = self.current_exc()
        if in_handler is not None and in_handler is not exc and exc.__context__ is None:
            exc.__context__ = in_handler
        gf.pc -= 1  # raised at the YIELD_VALUE where it waited
        gf.stack.append(None)
        self.throwing = exc
        return gf

    def throw_into_chain(self, f: Frame, gen: Any, arg: Any) -> Frame | None:
        """``gen.throw(arg)`` called by the script, run inline: its handlers (and its delegates') as VM frames.

        A generator paused in ``yield from`` another script generator has
        the exception thrown into the innermost one, as natively: each
        frame of the chain runs its SEND again, which enters the next one
        (``throw_at_send``); the innermost raises it at its yield.  None
        for what host code steps instead: a generator not started,
        finished or running, a delegate that is not a script generator,
        GeneratorExit, an exception class the script constructs.
        """
        exc = _thrown(arg)
        if exc is None or isinstance(exc, GeneratorExit):
            return None
        link: Any = gen
        while True:
            if (type(link) is not VMGenerator and type(link) is not VMCoroutine) or link._running or link._finished:
                return None
            if link._frame.pc <= _first_resume(link._frame):
                return None
            link = _yieldfrom(link)
            if link is None or (type(link) is not VMGenerator and type(link) is not VMCoroutine):
                # (A host delegate last: the SEND that awaits it throws into it.)
                break
        if _yieldfrom(gen) is None:
            return self.enter_generator_throw(f, gen, exc)
        gf: Frame = gen._frame
        self._callee(f, gf)
        gf.ret_mode = RET_GEN_NEXT
        gf.ret_info = (gen, ())
        gen._running = True
        self._enter_generator(gen)
        gf.pc = _send_pc(gf)
        gf.stack.append(None)
        self.throw_at_send = exc
        return gf

    def _send_throw(self, f: Frame, gen: VMGenerator, target: int) -> Frame:
        """SEND run again by :meth:`throw_into_chain`: the exception goes on into ``gen``, its delegate."""
        exc = self.throw_at_send
        assert exc is not None
        gf: Frame = gen._frame
        inner = _yieldfrom(gen)
        self._callee(f, gf)
        f.stack.pop()
        gf.ret_mode = RET_GEN_SEND
        gf.ret_info = target
        gen._running = True
        self._enter_generator(gen)
        gf.stack.append(None)
        if inner is not None:
            gf.pc = _send_pc(gf)  # on down the chain
            return gf
        self.throw_at_send = None
        in_handler = self.current_exc()
        if in_handler is not None and in_handler is not exc and exc.__context__ is None:
            exc.__context__ = in_handler
        gf.pc -= 1  # raised at the YIELD_VALUE where it waited
        self.throwing = exc
        return gf

    def resume_generator_from_host(self, gen: _GeneratorBase, value: Any, exc: BaseException | None) -> Any:
        """One step of a VM generator driven by host code (``next``, ``send``, ``throw``)."""
        kind = gen._kind
        if gen._running:
            raise ValueError(f"{kind} already executing")
        frame = gen._frame
        if gen._finished:
            if isinstance(gen, VMCoroutine):
                raise RuntimeError("cannot reuse already awaited coroutine")
            if exc is not None:
                raise exc
            raise StopIteration
        started = frame.pc > _first_resume(frame)
        if exc is None and value is not None and not started:
            raise TypeError(f"can't send non-None value to a just-started {kind}")
        if exc is not None and not started:
            gen._finished = True
            raise exc
        if exc is not None:
            delegate = _yieldfrom(gen)
            if delegate is not None:
                handled, value, exc = self._throw_into_delegate(gen, delegate, exc)
                if handled:
                    return value
        frame.back = None
        frame.ret_mode = RET_BASE
        gen._running = True
        floor = self._host_floor()
        try:
            self._enter_generator(gen)
            if exc is not None:
                # Raised inside the generator: it chains to the exception the
                # generator was handling when it yielded, as a raise there would.
                in_handler = self.current_exc()
                if in_handler is not None and in_handler is not exc and exc.__context__ is None:
                    exc.__context__ = in_handler
                frame.pc -= 1  # the exception is raised at the YIELD_VALUE where it waited
                # As in CPython, the slot of the value a send would have pushed
                # holds None: a handler of the yield itself (3.12's CLEANUP_THROW)
                # finds it there; any other handler is below it and drops it.
                frame.stack.append(None)
                result = self.run(frame, frame, resumable=False, exc=exc)
            else:
                frame.stack.append(value)
                result = self.run(frame, frame, resumable=False)
        finally:
            self._host_floor_end(floor)
        kind_, payload = result
        if kind_ == "yield":
            return payload
        raise StopIteration(payload)

    def _throw_into_delegate(self, gen: _GeneratorBase, delegate: Any, exc: BaseException) -> tuple[bool, Any, Any]:
        """``throw()`` on a generator suspended in ``yield from``: throw into the delegate first.

        Returns ``(True, yielded)`` when the delegate yielded, else
        ``(False, value_to_send, exception_to_raise)`` to continue the
        generator itself.
        """
        frame = gen._frame
        if isinstance(exc, GeneratorExit):
            close = getattr(delegate, "close", None)
            if close is not None:
                gen._running = True
                try:
                    close()
                except BaseException as e:  # noqa: BLE001
                    gen._running = False
                    return False, None, e
                gen._running = False
            return False, None, exc
        throw = getattr(delegate, "throw", None)
        if throw is None:
            return False, None, exc
        gen._running = True
        try:
            yielded = throw(exc)
        except StopIteration as stop:
            gen._running = False
            # The delegate finished: leave the yield-from loop with its value.
            frame.stack.pop()
            frame.pc = _send_target(frame)
            frame.back = None
            frame.ret_mode = RET_BASE
            gen._running = True
            self._enter_generator(gen)
            frame.stack.append(stop.value)
            kind, payload = self.run(frame, frame, resumable=False)
            if kind == "yield":
                return True, payload, None
            raise StopIteration(payload) from None
        except BaseException as e:  # noqa: BLE001
            gen._running = False
            return False, None, e
        gen._running = False
        return True, yielded, None

    # -- calls ----------------------------------------------------------------

    def frame_for(self, func: VMFunction, args: Any, kwargs: dict[str, Any] | None) -> Frame:
        """A new frame for calling ``func``; binding errors raise ``TypeError``."""
        unit = func._unit
        fast = bind_arguments(unit, func._qualname, func._defaults, func._kwdefaults, args, kwargs)
        return Frame(unit, func._globals, func._builtins, None, func, fast)

    def call(self, f: Frame, func: Any, args: Any, kwargs: dict[str, Any] | None) -> Any:
        """Call ``func`` from frame ``f``: a new VM frame for script code, else the result."""
        cls = type(func)
        if cls is VMFunction:
            return self._callee(f, self.frame_for(func, args, kwargs))
        if cls is _MethodType:
            inner = func.__func__
            if type(inner) is VMFunction:
                return self._callee(f, self.frame_for(inner, [func.__self__, *args], kwargs))
            if type(inner) is _MethodDescriptor and inner in _PURE_STORES and not kwargs and not PENDING_FAILURES:
                # results.append(x), bound by the method load (handoff.stored_method):
                # it stores what it is given, futures too, and calls nothing.
                return inner(func.__self__, *args)
            if inner is _generator_send and type(func.__self__) is VMGenerator and len(args) == 1 and not kwargs:
                return self.enter_generator_next(f, func.__self__, args[0], ())
            if inner is _generator_close and type(func.__self__) is VMGenerator and not args and not kwargs:
                # gen.close() by the script: its finally runs on the VM (runtime.generator_close_).
                return redo(self, f, "generator_close_", [func.__self__])
            if inner is _generator_throw and type(func.__self__) is VMGenerator and len(args) == 1 and not kwargs:
                thrown = self.throw_into_chain(f, func.__self__, args[0])
                if thrown is not None:
                    return thrown
            if (
                (inner is _coroutine_send or inner is _coroutine_throw)
                and len(args) == 1
                and not kwargs
                and f.unit.filename == _TASKS_FILE
            ):
                # A task of the script's event loop stepping its coroutine (vm/script_asyncio.py).
                stepped = self.step_coroutine(f, func.__self__, args[0], inner is _coroutine_throw)
                if stepped is not None:
                    return stepped
            if (
                (inner is _asend_send or inner is _asend_throw)
                and len(args) == 1
                and not kwargs
                and f.unit.filename == _TASKS_FILE
            ):
                # A task whose coroutine is an async generator's __anext__() or
                # asend(): it steps a coroutine awaiting it instead, so that the
                # generator runs on the VM, its awaits the script loop's.
                step = func.__self__
                if step._driver is None:
                    step._driver = runtime_namespace()["asend_driver_"](step)
                stepped = self.step_coroutine(f, step._driver, args[0], inner is _asend_throw)
                if stepped is not None:
                    return stepped
            if inner in STORED_ITERATING_METHODS:
                # items.extend(script_iterable), d.update(script_mapping), items.insert(script_index, x)
                replacement = method_replacement(func, args, kwargs)
                if replacement is not None:
                    if type(replacement) is not VMFunction:
                        return replacement(self, f, func, args, kwargs)  # a handler of special_calls
                    return self._callee(f, self.frame_for(replacement, [func.__self__, *args], kwargs))
            if type(inner) is _FunctionType:
                name = library.METHODS.get(inner)
                if name is not None:
                    version = library.function(name)
                    if version is not None:
                        return self._callee(f, self.frame_for(version, [func.__self__, *args], kwargs))
                restated = RESTATED_METHODS.get(inner)
                if restated is not None:
                    return redo(self, f, restated, [func.__self__, *args], kwargs)
                if is_dataclass_init(inner) and dataclass_calls_script(type(func.__self__)):
                    return redo(self, f, "dataclass_init", [inner, func.__self__, args, kwargs])
                ordering = TOTAL_ORDERING.get(inner)
                if ordering is not None and len(args) == 1 and not kwargs:
                    return redo(self, f, "total_ordering_", [func.__self__, args[0], *ordering])
                order = DATACLASS_ORDER.get(inner.__code__.co_qualname)
                if order is not None and len(args) == 1 and not kwargs:
                    return redo(self, f, "dataclass_order", [inner, func.__self__, args[0], order])
        elif (cls is _BuiltinMethod or cls is type) and not kwargs and func in _PLAIN_CALLS:
            # len(items), str(n), abs(x): plain arguments reach no script code.
            plain = _PLAIN_CALLS[func]
            for a in args:
                if type(a) not in plain:
                    break
            else:
                return self.call_host(func, args, kwargs)
        elif cls is type and func.__flags__ & _HEAPTYPE:  # (a builtin type has no script __init__ or __new__)
            init = func.__init__
            if type(init) is VMFunction and func.__new__ is _object_new and inherits_object_new(func):
                # A script class with a script __init__: run __init__ as a
                # VM frame, so that a suspension inside it is resumable.
                instance = _object_new(func)
                frame = self.frame_for(init, [instance, *args], kwargs)
                frame.ret_mode = RET_INIT
                frame.ret_info = instance
                return self._callee(f, frame)
            if type(init) is _FunctionType and init in library.ON_VM and func.__new__ is _object_new:
                # asyncio's Task, Future, Lock... made by the script: their
                # __init__ runs on the VM, with the script loop's globals.
                version = library.function(library.ON_VM[init])
                if version is not None:
                    instance = _object_new(func)
                    frame = self.frame_for(version, [instance, *args], kwargs)
                    frame.ret_mode = RET_INIT
                    frame.ret_info = instance
                    return self._callee(f, frame)
            if _scripted_construction(func):
                return redo(self, f, "instantiate", [func, args, kwargs or {}])
        elif cls is _BuiltinMethod or cls is _ClassBoundMethod:
            name = func.__name__
            replacement = method_replacement(func, args, kwargs) if name in REPLACED_NAMES else None
            if replacement is not None:
                if type(replacement) is not VMFunction:
                    return replacement(self, f, func, args, kwargs)  # a handler of special_calls
                return self._callee(f, self.frame_for(replacement, [func.__self__, *args], kwargs))
            if name == "__reduce_ex__" and lookup(type(func.__self__), "__reduce_ex__") is _object_reduce_ex:
                # object.__reduce_ex__ (copy's): natively, or re-stated once it
                # reaches a script __reduce__, __getnewargs__ or __getstate__.
                try:
                    return self.call_host(func, args, kwargs, call_restatable)
                except RedoOnVM:
                    return redo(self, f, "reduce_ex_", [func.__self__, *args], kwargs)
            if type(func.__self__) is str:
                restated = RESTATED_STR_METHODS.get(name)
                if restated is not None:
                    # "...".format(obj): natively, or on the VM once it reaches script code.
                    try:
                        return self.call_host(func, args, kwargs, call_restatable)
                    except RedoOnVM:
                        return redo(self, f, restated, [func.__self__, *args], kwargs)
        special = SPECIAL_CALLS.get(id(func))
        if special is not None and special[0] is func:
            result = special[1](self, f, args, kwargs)
            if type(result) is Frame and result.generator is None:
                # A frame of its own (a class body, exec, a re-stated
                # builtin); a generator's was counted as it was entered.
                return self._callee(f, result)
            return result
        if (cls is _BuiltinMethod or cls is type) and func is not _warn:
            # The common host call, a builtin: one lookup decides.
            if func in RESTATED_CALLS:
                return self._call_restated(f, func, args, kwargs)
            return self.call_host(func, args, kwargs)
        if cls.__flags__ & _HEAPTYPE:
            method = lookup(cls, "__call__")
            if type(method) is _FunctionType and method in library.ATTEMPTS:
                # A class whose metaclass's __call__ is library code (an Enum lookup).
                return self._call_library(f, method, [func, *args], kwargs)
            if type(method) is VMFunction:
                # An object of a script class called: its __call__ runs as a VM frame.
                return self._callee(f, self.frame_for(method, [func, *args], kwargs))
            if method is _type_call and _scripted_construction(func):
                # A class whose metaclass (ABCMeta, say) makes instances as type does.
                return redo(self, f, "instantiate", [func, args, kwargs or {}])
        unwrap = _CALLABLE_WRAPPERS.get(cls)
        if unwrap is not None:
            return unwrap(self, f, func, args, kwargs)
        if cls is _FunctionType and (func in _SPECIAL_FUNCTIONS or func.__code__.co_qualname in _SPECIAL_QUALNAMES):
            result = self._call_special_function(f, func, args, kwargs)
            if result is not _PLAIN:
                return result
        if cls is _FunctionType or (cls is _MethodType and type(func.__func__) is _FunctionType) or func is _warn:
            # Host code that looks at its caller's frame (sys._getframe in
            # doctest and namedtuple, warnings' stacklevel) must find the
            # script there: call it from a native frame that carries the
            # script's globals, file and function name.
            if func is _warn:
                return self.call_host(func, args, kwargs, trampolines(f, _stack_level(args, kwargs)))
            result = self.call_host(func, args, kwargs, trampoline(f))
            if type(result) is _CoroutineType:
                _made_host_coroutine(f, func, args, kwargs, result)
            return result
        return self.call_host(func, args, kwargs)

    def _call_special_function(self, f: Frame, func: Any, args: Any, kwargs: dict[str, Any] | None) -> Any:
        """A library function that calls script code, run on the VM; ``_PLAIN`` if this call is not one."""
        if func in library.ATTEMPTS:
            return self._call_library(f, func, args, kwargs)
        code = func.__code__
        if code.co_name in _CLOSURE_NAMES and code in library.CLOSURES:
            # A closure library code made around a script callback: its code on the VM.
            version = library.closure(func)
            if version is not None:
                return self._callee(f, self.frame_for(version, args, kwargs))
        # A library method called as a function (ExitStack.enter_context
        # calls type(cm).__enter__(cm)), or asyncio's functions.
        name = library.METHODS.get(func)
        if name is not None:
            version = library.function(name)
            if version is not None:
                return self._callee(f, self.frame_for(version, args, kwargs))
        if not args:
            return _PLAIN
        restated = RESTATED_METHODS.get(func)
        if restated is not None:
            return redo(self, f, restated, args, kwargs)
        if code is SINGLEDISPATCH_WRAPPER or code == SINGLEDISPATCH_WRAPPER:  # (a copy, after a snapshot)
            # functools.singledispatch: the implementation for the first
            # argument's class, called as any callable is.
            return self.call(f, func.dispatch(args[0].__class__), args, kwargs)
        if code.co_qualname == DATACLASS_INIT and dataclass_calls_script(type(args[0])):
            # A dataclass's generated __init__ (called by the runtime's
            # instantiate, or as Base.__init__(self, ...)), field by field.
            return redo(self, f, "dataclass_init", [func, args[0], args[1:], kwargs])
        ordering = TOTAL_ORDERING.get(func)
        if ordering is not None and len(args) == 2 and not kwargs:
            # A comparison functools.total_ordering made.
            return redo(self, f, "total_ordering_", [*args, *ordering])
        order = DATACLASS_ORDER.get(code.co_qualname)
        if order is not None and len(args) == 2 and not kwargs:
            # A comparison dataclass(order=True) made: its fields' comparisons may be script code.
            return redo(self, f, "dataclass_order", [func, *args, order])
        return _PLAIN

    def _call_restated(self, f: Frame, func: Any, args: Any, kwargs: dict[str, Any] | None) -> Any:
        """A builtin of ``RESTATED_CALLS``: natively, or on the VM once it reaches script code."""
        restated = restatement(func, args, kwargs, f)
        if restated is None:
            return self.call_host(func, args, kwargs)
        if func is print:
            # print writes each argument as it goes: one with script parts
            # must be converted before anything is written.
            if LIVE_FUTURES:
                args, kwargs = host_arguments(func, args, kwargs)
            for a in args:
                if type(a) not in _PRINTED_NATIVELY:
                    return redo(self, f, restated, args, kwargs)
            return self.call_host(func, args, kwargs)
        try:
            return self.call_host(func, args, kwargs, call_restatable)
        except RedoOnVM:
            return redo(self, f, restated, args, kwargs)

    def _call_library(self, f: Frame, func: Any, args: Any, kwargs: dict[str, Any] | None) -> Any:
        """A library function of ``library.ATTEMPTS``: natively, or by its VM version once it reaches script code."""
        version = None if library.attempts_natively(func, args, kwargs) else library.function(library.ATTEMPTS[func])
        if version is None:
            try:
                return self.call_host(func, args, kwargs, library.attempt)
            except RedoOnVM:
                REDO.raised = False
                version = library.function(library.ATTEMPTS[func])
                if version is None:  # (its source cannot be read): script code in a nested run
                    return self.call_host(func, args, kwargs, _call_without_redo)
        return self._callee(f, self.frame_for(version, args, kwargs))

    def _callee(self, f: Frame, frame: Frame) -> Frame:
        """``frame``, called from ``f``, at its recursion depth; ``RecursionError`` past the limit.

        Every frame the VM enters counts, as each Python frame does natively:
        calls, generators resumed, class bodies, the re-stated builtins' code
        (which counts for nothing: natively it is C code).
        """
        depth = f.depth + frame.unit.depth_step
        if depth >= self.recursion_limit:  # the module's frame is depth 0 here, 1 natively
            raise RecursionError("maximum recursion depth exceeded")
        frame.depth = depth
        return frame

    def enter_generator_next(self, f: Frame, gen: Any, value: Any, default: tuple[Any, ...]) -> Any:
        """``next(gen[, default])`` or ``gen.send(value)`` on a script generator, run inline."""
        if gen._running:
            raise ValueError("generator already executing")
        if gen._finished:
            if default:
                return default[0]
            raise StopIteration
        gf = gen._frame
        if value is not None and gf.pc <= _first_resume(gf):
            raise TypeError("can't send non-None value to a just-started generator")
        self._callee(f, gf)
        gf.stack.append(value)
        gf.ret_mode = RET_GEN_NEXT
        # The generator object must live while its frame runs: next(gen())
        # holds it nowhere else.  Released when the frame yields or ends.
        gf.ret_info = (gen, default)
        gen._running = True
        self._enter_generator(gen)
        return gf

    def call_host(self, func: Any, args: Any, kwargs: dict[str, Any] | None, via: Any = None) -> Any:
        """Call host code, which is handed values, never futures (``handoff``)."""
        if PENDING_FAILURES:
            not_resumable.raise_pending(self)
        if LIVE_FUTURES:
            args, kwargs = host_arguments(func, args, kwargs)
        if (
            type(func) is _BuiltinMethod
            and func.__name__ in ("split", "subgroup")
            and isinstance(func.__self__, BaseExceptionGroup)
        ):
            # CPython 3.11 accepts only native functions as predicates here.
            args = [_native_twin(a) if type(a) is VMFunction else a for a in args]
        try:
            if via is not None:
                result = via(func, args, kwargs)
            elif kwargs:
                result = func(*args, **kwargs)
            else:
                result = func(*args)
        except NotResumableError as error:
            not_resumable.name_host_callable(error, func)
            raise
        except FutureError as error:
            # Host code met a pending future it was not handed (one that
            # script code it called returned or yielded): the call has
            # started, and must not start again on resume.
            if self.retry_host_calls or not_resumable.started_again_safely(func, args, kwargs, error):
                raise
            raise NotResumableError(not_resumable.met_after_start(func, error)) from error
        if FIRST_NESTED.kept is not None:
            # The answers kept for this call's script calls (replay.first_nested):
            # the call has finished.
            forget_first_nested()
        if PENDING_FAILURES:
            # A host thread failed while this call ran (the script joined it).
            not_resumable.raise_pending(self)
        return result

    def call_from_host(self, func: VMFunction, args: Any, kwargs: dict[str, Any], adoptable: Any = None) -> Any:
        """Host code called a script function: a nested, non-resumable run.

        ``adoptable``: a call of a replayable native operation, whose frames
        the instruction that ran the operation adopts if they wait
        (``AdoptOnVM``, statek_vm/vm/replay.py).
        """
        frame = self.frame_for(func, args, kwargs or None)
        frame.ret_mode = RET_BASE
        if adoptable is not None:
            frame.ret_info = adoptable
        depth = _depth_seen_from_host(self) + frame.unit.depth_step
        # Each nested run costs native frames of the VM's own too: CPython's
        # own limit must not be reached inside the VM, where it would stop an
        # instruction halfway.  (Walking the native stack costs about as
        # much as a few instructions; a nested run costs far more.)
        if depth >= self.recursion_limit or _native_stack_over(sys.getrecursionlimit() - _NATIVE_MARGIN):
            raise RecursionError(_HOST_CALL_RECURSION)
        frame.depth = depth
        floor = self._host_floor()
        initial = self.exc_items[floor]
        # A function tier 1 has compiled runs as tier-1 code calls it (when
        # the host handles no exception: the dispatch would enter its context).
        sub = None
        if initial is _NOTHING_HANDLED and tier1.runs_here(self):
            sub = frame.unit.tier1_calls[self.counts is not None]
        try:
            _, value = self.run(frame, frame, resumable=False, sub=sub)
        except AdoptOnVM as request:
            request.slots = self.exc_items[floor:]
            request.initial_slot = initial
            raise
        finally:
            self._host_floor_end(floor)
        return value

    # -- classes ----------------------------------------------------------

    def _finish_class(self, info: Any, cell: Any) -> Any:
        meta, name, bases, ns, kwds = _class_arguments(info)
        cls, deferred = self.call_host(make_class, [meta, name, bases, ns, kwds], None)
        _check_class_cell(cls, cell, name)
        return cls, deferred


def _class_arguments(info: Any) -> tuple[Any, str, tuple[Any, ...], Any, dict[str, Any]]:
    """The metaclass's arguments for a class statement: (meta, name, bases, namespace, keywords)."""
    meta, name, bases, orig_bases, kwds, ns = info
    # type.__new__ makes these implicit class/static methods only for
    # native functions; do it for script functions too.
    for special, wrapper in _IMPLICIT_METHODS:
        value = ns.get(special) if isinstance(ns, dict) else None
        if type(value) is VMFunction:
            ns[special] = wrapper(value)
    if bases is not orig_bases:
        ns["__orig_bases__"] = orig_bases
    return meta, name, bases, ns, kwds


def _check_class_cell(cls: Any, cell: Any, name: str) -> None:
    if isinstance(cls, type) and isinstance(cell, types.CellType):
        try:
            cell_cls = cell.cell_contents
        except ValueError:
            cell_cls = None
        if cell_cls is not cls:
            if cell_cls is None:
                raise RuntimeError(
                    f"__class__ not set defining {name!r} as {cls!r}. Was __classcell__ propagated to type.__new__?"
                )
            raise TypeError(f"__class__ set to {cell_cls!r} defining {name!r} as {cls!r}")


def class_statement_end(cls: Any, cell: Any, name: str) -> None:
    """A class statement's checks once its metaclass made ``cls`` on the VM (runtime.class_by_metaclass)."""
    _check_class_cell(cls, cell, name)
    script_class_made(cls)


_ABC_NEW = vars(abc.ABCMeta)["__new__"].__func__
_CoroutineType = types.CoroutineType


def _stack_level(args: Any, kwargs: Any) -> int:
    """warnings.warn's ``stacklevel`` (the script frames it looks at), if a plain int."""
    level = args[2] if len(args) > 2 else (kwargs or {}).get("stacklevel", 1)
    return level if type(level) is int and 1 <= level <= 50 else 1


def _made_host_coroutine(f: Frame, func: Any, args: Any, kwargs: Any, coroutine: Any) -> None:
    """Keep how the script made a host ``async def``'s coroutine: a snapshot makes an unstarted one again so."""
    function = func.__func__ if type(func) is _MethodType else func
    if coroutine.cr_code is not getattr(function, "__code__", None):
        return  # (a function that returned some other coroutine: calling it again could do more)
    builtins_ = f.builtins
    if type(builtins_) is not dict and hasattr(builtins_, "made_host_coroutine"):
        builtins_.made_host_coroutine(coroutine, (func, tuple(args), kwargs or {}))


def metaclass_on_vm(meta: Any) -> bool:
    """Whether a class statement's metaclass runs on the VM: its ``__new__``/``__init__`` is script code, or ABCMeta's.

    So a wait in them, or in a base's ``__init_subclass__`` that their
    ``type.__new__`` runs, is resumable.  Other metaclasses (enum's, a
    metaclass's own metaclass) run natively, and ``type`` runs the hooks
    after the class is made (objects.make_class).
    """
    if meta is type or type(meta) is not type:
        return False
    new = lookup(meta, "__new__")
    if type(new) is staticmethod:
        new = new.__func__
    return type(new) is VMFunction or new is _ABC_NEW or type(lookup(meta, "__init__")) is VMFunction


# (Compared by identity: hashing a code object hashes its whole content.)
_DISPATCH_CODE = Interpreter._dispatch.__code__
register_host_call(Interpreter.call_host.__code__)
# Storing methods of the script's containers (handoff.stored_method) that call no other code.
_MethodDescriptor = type(list.append)
# Builtins that reach no script code when each argument is of these types,
# and have no special call: called at once.
_PLAIN_CALLS = {builtin: plain for builtin, plain in NATIVE_ARGUMENTS.items() if id(builtin) not in SPECIAL_CALLS}
_PURE_STORES = frozenset({list.append, collections.deque.append, collections.deque.appendleft})
_PACKAGE_PREFIX = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

_IMPLICIT_METHODS = (("__init_subclass__", classmethod), ("__class_getitem__", classmethod), ("__new__", staticmethod))


def _counting(
    fn: Any, counts: collections.Counter[Any], key: Any, depth: int, declared: Instruction | None = None
) -> Any:
    # An instruction counts once it has executed: completed, or raised an
    # exception that the script sees.  A suspension does not count: the
    # instruction runs (once) when the job resumes.  Counting runs also check
    # that the value stack has the depth the program stage computed, and that
    # the instruction did only what its declaration allows (program/instructions.py).
    suspends = declared is None or declared.may_suspend
    enters = declared is None or declared.may_enter_frame

    def counted(vm: Interpreter, f: Frame, arg: Any) -> Any:
        if depth >= 0 and len(f.stack) != depth:
            raise VMInternalError(
                f"stack depth {len(f.stack)} before instruction {key[1]} ({f.unit.ops[f.pc - 1].name}) "
                f"of {f.unit.qualname}, expected {depth}"
            )
        try:
            r = fn(vm, f, arg)
        except FutureError:
            if not suspends:
                raise _undeclared(f, key, "raised FutureError (a wait)") from None
            if vm.raise_kind != 0:
                counts[key] += 1
            raise
        except BaseException:
            counts[key] += 1
            raise
        if type(r) is Frame and not enters:
            raise _undeclared(f, key, "entered a frame")
        counts[key] += 1
        return r

    return counted


def _undeclared(f: Frame, key: Any, what: str) -> VMInternalError:
    name = f.unit.ops[key[1] - f.unit.base].name
    effect = INSTRUCTIONS[name].effect if name in INSTRUCTIONS else "undeclared"
    return VMInternalError(
        f"instruction {key[1]} ({name}) of {f.unit.qualname} {what}, which its declaration "
        f"({effect!r}, statek_vm/program/instructions.py) does not allow"
    )


def _native_stack_over(frames: int) -> bool:
    """Whether the caller's Python stack (the caller's frame counted) holds more than ``frames`` frames.

    Python frames only: CPython 3.11 counts the C calls between them too,
    which no API shows (so a script recursing through host code that calls
    it back reaches CPython's own limit first there).  ``sys._getframe``
    walks the stack in C.
    """
    if frames < 1:
        return True
    try:
        sys._getframe(frames + 1)  # (0 is this function's frame, 1 its caller's)
    except ValueError:
        return False
    return True


# CPython 3.11 checks the depth when C code calls a Python object, and says
# so; 3.12 and later count Python frames only.
_HOST_CALL_RECURSION = "maximum recursion depth exceeded" + (
    " while calling a Python object" if sys.version_info < (3, 12) else ""
)
# Native frames a nested run needs below CPython's limit: its own (run,
# _run, _dispatch, an instruction, call, call_host...) and the host's next call.
_NATIVE_MARGIN = 40


_TIER1_PREFIX = os.path.join(os.path.dirname(tier1.__file__), "<tier1 ")


def _depth_seen_from_host(vm: Interpreter) -> int:
    """The recursion depth, as the script sees it, of host code calling script code now.

    The VM frame that called out to host code (found on the native stack, in
    the loop that runs it), plus the host's own Python frames since; the VM's
    frames and trampolines do not count.
    """
    frame: Any = sys._getframe(2)
    host = 0
    while frame is not None:
        code = frame.f_code
        if code is _DISPATCH_CODE:
            (caller,) = native_locals(frame, "frame")
            return host + (caller.depth if isinstance(caller, Frame) else 0)
        filename = code.co_filename
        if not filename.startswith(_PACKAGE_PREFIX):
            if not is_trampoline_code(code):
                host += 1
        elif code.co_name == "run" and filename.startswith(_TIER1_PREFIX):
            # A tier-1 run (vm/tier1.py), nested in the dispatch's: its frame
            # is the deeper one (read from the interpreter: reading the run's
            # locals would keep a copy of them alive, as f_locals does).
            caller = vm.t1_now
            return host + (caller.depth if isinstance(caller, Frame) else 0)
        frame = frame.f_back
    return host


def _native_twin(func: VMFunction) -> Any:
    """A native function that calls ``func``, for host APIs that insist on one."""

    def twin(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    twin.__name__ = func._name
    twin.__qualname__ = func._qualname
    return twin


def _thrown(arg: Any) -> BaseException | None:
    """The exception ``throw(arg)`` raises, or None for one a script class constructs (host code does that)."""
    if isinstance(arg, BaseException):
        return arg
    if isinstance(arg, type) and issubclass(arg, BaseException) and not _scripted_construction(arg):
        return _arg_of_throw(arg, _NO_ARG, _NO_ARG)
    return None


_TASK_STEP_NAMES = script_asyncio._STEP_NAMES
_TASKS_FILE = script_asyncio._TASKS_FILE


def _send_pc(frame: Frame) -> int:
    """The SEND of the yield-from loop whose YIELD_VALUE the generator waits at."""
    ops = frame.unit.ops
    for i in range(frame.pc - 1, -1, -1):
        if ops[i].name == "SEND":
            return i
    raise VMInternalError(f"no SEND before {frame!r}")


def _send_target(frame: Frame) -> int:
    # The generator waits at the YIELD_VALUE that follows a SEND; its target
    # is where the yield-from loop ends.
    ops = frame.unit.ops
    for i in range(frame.pc - 1, -1, -1):
        if ops[i].name == "SEND":
            return ops[i].arg + DIALECT.send_exit  # type: ignore[no-any-return]
    raise VMInternalError(f"no SEND before {frame!r}")


def _generator_exit_exception(gen: _GeneratorBase, exc: BaseException) -> BaseException:
    # PEP 479: StopIteration (and, for async generators, StopAsyncIteration)
    # leaving a generator becomes RuntimeError.
    if isinstance(exc, StopIteration):
        what = gen._kind.replace("_", " ")
        new: BaseException = RuntimeError(f"{what} raised StopIteration")
    elif isinstance(exc, StopAsyncIteration) and isinstance(gen, VMAsyncGenerator):
        new = RuntimeError("async generator raised StopAsyncIteration")
    else:
        return exc
    new.__cause__ = exc
    new.__context__ = exc
    return new


# -- the current interpreter ---------------------------------------------------


class _Current(threading.local):
    def __init__(self) -> None:
        self.stack: list[Interpreter] = []


_current = _Current()
_objects_module._RUNS = _current


def current_interpreter(builtins_: Any = None) -> Interpreter:
    """The interpreter of the innermost active run on this thread, or a fresh one.

    ``builtins_``: those of the script code about to run.  A sandboxed job's
    (its builtins carry its policy) never runs unchecked: called by host code
    outside the job's runs (a condition a poller checks, a generator a host
    keeps), or inside another job's unsandboxed run, it runs in a fresh
    interpreter with the job's policy.
    """
    stack = _current.stack
    policy = getattr(builtins_, "sandbox", None)
    if stack and (policy is None or stack[-1].sandbox is not None):
        return stack[-1]
    vm = Interpreter()
    if policy is not None:
        vm.set_sandbox(policy)
    return vm


_objects_module._current_interpreter = current_interpreter
