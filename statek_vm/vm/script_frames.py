"""Real frame objects that stand for script frames, where host code looks for them.

Host code sees Python frames: tracebacks list them, ``sys._getframe`` and
``warnings`` walk them, doctest and ``namedtuple`` read their globals.  VM
frames are plain data, so the VM shows host code stand-ins: *fake frames*
(traceback entries, ``sys._getframe()`` in a script) and *trampolines* (a
native frame, in the script's globals and named after the script function,
from which Python-level host code is called).  The VM's own frames are
removed from tracebacks.
"""

from __future__ import annotations

import os
import types
from typing import Any

from statek_vm.vm import runtime
from statek_vm.vm.frame import Frame

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _template() -> Any:
    yield  # a suspended generator's frame: a real frame object with no f_back


def _trampoline_template(func: Any, args: Any, kwargs: Any) -> Any:
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


def is_trampoline_code(code: types.CodeType) -> bool:
    """Whether ``code`` is a trampoline's (the template's instructions under a script function's name)."""
    return code.co_code == _TRAMPOLINE_CODE.co_code and code.co_names == _TRAMPOLINE_CODE.co_names


_TRAMPOLINE_CODE = _trampoline_template.__code__
_trampolines: dict[tuple[int, int], Any] = {}


def _script_function(template: Any, frame: Frame) -> types.FunctionType:
    """``template`` re-made with ``frame``'s file, name and globals."""
    unit = frame.unit
    code = template.__code__.replace(
        co_filename=unit.filename,
        co_name=unit.name,
        co_qualname=unit.qualname,
        co_firstlineno=unit.firstlineno,
    )
    return types.FunctionType(code, frame.globals, unit.name)


def trampoline(frame: Frame) -> Any:
    """A native function, in the script's globals and named after ``frame``'s code, that calls a host function."""
    key = (id(frame.unit), id(frame.globals))
    fn = _trampolines.get(key)
    if fn is None:
        fn = _script_function(_trampoline_template, frame)
        _trampolines[key] = fn
        _trampoline_codes.add(fn.__code__)
    return fn


_trampoline_codes: set[types.CodeType] = set()


_fake_frames: dict[tuple[int, int], Any] = {}
_fake_frame_owners: list[Any] = []  # the suspended generators that own the fake frames
_fake_frame_ids: set[int] = set()


def fake_frame(frame: Frame) -> Any:
    """A real frame object that names the script's file and function.

    Traceback entries and ``sys._getframe()`` need a real frame; this is the
    frame of a suspended generator whose code carries the script's filename
    and name (a suspended generator's frame has no ``f_back``, so nothing of
    the VM shows through it).
    """
    key = (id(frame.unit), id(frame.globals))
    fake = _fake_frames.get(key)
    if fake is None:
        owner = _script_function(_template, frame)()
        next(owner)
        fake = owner.gi_frame
        _fake_frame_owners.append(owner)
        _fake_frames[key] = fake
        _fake_frame_ids.add(id(fake))
    return fake


def _is_internal(tb: types.TracebackType) -> bool:
    # The VM's and the job's own frames (trampolines included); futures'
    # delegation frames too, so a script's traceback reads as it would natively.
    code = tb.tb_frame.f_code
    return code.co_filename.startswith(PACKAGE_DIR + os.sep) or code in _trampoline_codes


def clean_traceback(tb: types.TracebackType | None) -> types.TracebackType | None:
    """``tb`` without the VM's own frames (entries for script frames are kept)."""
    kept: list[types.TracebackType] = []
    rest = None
    while tb is not None:
        if id(tb.tb_frame) in _fake_frame_ids:
            rest = tb
            break
        if not _is_internal(tb):
            kept.append(tb)
        tb = tb.tb_next
    for entry in reversed(kept):
        rest = types.TracebackType(rest, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return rest


def add_traceback_entry(exc: BaseException, frame: Frame) -> None:
    if frame.unit.filename == runtime.FILENAME:
        return  # the VM's own versions of builtins are not script frames
    tb = clean_traceback(exc.__traceback__)
    exc.__traceback__ = types.TracebackType(tb, fake_frame(frame), -1, frame.unit.line_of(frame.pc))
