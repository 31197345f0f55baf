"""Which CPython's bytecode the VM runs, as one table per minor version.

A program is compiled by the running interpreter, so its bytecode is that
interpreter's.  Each supported CPython minor version has a :class:`Dialect`:
the handler of every instruction, the handlers chosen by operand, and the
few facts about the calling convention that the interpreter
loop needs.  Versions differ by tables of overrides over the 3.11 core
(:mod:`statek_vm.vm.opcodes`, :mod:`statek_vm.vm.opcodes_312`,
:mod:`statek_vm.vm.opcodes_313`), never by
version checks inside handlers.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from statek_vm.vm import opcodes, opcodes_312, opcodes_313

Handler = opcodes.Handler


@dataclass(frozen=True)
class Dialect:
    """The VM's view of one CPython minor version's bytecode."""

    version: tuple[int, int]
    handlers: Mapping[str, Handler]
    """The handler of each instruction, by name."""
    specialize: Callable[[str, Any], tuple[Handler, Any] | None]
    """A handler (and operand) chosen by the operand when a table is built, or None."""
    precall_holds_call_args: bool
    """3.11's compiler charges a call's arguments to PRECALL; the depth CALL sees is larger."""
    send_exit: int
    """Where a delegation continues when the delegate returns, counted from SEND's target."""

    def step(self, name: str, arg: Any) -> tuple[Handler | None, Any]:
        """The handler and operand that execute one instruction (None: not supported)."""
        special = self.specialize(name, arg)
        if special is not None:
            return special
        return self.handlers.get(name), arg


def _no_specialization(name: str, arg: Any) -> tuple[Handler, Any] | None:
    return None


PY311 = Dialect(
    version=(3, 11),
    handlers=opcodes.HANDLERS,
    specialize=_no_specialization,
    precall_holds_call_args=True,
    send_exit=0,
)

PY312 = Dialect(
    version=(3, 12),
    handlers=opcodes_312.build_handlers(opcodes.HANDLERS),
    specialize=opcodes_312.specialize,
    precall_holds_call_args=False,
    # The target is END_SEND; a finished delegation continues after it.
    send_exit=1,
)

PY313 = Dialect(
    version=(3, 13),
    handlers=opcodes_313.build_handlers(dict(PY312.handlers)),
    specialize=opcodes_313.specialize,
    precall_holds_call_args=False,
    send_exit=1,
)

DIALECTS = {d.version: d for d in (PY311, PY312, PY313)}


def dialect_for(version: tuple[int, int]) -> Dialect:
    """The dialect of CPython ``version``; the newest older one for a version without its own.

    ``run()`` refuses unsupported versions before any bytecode runs; the
    fallback only lets the package import everywhere.
    """
    known = [v for v in DIALECTS if v <= version]
    return DIALECTS[max(known)] if known else PY311


DIALECT = dialect_for(sys.version_info[:2])
"""The dialect of the running interpreter."""
