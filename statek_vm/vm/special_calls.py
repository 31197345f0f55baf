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

import builtins
import contextlib
import dataclasses
import functools
import json
import operator
import sys
import types
import warnings
from typing import TYPE_CHECKING, Any

from statek_vm.future import FUTURE_CLASSES
from statek_vm.program.program import compile_program
from statek_vm.vm import runtime
from statek_vm.vm.frame import RET_CLASS, RET_PUSH, UNBOUND, Frame, builtins_of
from statek_vm.vm.objects import _NO_ARG, VMFunction, VMGenerator, _arg_of_throw
from statek_vm.vm.operations import REDO, RedoOnVM, call_restatable, restatement
from statek_vm.vm.script_frames import fake_frame

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
    if not kwargs and 1 <= len(args) <= 2 and type(args[0]) is VMGenerator:
        return vm.enter_generator_next(f, args[0], None, tuple(args[1:]))
    return vm.call_host(next, args, kwargs)


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
    if isinstance(source, types.CodeType) or not isinstance(source, (str, bytes, bytearray)):
        return vm.call_host(eval if mode == "eval" else exec, [source, g, loc], None)
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if mode == "eval":
        source = source.lstrip(" \t")
    if "__builtins__" not in g:
        g["__builtins__"] = f.builtins
    # Compiled natively first, every time: the warnings and errors that
    # compiling emits (SyntaxWarning under "error" filters) are the script's.
    compile(source, "<string>", mode, dont_inherit=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # emitted once already, just above
        program = compile_program(source, "<string>", mode)
    frame = Frame(program.main, g, builtins_of(g), loc, None)
    if mode == "exec":
        frame.ret_mode = RET_PUSH
    return frame


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
    bases = _update_bases(orig_bases)
    kwds = dict(kwargs or {})
    meta = kwds.pop("metaclass", None)
    if meta is None:
        meta = type(bases[0]) if bases else type
        meta = _calculate_meta(meta, bases)
    elif isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    if not hasattr(ns, "__getitem__") or not hasattr(ns, "__setitem__"):
        shown = meta.__name__ if isinstance(meta, type) else "<metaclass>"
        raise TypeError(f"{shown}.__prepare__() must return a mapping, not {type(ns).__name__}")
    unit = func._unit
    frame = Frame(unit, func._globals, builtins_of(func._globals), ns, func)
    frame.ret_mode = RET_CLASS
    frame.ret_info = (meta, name, bases, orig_bases, kwds, ns)
    return frame


def _is_script_callable(value: Any) -> bool:
    t = type(value)
    return t is VMFunction or (t is _MethodType and type(value.__func__) is VMFunction)


def _involves_script(args: Any, kwargs: Any) -> bool:
    for a in args:
        t = type(a)
        if t is VMGenerator or t is VMFunction or (t is _MethodType and type(a.__func__) is VMFunction):
            return True
    if kwargs:
        key = kwargs.get("key")
        if key is not None and _is_script_callable(key):
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


def _call_json_loads(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
    if (
        len(args) == 1
        and kwargs
        and kwargs.get("cls") is None
        and (
            runtime.is_script_callable(kwargs.get("object_hook"))
            or runtime.is_script_callable(kwargs.get("object_pairs_hook"))
        )
    ):
        return vm.frame_for(runtime.namespace()["json_loads_"], args, kwargs)
    return vm.call_host(json.loads, args, kwargs)


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


def _replacement(builtin: Any, name: str) -> Any:
    def call(vm: Interpreter, f: Frame, args: Any, kwargs: Any) -> Any:
        if _involves_script(args, kwargs):
            return vm.frame_for(runtime.namespace()[name], args, kwargs)
        restated = restatement(builtin, args, f)
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


def method_replacement(method: Any, args: Any, kwargs: Any) -> Any:
    # "".join(script_generator) and items.sort(key=script_function)
    owner = method.__self__
    name = method.__name__
    if name == "join" and type(owner) is str and len(args) == 1 and type(args[0]) is VMGenerator:
        return runtime.namespace()["join"]
    if name == "sort" and type(owner) is list and kwargs and _is_script_callable(kwargs.get("key")):
        return runtime.namespace()["list_sort"]
    return None


SPECIAL_CALLS: dict[int, tuple[Any, Any]] = {
    id(obj): (obj, handler)
    for obj, handler in (
        (super, _call_super),
        (next, _call_next),
        (sys._getframe, _call_getframe),
        (sys.getrecursionlimit, _call_getrecursionlimit),
        (sys.setrecursionlimit, _call_setrecursionlimit),
        (locals, _from_frame(locals, frame_locals)),
        (globals, _from_frame(globals, _frame_globals)),
        (vars, _from_frame(vars, frame_locals)),
        (dir, _from_frame(dir, _frame_names)),
        (eval, _call_eval),
        (exec, _call_exec),
        (builtins.__build_class__, _call_build_class),
        (dataclasses.replace, _call_dataclass_replace),
        (functools.lru_cache, _call_lru_cache),
        (functools.cache, _call_cache),
        (json.dumps, _call_json_dumps),
        (json.loads, _call_json_loads),
        *((builtin, _replacement(builtin, name)) for builtin, name in runtime.REPLACEMENTS.items()),
        (runtime.generator_throw, _call_generator_throw),
    )
}
