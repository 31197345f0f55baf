"""Calls the VM handles itself instead of calling host code.

Builtins that look at the calling frame (``super()``, ``locals()``,
``globals()``, ``vars()``, ``dir()``, ``eval``/``exec``, ``sys._getframe``)
need the *VM* frame; ``__build_class__`` runs the class body as a VM frame;
``next()`` on a script generator and the builtins with VM-run versions
(:mod:`statek_vm.vm.runtime`) keep script code on the VM so that a suspension
inside it is resumable.  Each handler is ``handler(vm, frame, args, kwargs)``
and returns a value or a new frame, like :meth:`Interpreter.call`.
"""

from __future__ import annotations
import __future__

import asyncio
import builtins
import collections
import contextlib
import contextvars
import dataclasses
import decimal
import functools
import heapq
import inspect
import itertools
import json
import math
import operator
import re
import statistics
import sys
import time
import types
import typing
import warnings
from typing import TYPE_CHECKING, Any

from statek_vm import module_state, sandbox
from statek_vm.exceptions import FutureError, NotResumableError, VMInternalError
from statek_vm.future import FUTURE_CLASSES, get_any_future
from statek_vm.program.program import compile_program, program_for_code
from statek_vm.snapshot import iterators
from statek_vm.vm import library, objects, runtime, script_asyncio
from statek_vm.vm.frame import RET_CLASS, RET_LOOP, RET_PUSH, UNBOUND, Frame, builtins_of
from statek_vm.vm.handoff import host_arguments
from statek_vm.vm.loop_edge import ENTER_LOOP, WAIT, LoopSignal
from statek_vm.vm.objects import _NO_ARG, VMAsyncGenerator, VMCoroutine, VMFunction, VMGenerator, _arg_of_throw
from statek_vm.vm.operations import (
    PLAIN_TYPES,
    REDO,
    RedoOnVM,
    call_restatable,
    iterates_script,
    merges_script,
    redo,
    restatement,
    steps_on_vm,
)
from statek_vm.vm.script_frames import fake_frame, trampoline

if TYPE_CHECKING:
    from statek_vm.vm.interpreter import Interpreter

_MethodType = types.MethodType


