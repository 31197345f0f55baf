"""Exceptions with everything they carry, and tracebacks as stand-ins, in snapshots.

Natively an exception pickles as its class called with its ``args`` (a
script exception whose ``__init__`` takes other arguments cannot be loaded)
and loses its ``__cause__``, ``__context__``, ``__suppress_context__`` and
traceback.  A job holds exceptions at a wait all the time — bound by
``except E as err:``, being handled (``sys.exc_info()``, a bare ``raise``
after the wait), kept in a list of failures — and after the resume they must
be the same: same class, args, attributes, chain, notes and traceback.

An exception travels as its raw state: made with its built-in base's
``__new__`` (no ``__init__`` runs), then its ``args``, its built-in fields
(``errno``, ``filename``, ``name``, ``obj``, ``value``...), ``__dict__``
(``__notes__`` lives there), slots and chain set.

A traceback cannot be pickled: it refers to frames, which live only while
they run.  It travels as its entries — file, function name, first line and
line of each — and is rebuilt as a real ``types.TracebackType`` chain whose
frames are stand-ins: real frame objects whose code carries the entry's file
and name and whose globals are the entry's module (or the job's namespace),
so that ``traceback``, ``linecache`` and ``job.error`` render it as they
rendered the original, line for line.  Column positions (the ``^^^`` marks)
are not carried: script frames never had them (docs/reference/cpython-versions.md:
every version), and host frames lose them after a resume.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types
from typing import Any

from statek_vm.snapshot.classes import instance_dict, native_base, slot_values
from statek_vm.vm import library

# BaseException's own descriptors, used directly: a script class may override
# __setattr__ or __getattribute__, and no script code runs while loading.
_BASE: dict[str, Any] = dict(vars(BaseException))
_SPECIAL = frozenset({"args", "__dict__", "__traceback__", "__context__", "__cause__", "__suppress_context__"})
_fields_of: dict[type, tuple[Any, ...]] = {}


def _native_fields(native: type) -> tuple[Any, ...]:
    """The descriptors of the built-in exception types ``native`` derives from (``errno``, ``name``...)."""
    fields = _fields_of.get(native)
    if fields is None:
        found = []
        for klass in native.__mro__:
            for name, value in klass.__dict__.items():
                if name not in _SPECIAL and type(value) in (types.MemberDescriptorType, types.GetSetDescriptorType):
                    found.append(value)
        fields = _fields_of[native] = tuple(found)
    return fields


def reduce_exception(exc: BaseException) -> Any:
    """An exception as a reduce tuple: made by its built-in base, then its state set."""
    cls = type(exc)
    native = native_base(cls)
    values = []
    for descriptor in _native_fields(native):
        with contextlib.suppress(AttributeError):  # an unset field (OSError.characters_written)
            values.append((descriptor.__name__, descriptor.__get__(exc, cls)))
    state = (
        _BASE["args"].__get__(exc),
        values,
        instance_dict(exc),
        slot_values(exc, cls) if cls.__flags__ & (1 << 9) else [],
        exc.__traceback__,
        exc.__context__,
        exc.__cause__,
        exc.__suppress_context__,
    )
    if issubclass(native, BaseExceptionGroup):
        # A group's message and exceptions are read-only: given to __new__.
        made: tuple[Any, ...] = (cls, native, exc.message, exc.exceptions)  # type: ignore[attr-defined]
    else:
        made = (cls, native)
    return (new_exception, made, state, None, None, set_exception_state)


def new_exception(cls: type, native: type, *group: Any) -> BaseException:
    return native.__new__(cls, *group)  # type: ignore[no-any-return]


def set_exception_state(exc: BaseException, state: tuple[Any, ...]) -> None:
    args, values, d, slots, tb, context, cause, suppress = state
    _BASE["args"].__set__(exc, args)
    native = native_base(type(exc))
    by_name = {descriptor.__name__: descriptor for descriptor in _native_fields(native)}
    unset_is_none = issubclass(native, OSError)
    for name, value in values:
        if value is None and unset_is_none:
            # An unset field of an OSError reads as None; set to None, its
            # str() would show "[Errno None] None: None -> None".
            continue
        with contextlib.suppress(AttributeError, TypeError):  # read-only: made by __new__ (a group's fields)
            by_name[name].__set__(exc, value)
    if d:
        object.__getattribute__(exc, "__dict__").update(d)
    for klass, name, value in slots:
        klass.__dict__[name].__set__(exc, value)
    _BASE["__traceback__"].__set__(exc, tb)
    _BASE["__context__"].__set__(exc, context)
    _BASE["__cause__"].__set__(exc, cause)
    _BASE["__suppress_context__"].__set__(exc, suppress)


# -- tracebacks -------------------------------------------------------------------------


def reduce_traceback(tb: types.TracebackType) -> Any:
    """A traceback as its entries: ``(filename, name, qualname, firstlineno, lineno, globals)`` each."""
    entries = []
    entry: types.TracebackType | None = tb
    while entry is not None:
        frame = entry.tb_frame
        code = frame.f_code
        entries.append(
            (
                code.co_filename,
                code.co_name,
                getattr(code, "co_qualname", code.co_name),
                code.co_firstlineno,
                entry.tb_lineno,
                _globals_reference(frame.f_globals),
            )
        )
        entry = entry.tb_next
    return (make_traceback, (tuple(entries),))


def _globals_reference(g: dict[str, Any]) -> Any:
    # A module's globals by the module's name (loaded again where the job
    # resumes, for linecache to find a host file's lines); the job's own
    # namespace (or any other script dict) as itself.
    name = g.get("__name__")
    if isinstance(name, str):
        module = sys.modules.get(name)
        if module is not None and (getattr(module, "__dict__", None) is g or library.is_own_globals(g)):
            return name
    return g


def make_traceback(entries: tuple[tuple[Any, ...], ...]) -> types.TracebackType | None:
    tb = None
    for filename, name, qualname, firstlineno, lineno, g in reversed(entries):
        if isinstance(g, str):
            g = _module_globals(g)
        tb = types.TracebackType(tb, _stand_in_frame(filename, name, qualname, firstlineno, g), -1, lineno)
    return tb


def _module_globals(name: str) -> dict[str, Any]:
    module = sys.modules.get(name)
    if module is None:
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module gone from this process: its lines are still in its file
            return {"__name__": name}
    return module.__dict__


def _template() -> Any:
    yield  # a suspended generator's frame: a real frame object with no f_back


def _stand_in_frame(filename: str, name: str, qualname: str, firstlineno: int, g: dict[str, Any]) -> types.FrameType:
    """A real frame object that names ``filename`` and ``name``, in ``g``.

    The frame of a suspended generator made of a template whose code carries
    the entry's names; the frame outlives its generator (CPython hands the
    frame its data when the generator goes), and has no ``f_back``.
    """
    code = _template.__code__.replace(
        co_filename=filename, co_name=name, co_qualname=qualname, co_firstlineno=firstlineno
    )
    owner = types.FunctionType(code, g, name)()
    next(owner)
    return owner.gi_frame  # type: ignore[no-any-return]
