"""Real frame objects that stand for script frames, where host code looks for them.

Host code sees Python frames: tracebacks list them, ``sys._getframe`` and
``warnings`` walk them, doctest and ``namedtuple`` read their globals.  VM
frames are plain data, so the VM shows host code stand-ins: *fake frames*
(traceback entries, ``sys._getframe()`` in a script) and *trampolines* (a
native frame, in the script's globals and named after the script function,
from which Python-level host code is called).  The VM's own frames are
removed from tracebacks.

A stand-in holds the script's globals, so it is kept by what the job owns:
the script function whose frame it stands for (or the VM frame itself, for a
module body and for code run by ``exec``), never by a table of this module.
A worker that runs job after job must not keep any of them, and a table keyed
by ``id()`` would hand a new object the stand-in of a dead one at the same
address.  Only the stand-ins' code objects are shared, kept by the code unit:
they name the script's file and function and hold nothing of a job.
"""

from __future__ import annotations

import os
import types
from typing import Any

from statek_vm.program.code_unit import CodeUnit
from statek_vm.vm import runtime
from statek_vm.vm.frame import Frame

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE_PREFIX = PACKAGE_DIR + os.sep


def _template() -> Any:
    yield  # a suspended generator's frame: a real frame object with no f_back


# (On one line: a trampoline's code is made for the line of the script's call,
# which host code reads as its caller's line: warnings, logging's %(lineno)d.)
def _trampoline_template(func: Any, args: Any, kwargs: Any) -> Any: return func(*args, **kwargs) if kwargs else func(*args)  # noqa: E501  # fmt: skip


# The constants of the stand-ins' code: the templates' own, and a marker that
# makes the tuple theirs alone.  ``code.replace`` keeps the tuple, so a frame
# is a stand-in when its code's constants are this very tuple: one identity
# test, on a path taken by every exception that crosses a script frame.
_FAKE_CONSTS = (*_template.__code__.co_consts, "statek_vm: a script frame")
_TRAMPOLINE_CONSTS = (*_trampoline_template.__code__.co_consts, "statek_vm: a trampoline")


def is_trampoline_code(code: types.CodeType) -> bool:
    """Whether ``code`` is a trampoline's (the template's instructions under a script function's name)."""
    return code.co_consts is _TRAMPOLINE_CONSTS


def _code(template: Any, consts: tuple[Any, ...], unit: CodeUnit, line: int | None = None) -> types.CodeType:
    """``template``'s code with ``unit``'s file, name and first line (or ``line``)."""
    code: types.CodeType = template.__code__.replace(
        co_filename=unit.filename,
        co_name=unit.name,
        co_qualname=unit.qualname,
        co_firstlineno=unit.firstlineno if line is None else line,
        co_consts=consts,
    )
    return code


def _owner(frame: Frame) -> Any:
    # The script function that runs the frame keeps its stand-ins; a frame
    # with no function (a module body, exec) keeps its own.
    func = frame.func
    return frame if func is None else func


def trampoline(frame: Frame) -> Any:
    """A native function, in the script's globals and named after ``frame``'s code, that calls a host function.

    Its frame is at the line of the call ``frame`` is making (the
    instruction before ``pc``): one per line, kept by the owner.
    """
    owner = _owner(frame)
    unit = frame.unit
    line = unit.line_of(frame.pc - 1)
    try:
        made = owner._trampoline
    except AttributeError:
        made = owner._trampoline = {}
    else:
        fn = made.get(line)
        if fn is not None:
            return fn
    codes = unit.trampoline_code
    if codes is None:
        codes = unit.trampoline_code = {}
    code = codes.get(line)
    if code is None:
        code = codes[line] = _code(_trampoline_template, _TRAMPOLINE_CONSTS, unit, line)
    fn = made[line] = types.FunctionType(code, frame.globals, unit.name)
    return fn


def trampolines(frame: Frame, depth: int) -> Any:
    """A call through the trampolines of ``frame`` and of up to ``depth - 1`` of its callers, innermost first.

    So host code that looks ``depth`` frames up (``warnings.warn(...,
    stacklevel=2)``) finds the script's frames there, at their lines.  The
    runtime's frames, which natively are C code, are left out.
    """
    chain: list[Any] = []
    f: Frame | None = frame
    while f is not None and len(chain) < depth:
        if f.unit.filename != runtime.FILENAME:
            chain.append(trampoline(f))
        f = f.back
    if len(chain) <= 1:
        return chain[0] if chain else trampoline(frame)

    def via(func: Any, args: Any, kwargs: Any) -> Any:
        # outer(inner, (func, args, kwargs)...): each trampoline calls the next directly.
        call = (func, args, kwargs)
        for inner in chain[:-1]:
            call = (inner, call, None)
        return chain[-1](*call)

    return via


def fake_frame(frame: Frame) -> Any:
    """A real frame object that names the script's file and function.

    Traceback entries and ``sys._getframe()`` need a real frame; this is the
    frame of a suspended generator whose code carries the script's filename
    and name (a suspended generator's frame has no ``f_back``, so nothing of
    the VM shows through it).  The generator is kept with the frame's other
    stand-ins, and closed natively when they go.
    """
    owner = _owner(frame)
    try:
        fake = owner._fake_frame.gi_frame
    except AttributeError:
        fake = None
    if fake is not None:
        return fake
    # None the first time, or when the collector has closed the generator
    # already while it collects the job: a script generator closed in that
    # same collection still needs a frame for its traceback.
    unit = frame.unit
    code = unit.fake_frame_code
    if code is None:
        code = unit.fake_frame_code = _code(_template, _FAKE_CONSTS, unit)
    generator = types.FunctionType(code, frame.globals, unit.name)()
    next(generator)
    owner._fake_frame = generator
    return generator.gi_frame


def forget_stand_ins(func: Any) -> None:
    """Drop the stand-ins a script function keeps (its code changed: they name the old one)."""
    for name in ("_trampoline", "_fake_frame"):
        if hasattr(func, name):
            delattr(func, name)


def _is_internal(tb: types.TracebackType) -> bool:
    # The VM's and the job's own frames (trampolines included); futures'
    # delegation frames too, so a script's traceback reads as it would natively.
    code = tb.tb_frame.f_code
    return is_trampoline_code(code) or code.co_filename.startswith(_PACKAGE_PREFIX)


def clean_traceback(tb: types.TracebackType | None) -> types.TracebackType | None:
    """``tb`` without the VM's own frames (entries for script frames are kept)."""
    kept: list[types.TracebackType] = []
    rest = None
    while tb is not None:
        if tb.tb_frame.f_code.co_consts is _FAKE_CONSTS:
            rest = tb  # made by add_traceback_entry: clean already
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