def _call_super(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if args or kwargs:
        return vm.call_host(super, args, kwargs)
    unit = f.unit
    if unit.argcount == 0 and not unit.flags & 0x04:
        raise RuntimeError("super(): no arguments")
    first_name = unit.varnames[0]
    if first_name in unit.cellvars:
        try:
            first = f.cells[unit.cellvars.index(first_name)].cell_contents
        except ValueError:
            first = UNBOUND
        if first is UNBOUND:
            raise RuntimeError("super(): arg[0] deleted")
    else:
        first = f.fast[0]
        if first is UNBOUND:
            raise RuntimeError("super(): arg[0] deleted")
    if "__class__" not in unit.freevars:
        raise RuntimeError("super(): __class__ cell not found")
    cell = f.cells[len(unit.cellvars) + unit.freevars.index("__class__")]
    try:
        cls = cell.cell_contents
    except ValueError:
        cls = UNBOUND
    if cls is UNBOUND:
        raise RuntimeError("super(): empty __class__ cell")
    if not isinstance(cls, type):
        raise RuntimeError(f"super(): __class__ is not a type ({type(cls).__name__})")
    return super(cls, first)


def frame_locals(f: Frame) -> dict[str, Any]:
    """What ``locals()`` returns in frame ``f``."""
    if f.locals is not None:
        hidden = _hidden_locals(f)
        if not hidden:
            return f.locals  # type: ignore[no-any-return]
        # As in CPython: the namespace itself is not changed, a copy shows them.
        merged = dict(f.locals)
        merged.update(hidden)
        return merged
    unit = f.unit
    result: dict[str, Any] = {}
    cellvars = unit.cellvars
    for i, name in enumerate(unit.varnames):
        value = f.fast[i]
        if value is not UNBOUND and name not in cellvars:
            result[name] = value
    for i, name in enumerate(cellvars + unit.freevars):
        cell = f.cells[i] if i < len(f.cells) else None
        if cell is None:
            if name in unit.varnames and f.fast[unit.varnames.index(name)] is not UNBOUND:
                result[name] = f.fast[unit.varnames.index(name)]
            continue
        with contextlib.suppress(ValueError):  # an empty cell is an unbound name
            result[name] = cell.cell_contents
    return result


_CLASS_BODY_CELLS = ("__class__", "__classdict__")


def _hidden_locals(f: Frame) -> dict[str, Any]:
    """The variables of comprehensions inlined into a module or class body (CPython 3.12+).

    Such a body keeps them in fast locals (or cells, when a closure captures
    them), outside its namespace; ``locals()`` there shows them while the
    comprehension runs.  Empty for CPython 3.11, whose bodies have no fast
    locals.
    """
    unit = f.unit
    hidden: dict[str, Any] = {}
    for i, name in enumerate(unit.varnames):
        value = f.fast[i]
        if value is not UNBOUND:
            hidden[name] = value
    for i, name in enumerate(unit.cellvars):
        cell = f.cells[i] if i < len(f.cells) else None
        if name in _CLASS_BODY_CELLS or type(cell) is not types.CellType:
            continue
        with contextlib.suppress(ValueError):  # an empty cell is an unbound name
            hidden[name] = cell.cell_contents
    return hidden


def _call_next(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if not kwargs and 1 <= len(args) <= 2:
        if type(args[0]) is VMGenerator:
            return vm.enter_generator_next(f, args[0], None, tuple(args[1:]))
        if type(args[0]) not in PLAIN_TYPES and steps_on_vm(runtime.lookup(type(args[0]), "__next__")):
            return vm.frame_for(runtime.namespace()["next_"], args, None)
    return vm.call_host(next, args, kwargs)


def _call_iter(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) == 1 and not kwargs and type(args[0]) not in PLAIN_TYPES:
        tp = type(args[0])
        method = runtime.lookup(tp, "__iter__")
        if type(method) is VMFunction:
            # iter(obj) of an object whose __iter__ is script code: a VM call.
            return vm.frame_for(runtime.namespace()["iter_call"], args, None)
        if method is runtime.MISSING and type(runtime.lookup(tp, "__getitem__")) is VMFunction:
            # The sequence protocol over a script __getitem__: an iterator
            # whose steps run on the VM (the native one would call it nested).
            return runtime.sequence_iterator(args[0])
    elif len(args) == 2 and not kwargs and runtime.is_script_callable(args[0]):
        # iter(callable, sentinel): an iterator whose steps call it on the VM.
        return runtime.call_iterator(*args)
    return vm.call_host(iter, args, kwargs)


def _call_length_hint(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if 1 <= len(args) <= 2 and not kwargs:
        tp = type(args[0])
        if any(type(runtime.lookup(tp, name)) is VMFunction for name in ("__len__", "__length_hint__")):
            # operator.length_hint(obj) that calls script code: on the VM.
            return vm.frame_for(runtime.namespace()["operator_length_hint"], args, None)
    return vm.call_host(operator.length_hint, args, kwargs)


def _call_getframe(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # sys._getframe() in script code: the script's frames (as frame objects
    # naming its file, function and globals), not the VM's.
    if kwargs or len(args) > 1:
        return vm.call_host(sys._getframe, args, kwargs)
    depth = args[0] if args else 0
    target: Frame | None = f
    for _ in range(depth):
        target = target.back if target is not None else None
    if target is None:
        raise ValueError("call stack is not deep enough")
    return fake_frame(target)


def _call_getrecursionlimit(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if args or kwargs:
        return vm.call_host(sys.getrecursionlimit, args, kwargs)
    return vm.recursion_limit


# CPython 3.11 counts the call of a builtin (setrecursionlimit itself) in the
# recursion depth; 3.12 and later count Python frames only.
_BUILTIN_CALL_DEPTH = 1 if sys.version_info < (3, 12) else 0


def _call_setrecursionlimit(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # The script's own limit, against the depth it sees (Interpreter._callee);
    # the process's limit is raised, never lowered, so that the VM's own
    # frames fit under it.
    if kwargs:
        raise TypeError("sys.setrecursionlimit() takes no keyword arguments")
    if len(args) != 1:
        raise TypeError(f"sys.setrecursionlimit() takes exactly one argument ({len(args)} given)")
    new = operator.index(args[0])
    if new < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    depth = f.depth + 1 + _BUILTIN_CALL_DEPTH
    if new <= depth:
        raise RecursionError(
            f"cannot set the recursion limit to {new} at the recursion depth {depth}: the limit is too low"
        )
    vm.recursion_limit = new
    if sys.getrecursionlimit() < new:
        sys.setrecursionlimit(new)
    return None


def _from_frame(builtin: Any, value_of: Any) -> Any:
    """A builtin that, called without arguments, describes the calling frame."""

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if args or kwargs:
            return vm.call_host(builtin, args, kwargs)
        return value_of(f)

    return call


def _frame_globals(f: Frame) -> dict[str, Any]:
    return f.globals


def _frame_names(f: Frame) -> list[str]:
    return sorted(frame_locals(f))


def _call_eval(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    return _run_source(vm, f, "eval", args, kwargs)


def _call_exec(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    return _run_source(vm, f, "exec", args, kwargs)


def _run_source(vm: Interpreter, f: Frame, mode: str, args: Any, kwargs: Any) -> Any:
    # eval()/exec() of source run on the VM, as a new frame of this run:
    # the code they run is script code too.
    kwargs = dict(kwargs or {})
    params = ["source", "globals", "locals"]
    if len(args) > 3:
        raise TypeError(f"{mode} expected at most 3 arguments, got {len(args)}")
    bound = dict(zip(params, args, strict=False))
    for key, value in kwargs.items():
        if key not in ("globals", "locals") or key in bound:
            return vm.call_host(eval if mode == "eval" else exec, args, kwargs)
        bound[key] = value
    if "source" not in bound:
        raise TypeError(f"{mode} expected at least 1 argument, got 0")
    source = bound["source"]
    if type(source) in FUTURE_CLASSES:
        source = source.value
    g = bound.get("globals")
    loc = bound.get("locals")
    if g is not None and not isinstance(g, dict):
        raise TypeError(f"{mode}() globals must be a dict, not {type(g).__name__}")
    if loc is not None and not hasattr(loc, "__getitem__"):
        raise TypeError("locals must be a mapping")
    if g is None:
        g = f.globals
        if loc is None:
            loc = frame_locals(f)
    elif loc is None:
        loc = g
    if type(source) is types.CodeType:
        if not _runs_on_vm(source):
            return _run_code_natively(vm, f, mode, source, g, loc)
        if "__builtins__" not in g:
            g["__builtins__"] = f.builtins
        try:
            program = program_for_code(source)
        except VMInternalError:  # (code the bytecode package cannot decode)
            return _run_code_natively(vm, f, mode, source, g, loc)
        frame = Frame(program.main, g, builtins_of(g), loc, None)
        if mode == "exec":
            frame.ret_mode = RET_PUSH
        return frame
    if not isinstance(source, (str, bytes, bytearray)):
        return vm.call_host(eval if mode == "eval" else exec, [source, g, loc], None)
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if mode == "eval":
        source = source.lstrip(" \t")
    if "__builtins__" not in g:
        g["__builtins__"] = f.builtins
    # As natively, the source is compiled with the __future__ flags of the
    # code that calls eval()/exec().  Compiled natively first, every time:
    # the warnings and errors that compiling emits (SyntaxWarning under
    # "error" filters) are the script's.
    flags = f.unit.flags & FUTURE_FLAGS
    compile(source, "<string>", mode, flags, dont_inherit=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # emitted once already, just above
        program = compile_program(source, "<string>", mode, flags)
    frame = Frame(program.main, g, builtins_of(g), loc, None)
    if mode == "exec":
        frame.ret_mode = RET_PUSH
    return frame


# The __future__ features a code object's flags carry, which compile(),
# exec() and eval() of source pass on to the code they compile unless told
# not to (CPython's PyCF_MASK).
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    if _feature != "nested_scopes":  # (a function's own CO_NESTED, which compile() ignores)
        FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
# Code objects that are not a module body, as compile() makes them: a
# function's (fast locals, arguments, free variables) or a coroutine's.
_NOT_A_BODY = 0x01 | 0x02 | 0x20 | 0x80 | 0x100 | 0x200  # OPTIMIZED, NEWLOCALS, GENERATOR, COROUTINE...


def _runs_on_vm(code: types.CodeType) -> bool:
    """Whether exec()/eval() of ``code`` runs it on the VM: a module body, as ``compile()`` makes."""
    return not (code.co_flags & _NOT_A_BODY or code.co_freevars or code.co_argcount or code.co_kwonlyargcount)


_COMPILE_PARAMETERS = ("source", "filename", "mode", "flags", "dont_inherit", "optimize")


def _call_compile(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # compile() passes on the __future__ flags of the code that calls it:
    # the script's, not those of the VM's own code that makes the host call.
    bound = dict(zip(_COMPILE_PARAMETERS, args, strict=False))
    for key in kwargs or ():
        if key in bound or (key not in _COMPILE_PARAMETERS and key != "_feature_version"):
            return vm.call_host(compile, args, kwargs)  # (its TypeError)
    bound.update(kwargs or {})
    flags, dont_inherit = bound.get("flags", 0), bound.get("dont_inherit", False)
    if len(args) > len(_COMPILE_PARAMETERS) or type(flags) is not int or type(dont_inherit) not in (bool, int):
        return vm.call_host(compile, args, kwargs)
    if not dont_inherit:
        bound["flags"] = flags | (f.unit.flags & FUTURE_FLAGS)
        bound["dont_inherit"] = True
    return vm.call_host(compile, [], bound)


def _run_code_natively(vm: Interpreter, f: Frame, mode: str, code: types.CodeType, g: Any, loc: Any) -> Any:
    # A code object the VM does not run (a function's code, a coroutine's):
    # natively, as a whole.  Script code in it cannot suspend: a pending
    # future it uses fails the job rather than running the call again.
    try:
        return vm.call_host(eval if mode == "eval" else exec, [code, g, loc], None)
    except (FutureError, NotResumableError) as raised:
        # (call_host says it of any host call; here, more precisely.)
        error = raised if isinstance(raised, FutureError) else raised.__cause__
        if vm.retry_host_calls or not isinstance(error, FutureError):
            raise
        tb, where = error.__traceback__, f"{code.co_qualname}() in {code.co_filename}"
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == code.co_filename:
                where = f"{tb.tb_frame.f_code.co_qualname}() at {code.co_filename}:{tb.tb_lineno}"
            tb = tb.tb_next
        raise NotResumableError(
            f"cannot suspend in {where}, inside {mode}() at {f.unit.filename}:{f.line}: {mode}() ran the code "
            f"object natively (the VM runs only code objects of module bodies, as compile() makes them), and a "
            f"suspension cannot cross a host frame. Resolve the future before the {mode}() call. "
            f"The host callable is {mode}."
        ) from error


def _calculate_meta(meta: type, bases: tuple[Any, ...]) -> type:
    winner = meta
    for base in bases:
        tmp = type(base)
        if issubclass(winner, tmp):
            continue
        if issubclass(tmp, winner):
            winner = tmp
            continue
        raise TypeError(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
            "subclass of the metaclasses of all its bases"
        )
    return winner


def _update_bases(bases: tuple[Any, ...]) -> tuple[Any, ...]:
    new: list[Any] = []
    changed = False
    for base in bases:
        if isinstance(base, type):
            new.append(base)
            continue
        meth = getattr(base, "__mro_entries__", None)
        if meth is None:
            new.append(base)
            continue
        entries = meth(bases)
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new.extend(entries)
        changed = True
    return tuple(new) if changed else bases


def _call_build_class(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) < 2:
        raise TypeError("__build_class__: not enough arguments")
    func, name, *rest = args
    if type(func) is not VMFunction:
        return vm.call_host(builtins.__build_class__, args, kwargs)
    if not isinstance(name, str):
        raise TypeError("__build_class__: name is not a string")
    orig_bases = tuple(rest)
    if _scripted_class_prelude(orig_bases, kwargs):
        # A base's __mro_entries__ or the metaclass's __prepare__ is script
        # code: the prelude runs on the VM (runtime.build_class_), then the body.
        return vm.frame_for(runtime.namespace()["build_class_"], args, kwargs)
    bases = _update_bases(orig_bases)
    kwds = dict(kwargs or {})
    meta = class_meta(kwds.pop("metaclass", None), bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return _class_body_frame(func, meta, name, bases, orig_bases, kwds, ns)


def class_meta(meta: Any, bases: tuple[Any, ...]) -> Any:
    """The metaclass of a class statement: the explicit one (or the first base's type), made the most derived."""
    if meta is None:
        meta = type(bases[0]) if bases else type
        return _calculate_meta(meta, bases)
    return _calculate_meta(meta, bases) if isinstance(meta, type) else meta


def _scripted_class_prelude(bases: tuple[Any, ...], kwargs: Any) -> bool:
    for base in bases:
        if not isinstance(base, type) and _is_script_callable(getattr(base, "__mro_entries__", None)):
            return True
    meta = (kwargs or {}).get("metaclass")
    if meta is None:
        return False
    return _is_script_callable(getattr(meta, "__prepare__", None))


def class_body(func: Any, meta: Any, name: str, bases: Any, orig_bases: Any, kwds: Any, ns: Any) -> Any:
    """The body of a class statement whose prelude ran on the VM (a special call: the VM runs the body)."""
    raise RuntimeError("class_body is called by the VM's build_class_ only")


def _call_class_body(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    return _class_body_frame(*args)


def _class_body_frame(func: Any, meta: Any, name: str, bases: Any, orig_bases: Any, kwds: Any, ns: Any) -> Frame:
    if not hasattr(ns, "__getitem__") or not hasattr(ns, "__setitem__"):
        shown = meta.__name__ if isinstance(meta, type) else "<metaclass>"
        raise TypeError(f"{shown}.__prepare__() must return a mapping, not {type(ns).__name__}")
    unit = func._unit
    frame = Frame(unit, func._globals, builtins_of(func._globals), ns, func)
    frame.ret_mode = RET_CLASS
    frame.ret_info = (meta, name, bases, orig_bases, kwds, ns)
    return frame


_STATISTICS = {
    name: func
    for name in (
        "mean",
        "fmean",
        "geometric_mean",
        "harmonic_mean",
        "median",
        "median_low",
        "median_high",
        "median_grouped",
        "mode",
        "multimode",
        "quantiles",
        "variance",
        "pvariance",
        "stdev",
        "pstdev",
    )
    if (func := getattr(statistics, name, None)) is not None
}


def _statistics_call(native: Any, name: str) -> Any:
    # statistics.mean(score(r) for r in rows): iterating script code (a
    # generator, a script iterable, a key), statistics' own code runs on the
    # VM, where a wait in it is resumable.
    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _involves_script(args, kwargs):
            version = library.function(name)
            if version is not None:
                return vm.frame_for(version, args, kwargs)
        return vm.call_host(native, args, kwargs)

    return call


def _is_script_callable(value: Any) -> bool:
    t = type(value)
    return t is VMFunction or (t is _MethodType and type(value.__func__) is VMFunction)


_CALLABLE_WRAPPERS = frozenset({operator.attrgetter, operator.methodcaller, functools.partial, types.FunctionType})


def _involves_script(args: Any, kwargs: Any) -> bool:
    for a in args:
        t = type(a)
        if t is VMGenerator or t is VMFunction or (t is _MethodType and type(a.__func__) is VMFunction):
            return True
        if t not in PLAIN_TYPES and iterates_script(a):
            return True
        if t in _CALLABLE_WRAPPERS and runtime.is_script_callable(a):
            # map(operator.attrgetter('score'), rows), map(a_singledispatch_function, xs)
            return True
    if kwargs:
        key = kwargs.get("key")
        if key is not None and runtime.is_script_callable(key):
            return True
    return False


def _call_dataclass_replace(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # dataclasses.replace makes a new instance: on the VM when that runs script code.
    if args:
        cls = type(args[0])
        if runtime.dataclass_calls_script(cls) or type(runtime.lookup(cls, "__init__")) is VMFunction:
            return vm.frame_for(runtime.namespace()["dataclass_replace"], args, kwargs)
    return vm.call_host(dataclasses.replace, args, kwargs)


def _call_lru_cache(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # functools.lru_cache: a script function gets the runtime's wrapper.
    return vm.frame_for(runtime.namespace()["lru_cache_"], args, kwargs)


def _call_cache(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) == 1 and not kwargs and runtime.is_script_callable(args[0]):
        return vm.frame_for(runtime.namespace()["cache_"], args, kwargs)
    return vm.call_host(functools.cache, args, kwargs)


def _script_encoder(cls: Any) -> bool:
    # An encoder class whose default() is script code and that encodes as JSONEncoder does.
    return (
        isinstance(cls, type)
        and issubclass(cls, json.JSONEncoder)
        and type(runtime.lookup(cls, "default")) is VMFunction
        and runtime.lookup(cls, "encode") is json.JSONEncoder.encode
        and runtime.lookup(cls, "iterencode") is json.JSONEncoder.iterencode
    )


def _call_json_dumps(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if (
        len(args) == 1
        and kwargs
        and (runtime.is_script_callable(kwargs.get("default")) or _script_encoder(kwargs.get("cls")))
    ):
        return vm.frame_for(runtime.namespace()["json_dumps_"], args, kwargs)
    return vm.call_host(json.dumps, args, kwargs)


def _call_anext(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # anext(g, default) of a script async generator: the step is awaited on
    # the VM (natively, anext's own awaitable steps it from C).
    if len(args) == 2 and not kwargs and type(args[0]) is VMAsyncGenerator:
        return vm.frame_for(runtime.namespace()["anext_default"], args, None)
    if 1 <= len(args) <= 2 and not kwargs and type(args[0]) not in PLAIN_TYPES:
        step = runtime.lookup(type(args[0]), "__anext__")
        if type(step) is not VMFunction and steps_on_vm(step):
            # A library's __anext__ (asyncio's as_completed() iterator on 3.13): its VM version.
            if len(args) == 2:
                return vm.frame_for(runtime.namespace()["anext_default"], args, None)
            return vm.call(f, step, args, None)
    return vm.call_host(anext, args, kwargs)


def _call_asyncio_run(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # asyncio.run(main()) of a script coroutine, by the job's own run: the
    # script's event loop runs on the VM (vm/script_asyncio.py), so a wait
    # inside any of its tasks is resumable.
    main = args[0] if args else (kwargs or {}).get("main")
    if type(main) is not VMCoroutine or not _in_job_run(vm):
        return vm.call_host(asyncio.run, args, kwargs)
    if script_asyncio.loop_of(f) is not None or _in_async_code(f):
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not vm.loop_running:
        # Host coroutines the script awaits need a real event loop: the job
        # starts one, and this call runs again inside it.
        raise FutureError(ENTER_LOOP)
    run = library.function("statek_vm.vm.script_asyncio:run_script")
    assert run is not None
    frame = vm.frame_for(run, [main], {"debug": (kwargs or {}).get("debug")})
    frame.ret_mode = RET_LOOP
    return frame


# asyncio's C classes, and the pure-Python ones the script's event loop uses
# (its futures and tasks are data a snapshot takes: vm/script_asyncio.py).
_C_FUTURE: Any = asyncio.Future
_C_TASK: Any = asyncio.Task
_SCRIPT_LOOP_CLASS = {id(_C_FUTURE): script_asyncio._PyFuture, id(_C_TASK): script_asyncio._PyTask}


def _asyncio_class_call(native: Any) -> Any:
    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if script_asyncio.loop_of(f) is None:
            return vm.call_host(native, args, kwargs)
        return vm.call(f, _SCRIPT_LOOP_CLASS[id(native)], args, kwargs)

    return call


def _call_isinstance(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # isinstance(task, asyncio.Task) and isinstance(fut, asyncio.Future) are
    # true of the script loop's tasks and futures too.
    if len(args) == 2 and not kwargs:
        classes = args[1]
        if classes is _C_TASK or classes is _C_FUTURE:
            obj = args[0]
            if type(obj) in FUTURE_CLASSES:
                obj = obj.value
            return isinstance(obj, (classes, _SCRIPT_LOOP_CLASS[id(classes)]))
    return vm.call_host(isinstance, args, kwargs)


def _call_context_var(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # contextvars.ContextVar(name) made by script code: the job keeps it, so
    # that a snapshot makes it again with its value (snapshot/reducers.py).
    var = vm.call_host(contextvars.ContextVar, args, kwargs)
    made = getattr(f.builtins, "context_vars", None)
    if made is not None:
        made.append(var)
    return var


def _call_enter_context(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> None:
    # script_asyncio.context_run entering a task's (or the script's) context:
    # recorded, so that a run that stops inside it can leave it and enter it again.
    (context,) = args
    script_asyncio.enter_context(context)
    vm.entered.append(context)


def _call_leave_context(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> None:
    (context,) = args
    script_asyncio.leave_context(context)
    entered = vm.entered
    if entered and entered[-1] is context:
        entered.pop()


def _in_job_run(vm: Interpreter) -> bool:
    """Whether ``vm`` runs the job's own (resumable) run here, with no host code between."""
    return sum(1 for run in objects._RUNS.stack if run is vm) == 1


def _in_async_code(f: Frame | None) -> bool:
    """Whether a coroutine or async generator is on the chain from ``f``: natively an event loop runs."""
    while f is not None:
        if f.unit.code.co_flags & _ASYNC_FLAGS:
            return True
        f = f.back
    return False


_ASYNC_FLAGS = inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR


def _loop_answer(answer: Any, native: Any) -> Any:
    """A handler for what asks for the running loop (or its tasks): the script's loop where one runs."""

    def handler(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        loop = script_asyncio.loop_of(f)
        if loop is None:
            return vm.call_host(native, args, kwargs)
        return answer(loop, *args, **(kwargs or {}))

    return handler


def _native_event_loop(stacklevel: int = 3) -> Any:
    # What script_asyncio.event_loop stands for outside a script loop:
    # asyncio's own get_event_loop, whose 3.11 private form (which its
    # gather and ensure_future call) takes the stack level of its warning.
    private = getattr(asyncio.events, "_get_event_loop", None)
    return asyncio.get_event_loop() if private is None else private(stacklevel + 1)


def _running(loop: Any, *args: Any, **kwargs: Any) -> Any:
    return loop


def _current_task(loop: Any, of_loop: Any = None) -> Any:
    return (of_loop if of_loop is not None else loop)._current_task


def _all_tasks(loop: Any, of_loop: Any = None) -> Any:
    return {task for task in (of_loop if of_loop is not None else loop)._tasks if not task.done()}


def _call_await_host(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # The script loop has nothing ready: what it waits for, outside.
    (loop,) = args
    if loop._stopped_at is not None:
        # The job resumed: the loop's clock goes on from where it stopped.
        loop._clock_offset = time.monotonic() - loop._stopped_at
        loop._stopped_at = None
    waits = loop._host_waits
    if any(stand_in.done() for _, stand_in in waits):
        # A task cancelled while host I/O of its own was in flight (a
        # wait_for that timed out): that I/O is cancelled too, as natively,
        # where the task's cancel() cancels the real future itself.
        for real, stand_in in waits:
            if stand_in.done():
                real.cancel()
        waits = loop._host_waits = [(real, stand_in) for real, stand_in in waits if not stand_in.done()]
    done = [stand_in for real, stand_in in waits if real.done()]
    if done:
        loop._host_waits = [(real, stand_in) for real, stand_in in waits if not real.done()]
        return done
    scheduled = [timer._when for timer in loop._scheduled if not timer._cancelled]
    if scheduled and min(scheduled) <= loop.time():
        return []  # a timer is due: the loop's next round runs it
    ready = [stand_in for stand_in in loop._parked if stand_in.done() or _is_ready(stand_in._statek_wait)]
    if ready:
        loop._parked = [stand_in for stand_in in loop._parked if stand_in not in ready]
        return ready
    if loop._parked and not waits:
        # Every task has finished, sleeps, or waits on a pending future (host
        # I/O in flight is waited for first): the job suspends until any of
        # those futures is ready, its clock stopped.
        loop._stopped_at = loop.time()
        parked = [stand_in._statek_wait for stand_in in loop._parked]
        raise FutureError(parked[0] if len(parked) == 1 else get_any_future(*parked))
    if waits or scheduled:
        # Host I/O in flight, or a timer: the job's driver awaits them on
        # the real loop, then this call runs again.
        timeout = min(scheduled) - loop.time() if scheduled else None
        raise FutureError(LoopSignal(WAIT, (tuple(real for real, _ in waits), timeout)))
    raise RuntimeError(
        "the script's event loop has nothing left to run, and its main task has not finished: "
        "its tasks wait on futures nothing will complete"
    )


def _is_ready(future: Any) -> bool:
    check = getattr(future, "check_condition", None)
    return check is None or bool(check())


def _call_json_dump(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    given = kwargs or {}
    if len(args) == 2 and (
        runtime.is_script_callable(given.get("default"))
        or _script_encoder(given.get("cls"))
        or type(runtime.lookup(type(args[1]), "write")) is VMFunction
    ):
        return vm.frame_for(runtime.namespace()["json_dump_"], args, kwargs)
    return vm.call_host(json.dump, args, kwargs)


def _script_hooks(kwargs: Any) -> bool:
    return bool(
        kwargs
        and kwargs.get("cls") is None
        and (
            runtime.is_script_callable(kwargs.get("object_hook"))
            or runtime.is_script_callable(kwargs.get("object_pairs_hook"))
        )
    )


def _call_json_loads(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) == 1 and _script_hooks(kwargs):
        return vm.frame_for(runtime.namespace()["json_loads_"], args, kwargs)
    return vm.call_host(json.loads, args, kwargs)


def _call_json_load(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) == 1 and (_script_hooks(kwargs) or type(runtime.lookup(type(args[0]), "read")) is VMFunction):
        return vm.frame_for(runtime.namespace()["json_load_"], args, kwargs)
    return vm.call_host(json.load, args, kwargs)


# Builtins whose first argument is a function they call: an object with a
# script __call__ makes them run on the VM too.
_CALLING = frozenset({map, filter})


def _call_generator_throw(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # The runtime's @contextmanager __exit__ throwing the with-block's
    # exception into a script generator: at its yield, as a VM frame.
    gen, typ, value, traceback = args
    if type(gen) is VMGenerator:
        if runtime.THROW_TAKES_TYPE:
            exc = _arg_of_throw(typ, value, traceback)
        else:
            exc = _arg_of_throw(value, _NO_ARG, _NO_ARG)
        frame = vm.enter_generator_throw(f, gen, exc)
        if frame is not None:
            return frame
    return vm.call_host(runtime.generator_throw, args, kwargs)


def _call_re_finditer(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # re.finditer(): an iterator that snapshots can carry (its scanner keeps
    # its position out of reach: snapshot/iterators.MatchIterator).
    return vm.call_host(iterators.finditer, args, kwargs)


def _call_pattern_finditer(vm: Interpreter, f: Frame, method: Any, args: Any, kwargs: Any) -> Any:
    # pattern.finditer(text): as re.finditer().
    return vm.call_host(iterators.MatchIterator, (method.__self__, tuple(args), kwargs), None)


def _substitute_on_vm(vm: Interpreter, f: Frame, native: Any, args: Any, kwargs: Any, subn: bool) -> Any:
    # The native sub runs with a recording callable (its argument checks,
    # warnings and matches are its own); the script's callable then makes
    # the replacements on the VM (runtime.substituted), where it may wait.
    args, kwargs = host_arguments(native, args, kwargs)
    args, kwargs = list(args), dict(kwargs or {})
    at = 0 if getattr(native, "__self__", None) is not None else 1  # (Pattern.sub has no pattern argument)
    repl = args[at] if len(args) > at else kwargs["repl"]
    string = args[at + 1] if len(args) > at + 1 else kwargs["string"]
    found: list[Any] = []

    def record(match: Any) -> Any:
        found.append(match)
        return match.string[:0]

    if len(args) > at:
        args[at] = record
    else:
        kwargs["repl"] = record
    vm.call_host(native, args, kwargs, trampoline(f))
    return vm.frame_for(runtime.namespace()["substituted"], [repl, string, found, subn], None)


def _script_repl(args: Any, kwargs: Any, at: int) -> bool:
    repl = args[at] if len(args) > at else (kwargs or {}).get("repl")
    return runtime.is_script_callable(repl)


def _re_substitution(native: Any) -> Any:
    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _script_repl(args, kwargs, 1):
            return _substitute_on_vm(vm, f, native, args, kwargs, native is re.subn)
        return vm.call_host(native, args, kwargs, trampoline(f))

    return call


def _call_pattern_substitution(vm: Interpreter, f: Frame, method: Any, args: Any, kwargs: Any) -> Any:
    return _substitute_on_vm(vm, f, method, args, kwargs, method.__name__ == "subn")


def _script_attribute_hook(obj: Any, hook: str, name: Any, accessor: str | None) -> bool:
    """Whether an attribute access of ``obj`` runs script code the native builtin would run nested."""
    if type(name) is not str:
        return False  # (the builtin's own TypeError)
    tp = type(obj)
    if type(runtime.lookup(tp, hook)) is VMFunction:
        return True
    if accessor is None:
        return False
    descr = runtime.lookup(tp, name)
    if descr is runtime.MISSING:
        return False
    if type(descr) is property:
        return type(getattr(descr, accessor)) is VMFunction
    return type(runtime.lookup(type(descr), _DESCRIPTOR_METHODS[accessor])) is VMFunction


# A property's accessor -> the descriptor method that does the same.
_DESCRIPTOR_METHODS = {"fget": "__get__", "fset": "__set__", "fdel": "__delete__"}


def _call_setattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # setattr(obj, name, value) reaching a script __setattr__, property setter or __set__: on the VM.
    if len(args) == 3 and not kwargs and _script_attribute_hook(args[0], "__setattr__", args[1], "fset"):
        return vm.frame_for(runtime.namespace()["store_attr"], args, None)
    return vm.call_host(setattr, args, kwargs)


def _call_delattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if len(args) == 2 and not kwargs and _script_attribute_hook(args[0], "__delattr__", args[1], "fdel"):
        return vm.frame_for(runtime.namespace()["delete_attr"], args, None)
    return vm.call_host(delattr, args, kwargs)


def _call_checked_setattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # A sandboxed script's setattr: the policy's check, then as setattr.
    from statek_vm import sandbox

    if len(args) == 3 and not kwargs and _script_attribute_hook(args[0], "__setattr__", args[1], "fset"):
        vm.call_host(sandbox.check_attribute_store, args, None)
        return vm.frame_for(runtime.namespace()["store_attr"], args, None)
    return vm.call_host(sandbox._checked_setattr, args, kwargs)


def _call_checked_delattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    from statek_vm import sandbox

    if len(args) == 2 and not kwargs and _script_attribute_hook(args[0], "__delattr__", args[1], "fdel"):
        vm.call_host(sandbox.check_attribute_store, (*args, None, True), None)
        return vm.frame_for(runtime.namespace()["delete_attr"], args, None)
    return vm.call_host(sandbox._checked_delattr, args, kwargs)


def _script_attribute_load(obj: Any, name: Any) -> bool:
    """Whether loading ``obj.name`` may run script code: ``__getattribute__``, ``__getattr__`` or a getter."""
    return _script_attribute_hook(obj, "__getattribute__", name, "fget") or _script_attribute_hook(
        obj, "__getattr__", name, None
    )


def _call_getattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # getattr() reaching script code (__getattribute__, __getattr__, a
    # property or a descriptor's __get__): the attribute loaded on the VM.
    if 2 <= len(args) <= 3 and not kwargs and _script_attribute_load(args[0], args[1]):
        return vm.frame_for(runtime.namespace()["getattr_"], args, None)
    return vm.call_host(getattr, args, kwargs)


def _call_hasattr(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # hasattr() reaching script code: getattr on the VM, AttributeError meaning no.
    if len(args) == 2 and not kwargs and _script_attribute_load(args[0], args[1]):
        return vm.frame_for(runtime.namespace()["hasattr_"], args, None)
    return vm.call_host(hasattr, args, kwargs)


def _made_with_script_caller(cls: Any) -> Any:
    # TypeVar('T') and its kind take their __module__ from their caller's
    # frame: the script's (a native frame with its globals), not the VM's.
    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        return vm.call_host(cls, args, kwargs, trampoline(f))

    return call


def _call_type_new(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # super().__new__(mcls, name, bases, ns) in a metaclass's __new__ on the
    # VM (ABCMeta's too: runtime.abc_meta_new): the class made natively, the
    # bases' __init_subclass__ and the descriptors' __set_name__ it calls run
    # right after it on the VM, in order, so that a wait in them is resumable.
    if len(args) != 4 or not isinstance(args[0], type) or not issubclass(args[0], type):
        return vm.call_host(type.__new__, args, kwargs)
    ns = args[3]
    if type(ns) is dict and "__module__" not in ns and _metaclass_winner(args[0], args[2]) is args[0]:
        # type.__new__ names the module of the frame that calls it: the
        # script's (unless it hands the class to a base's metaclass first).
        args = [*args[:3], {**ns, "__module__": f.globals.get("__name__")}]
    made_by = functools.partial(type.__new__, args[0])  # (make_class is the frame that calls type.__new__)
    cls, calls = vm.call_host(objects.make_class, [made_by, *args[1:], kwargs or {}], None)
    sandbox.script_class_made(cls)  # (a class the script made: a sandbox lets it use its attributes)
    if not calls:
        return cls
    return redo(vm, f, "class_made", [cls, calls])


def _metaclass_winner(meta: type, bases: Any) -> Any:
    """The metaclass type.__new__ makes a class with, for ``meta`` and ``bases`` (its errors are its own)."""
    if type(bases) is not tuple:
        return None
    try:
        return _calculate_meta(meta, bases)
    except TypeError:
        return None


def _call_type(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # type(name, bases, namespace) by script code: as a class statement makes
    # a class (its bases' hooks on the VM); type(obj) as natively.
    if len(args) != 3:
        return vm.call_host(type, args, kwargs)
    return _call_type_new(vm, f, [type, *args], kwargs)


def _call_hash_maker(name: str) -> Any:
    # hashlib.sha256(), hashlib.new("md5"): hash objects snapshots can carry (module_state.CarriedHash).
    make = module_state.hash_maker(name)

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        return vm.call_host(make, args, kwargs)

    return call


def _call_localcontext(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # decimal.localcontext(): a context manager snapshots can carry (module_state.LocalContext).
    return vm.call_host(module_state.localcontext, args, kwargs)


def _call_generator_close_throw(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # The runtime's gen.close(): GeneratorExit thrown into a script generator
    # at its yield, as a VM frame.
    (gen,) = args
    if type(gen) is VMGenerator:
        frame = vm.enter_generator_throw(f, gen, GeneratorExit())
        if frame is not None:
            return frame
    return vm.call_host(runtime.generator_close_throw, args, kwargs)


def _call_generator_throw_here(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # The runtime's close of a generator paused in yield from, its delegate
    # closed: GeneratorExit (or what the delegate's close raised) raised at
    # its yield from, as a VM frame.
    gen, exc = args
    if type(gen) is VMGenerator:
        frame = vm.enter_generator_throw(f, gen, GeneratorExit() if exc is None else exc, delegating=True)
        if frame is not None:
            return frame
    return vm.call_host(runtime.generator_throw_here, args, kwargs)


def _replacement(builtin: Any, name: str) -> Any:
    calling = builtin in _CALLING

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _involves_script(args, kwargs) or (calling and args and runtime.is_script_callable(args[0])):
            return vm.frame_for(runtime.namespace()[name], args, kwargs)
        restated = restatement(builtin, args, kwargs, f)
        if restated is not None:
            # sum() of objects whose __add__ is script code, list() of an
            # object whose __iter__ is.
            try:
                return vm.call_host(builtin, args, kwargs, call_restatable)
            except RedoOnVM:
                REDO.raised = False
                return vm.frame_for(runtime.namespace()[restated], args, kwargs)
        return vm.call_host(builtin, args, kwargs)

    return call


_islice_replacement = _replacement(itertools.islice, "islice_")


def _call_islice(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # islice clears an error of its start, stop or step's __index__: it is
    # not tried natively when one of them is script code, but converted on the VM.
    if (
        not kwargs
        and 2 <= len(args) <= 4
        and any(map(runtime.has_script_index, args[1:]))
        and not _involves_script(args, kwargs)
    ):
        return vm.frame_for(runtime.namespace()["islice_indexed"], args, None)
    return _islice_replacement(vm, f, args, kwargs)


# Methods of builtin containers that take an iterable (or a mapping) and
# their runtime versions, used when it has script parts.
_ITERATING_METHODS: dict[tuple[type, str], str] = {
    (list, "extend"): "list_extend",
    (set, "update"): "set_update",
    (dict, "update"): "dict_update",
    (str, "join"): "join",
    (collections.deque, "extend"): "deque_extend",
}
# Those of them, and of the methods that take index arguments (below), that
# a method call binds as storing methods (handoff.stored_method).
STORED_ITERATING_METHODS = frozenset(
    {list.extend, dict.update, collections.deque.extend, list.insert, collections.deque.insert}
)


# Methods of builtin types that convert arguments with __index__: the
# (position, keyword) of each such parameter.
_AT_0: tuple[tuple[int, str | None], ...] = ((0, None),)
_SUB_RANGE: tuple[tuple[int, str | None], ...] = ((1, None), (2, None))
_INDEX_PARAMETERS: dict[tuple[type, str], tuple[tuple[int, str | None], ...]] = {
    (list, "pop"): _AT_0,
    (list, "insert"): _AT_0,
    (bytearray, "pop"): _AT_0,
    (bytearray, "insert"): _AT_0,
    (collections.deque, "rotate"): _AT_0,
    (collections.deque, "insert"): _AT_0,
    (int, "to_bytes"): ((0, "length"),),
    **{
        (tp, name): where
        for tp in (str, bytes, bytearray)
        for name, where in (
            ("ljust", _AT_0), ("rjust", _AT_0), ("center", _AT_0), ("zfill", _AT_0),
            ("expandtabs", ((0, "tabsize"),)), ("split", ((1, "maxsplit"),)), ("rsplit", ((1, "maxsplit"),)),
            ("replace", ((2, "count"),)), ("find", _SUB_RANGE), ("rfind", _SUB_RANGE), ("index", _SUB_RANGE),
            ("rindex", _SUB_RANGE), ("count", _SUB_RANGE), ("startswith", _SUB_RANGE), ("endswith", _SUB_RANGE),
        )
    },
}  # fmt: skip


def _script_index_argument(where: Any, args: Any, kwargs: Any) -> bool:
    for position, name in where:
        if position < len(args):
            value = args[position]
            if type(value) is not int and runtime.has_script_index(value):
                return True
        elif kwargs and name is not None and runtime.has_script_index(kwargs.get(name)):
            return True
    return False


def _call_index_method(vm: Interpreter, f: Frame, method: Any, args: Any, kwargs: Any) -> Any:
    # items.pop(i), text.ljust(width): natively; once that reaches a script
    # __index__ (the arguments before it are accepted, nothing is done yet),
    # the index arguments are converted on the VM and the method called with the ints.
    try:
        return vm.call_host(method, args, kwargs, call_restatable)
    except RedoOnVM:
        where = _INDEX_PARAMETERS[(type(method.__self__), method.__name__)]
        return redo(vm, f, "index_arguments_call", [method, where, args, kwargs or {}])


def method_replacement(method: Any, args: Any, kwargs: Any) -> Any:
    # "".join(script_generator), items.extend(script_iterable),
    # d.update(script_mapping), items.sort(key=script_function) and
    # items.pop(script_index)
    name = method.__name__
    if name not in REPLACED_NAMES:
        return None  # (most builtin method calls: one lookup)
    owner = method.__self__
    if (name == "split" or name == "subgroup") and isinstance(owner, BaseExceptionGroup):
        # An exception group split by a script predicate.
        if len(args) == 1 and not kwargs and _is_script_callable(args[0]):
            return runtime.namespace()["eg_split_" if name == "split" else "eg_subgroup_"]
        return None
    key = (type(owner), name)
    where = _INDEX_PARAMETERS.get(key)
    if where is not None:
        return _call_index_method if _script_index_argument(where, args, kwargs) else None
    restated = _ITERATING_METHODS.get(key)
    if restated is not None:
        if restated == "dict_update":
            if len(args) == 1 and (merges_script(args[0]) or iterates_script(args[0])):
                return runtime.namespace()[restated]
        elif not kwargs and (len(args) == 1 or restated == "set_update") and any(map(iterates_script, args)):
            return runtime.namespace()[restated]
        return None
    if name == "sort" and type(owner) is list:
        if kwargs and _is_script_callable(kwargs.get("key")):
            return runtime.namespace()["list_sort"]
        if len(owner) > 1:
            return _call_list_sort
    if name == "from_iterable" and owner is itertools.chain and _involves_script(args, kwargs):
        return runtime.namespace()["chain_from_iterable"]
    if name == "fromkeys" and isinstance(owner, type) and issubclass(owner, dict) and _involves_script(args, kwargs):
        return runtime.namespace()["dict_fromkeys"]
    if name == "run" and type(owner) is contextvars.Context:
        # (a wait in what it runs is resumable; the context is entered as natively)
        return library.function(_CONTEXT_RUN)
    if type(owner) is re.Pattern:
        if name == "finditer":
            return _call_pattern_finditer
        if name in ("sub", "subn") and _script_repl(args, kwargs, 0):
            return _call_pattern_substitution
    return None


_CONTEXT_RUN = "statek_vm.vm.script_asyncio:context_run"

# The names of the methods method_replacement may replace.
REPLACED_NAMES = frozenset(
    {name for _, name in _INDEX_PARAMETERS}
    | {name for _, name in _ITERATING_METHODS}
    | {"sort", "from_iterable", "fromkeys", "finditer", "sub", "subn", "run", "split", "subgroup"}
)


# -- Ordering: sorted, min, max, list.sort, heapq and functools.cmp_to_key --


def _host_iterator(value: Any) -> bool:
    """Whether ``value`` is an iterator whose ``__next__`` is host code: a native attempt would consume it."""
    t = type(value)
    if t is list or t is tuple:
        return False
    step = runtime.lookup(t, "__next__")
    return step is not runtime.MISSING and not steps_on_vm(step)


def _native_or_on_vm(vm: Interpreter, func: Any, name: str, args: Any, kwargs: Any) -> Any:
    """``func`` natively; if that reaches script code (a comparison, a key), runtime function ``name`` on the VM.

    The native attempt stops before any script code starts (RedoOnVM), so
    the VM's run makes every script call once; what it did natively before
    (comparisons of objects with no script parts) had no effect.
    """
    try:
        return vm.call_host(func, args, kwargs, call_restatable)
    except RedoOnVM:
        REDO.raised = False
        return vm.frame_for(runtime.namespace()[name], args, kwargs)


def _ordering(builtin: Any, name: str) -> Any:
    """sorted, min, max: natively, unless comparing (or a key) reaches script code."""

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _involves_script(args, kwargs):
            return vm.frame_for(runtime.namespace()[name], args, kwargs)
        if len(args) == 1 and _host_iterator(args[0]):
            # Drained first (as sorted drains it), so that the VM can start over.
            args = [vm.call_host(list, args, None)]
        return _native_or_on_vm(vm, builtin, name, args, kwargs)

    return call


def _n_extremes(builtin: Any, name: str) -> Any:
    """heapq.nlargest and nsmallest (heapq.py's code, whose comparisons reach the instruction, REDO_VIA)."""

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _involves_script(args, kwargs):
            return vm.frame_for(runtime.namespace()[name], args, kwargs)
        if len(args) >= 2 and _host_iterator(args[1]):
            # Drained first, and handed over as an iterator still (one with no len()).
            items = vm.call_host(list, [args[1]], None)
            try:
                return vm.call_host(builtin, [args[0], iter(items), *args[2:]], kwargs, call_restatable)
            except RedoOnVM:
                REDO.raised = False
                return vm.frame_for(runtime.namespace()[name], [args[0], iter(items), *args[2:]], kwargs)
        return _native_or_on_vm(vm, builtin, name, args, kwargs)

    return call


def _heap_function(func: Any, name: str, arity: int) -> Any:
    """heappush, heappop, heapify, heapreplace, heappushpop: on the VM when the heap's items compare by script code.

    They change the heap as they compare, so the VM cannot start over after
    a native attempt: the heap's first, middle and last items and the new
    one decide (a heap holds one kind of item).
    """

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if not kwargs and len(args) == arity and type(args[0]) is list and runtime.heap_is_script(*args):
            return vm.frame_for(runtime.namespace()[name], args, None)
        return vm.call_host(func, args, kwargs)

    return call


def _call_merge(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # heapq.merge is a generator that compares as it is iterated: on the VM
    # when a key or an iterable is script code, or the lists' items compare by script code.
    if _involves_script(args, kwargs) or any(
        type(a) in (list, tuple) and a and runtime.ordering_is_script(a[0]) for a in args
    ):
        return vm.frame_for(runtime.namespace()["merge_"], args, kwargs)
    return vm.call_host(heapq.merge, args, kwargs)


def _call_cmp_to_key(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    # functools.cmp_to_key of a script function: key objects whose comparisons call it on the VM.
    if len(args) == 1 and not kwargs and runtime.is_script_callable(args[0]):
        return vm.frame_for(runtime.namespace()["cmp_to_key_"], args, None)
    return vm.call_host(functools.cmp_to_key, args, kwargs)


def _call_list_sort(vm: Interpreter, f: Frame, method: Any, args: Any, kwargs: Any) -> Any:
    # list.sort natively; if comparing (or a key) reaches script code, the
    # list is put back as it was and sorted on the VM.
    items = method.__self__
    saved = items[:]
    try:
        return vm.call_host(method, args, kwargs, call_restatable)
    except RedoOnVM:
        REDO.raised = False
        items[:] = saved
        return vm.frame_for(runtime.namespace()["list_sort"], [items, *args], kwargs)


_ORDERING_CALLS: tuple[tuple[Any, Any], ...] = (
    (sorted, _ordering(sorted, "sorted_")),
    (min, _ordering(min, "min_")),
    (max, _ordering(max, "max_")),
    (heapq.nlargest, _n_extremes(heapq.nlargest, "nlargest_")),
    (heapq.nsmallest, _n_extremes(heapq.nsmallest, "nsmallest_")),
    (heapq.heappush, _heap_function(heapq.heappush, "heappush_", 2)),
    (heapq.heappop, _heap_function(heapq.heappop, "heappop_", 1)),
    (heapq.heapify, _heap_function(heapq.heapify, "heapify_", 1)),
    (heapq.heapreplace, _heap_function(heapq.heapreplace, "heapreplace_", 2)),
    (heapq.heappushpop, _heap_function(heapq.heappushpop, "heappushpop_", 2)),
    (heapq.merge, _call_merge),
    (functools.cmp_to_key, _call_cmp_to_key),
)


SPECIAL_CALLS: dict[int, tuple[Any, Any]] = {
    id(obj): (obj, handler)
    for obj, handler in (
        (super, _call_super),
        (next, _call_next),
        (iter, _call_iter),
        (operator.length_hint, _call_length_hint),
        (sys._getframe, _call_getframe),
        (sys.getrecursionlimit, _call_getrecursionlimit),
        (sys.setrecursionlimit, _call_setrecursionlimit),
        (locals, _from_frame(locals, frame_locals)),
        (globals, _from_frame(globals, _frame_globals)),
        (vars, _from_frame(vars, frame_locals)),
        (dir, _from_frame(dir, _frame_names)),
        (eval, _call_eval),
        (exec, _call_exec),
        (compile, _call_compile),
        (builtins.__build_class__, _call_build_class),
        (class_body, _call_class_body),
        *((native, _statistics_call(native, f"statistics:{name}")) for name, native in _STATISTICS.items()),
        (dataclasses.replace, _call_dataclass_replace),
        # A dataclass's __replace__ (3.13), which copy.replace calls.
        *(((dataclasses._replace, _call_dataclass_replace),) if hasattr(dataclasses, "_replace") else ()),
        (functools.lru_cache, _call_lru_cache),
        (functools.cache, _call_cache),
        (json.dumps, _call_json_dumps),
        (json.loads, _call_json_loads),
        (json.dump, _call_json_dump),
        (anext, _call_anext),
        (asyncio.run, _call_asyncio_run),
        (_C_FUTURE, _asyncio_class_call(_C_FUTURE)),
        (_C_TASK, _asyncio_class_call(_C_TASK)),
        (isinstance, _call_isinstance),
        (contextvars.ContextVar, _call_context_var),
        (script_asyncio.enter_context, _call_enter_context),
        (script_asyncio.leave_context, _call_leave_context),
        (script_asyncio.await_host, _call_await_host),
        *(
            (getter, _loop_answer(_running, native))
            for getter, native in (
                (script_asyncio.running_loop, asyncio.get_running_loop),
                (script_asyncio.running_loop_or_none, asyncio.events._get_running_loop),
                (script_asyncio.event_loop, _native_event_loop),
                (asyncio.get_running_loop, asyncio.get_running_loop),
                (asyncio.events._get_running_loop, asyncio.events._get_running_loop),
                (asyncio.get_event_loop, asyncio.get_event_loop),
            )
        ),
        (script_asyncio.current_task, _loop_answer(_current_task, asyncio.current_task)),
        (asyncio.current_task, _loop_answer(_current_task, asyncio.current_task)),
        (script_asyncio.all_tasks, _loop_answer(_all_tasks, asyncio.all_tasks)),
        (asyncio.all_tasks, _loop_answer(_all_tasks, asyncio.all_tasks)),
        (json.load, _call_json_load),
        *((builtin, _replacement(builtin, name)) for builtin, name in runtime.REPLACEMENTS.items()),
        *_ORDERING_CALLS,
        (runtime.generator_throw, _call_generator_throw),
        (runtime.generator_close_throw, _call_generator_close_throw),
        (runtime.generator_throw_here, _call_generator_throw_here),
        (re.finditer, _call_re_finditer),
        (re.sub, _re_substitution(re.sub)),
        (re.subn, _re_substitution(re.subn)),
        (decimal.localcontext, _call_localcontext),
        (type.__new__, _call_type_new),
        (type, _call_type),
        *((maker, _call_hash_maker(name)) for name, maker in module_state.hash_makers().items()),
        (setattr, _call_setattr),
        *(
            (cls, _made_with_script_caller(cls))
            for cls in (typing.TypeVar, typing.ParamSpec, typing.NewType, getattr(typing, "TypeVarTuple", None))
            if cls is not None
        ),
        (delattr, _call_delattr),
        (getattr, _call_getattr),
        (hasattr, _call_hasattr),
        (itertools.islice, _call_islice),
    )
}


# -- index arguments of builtin functions: chr(n), math.factorial(n), itertools.repeat(x, n) --

_INDEX_FUNCTIONS: dict[Any, tuple[tuple[int, str | None], ...]] = {
    chr: _AT_0,
    math.factorial: _AT_0,
    math.isqrt: _AT_0,
    math.comb: ((0, None), (1, None)),
    math.perm: ((0, None), (1, None)),
    itertools.repeat: ((1, "times"),),
    itertools.combinations: ((1, "r"),),
    itertools.combinations_with_replacement: ((1, "r"),),
    enumerate: ((1, "start"),),
}


def _index_function(func: Any, where: Any, otherwise: Any) -> Any:
    """``func`` natively; once that reaches a script ``__index__``, its index arguments converted on the VM first."""

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _script_index_argument(where, args, kwargs) and not _involves_script(args, kwargs):
            try:
                return vm.call_host(func, args, kwargs, call_restatable)
            except RedoOnVM:
                return redo(vm, f, "index_arguments_call", [func, where, args, kwargs or {}])
        if otherwise is not None:
            return otherwise(vm, f, args, kwargs)
        return vm.call_host(func, args, kwargs)

    return call


for _func, _where in _INDEX_FUNCTIONS.items():
    _previous = SPECIAL_CALLS.get(id(_func))
    SPECIAL_CALLS[id(_func)] = (_func, _index_function(_func, _where, _previous and _previous[1]))


def _call_bytes(func: Any) -> Any:
    """bytes(n), bytearray(n): a count whose ``__index__`` is script code is converted on the VM."""

    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if (
            len(args) == 1
            and not kwargs
            and runtime.has_script_index(args[0])
            and not isinstance(args[0], str)
            and (func is bytearray or runtime.lookup(type(args[0]), "__bytes__") is runtime.MISSING)
        ):
            return vm.frame_for(runtime.namespace()["bytes_indexed"], [func, args[0]], None)
        return vm.call_host(func, args, kwargs)

    return call


SPECIAL_CALLS.update({id(bytes): (bytes, _call_bytes(bytes)), id(bytearray): (bytearray, _call_bytes(bytearray))})


def _sandbox_calls() -> None:
    from statek_vm import sandbox

    # (the sandbox's own setattr and delattr, which sandboxed scripts call)
    SPECIAL_CALLS[id(sandbox._checked_setattr)] = (sandbox._checked_setattr, _call_checked_setattr)
    SPECIAL_CALLS[id(sandbox._checked_delattr)] = (sandbox._checked_delattr, _call_checked_delattr)


_sandbox_calls()
