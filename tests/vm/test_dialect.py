"""The dispatch table of the running CPython covers its bytecode."""

from __future__ import annotations

import dis
import sys

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.vm.dialect import DIALECT, DIALECTS

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

# Opcodes that never reach the VM: the code units fold CACHE and EXTENDED_ARG
# away, the instrumented variants exist only while sys.monitoring is active, and
# the others are the interpreter's own.
_NOT_IN_CODE_UNITS = {"CACHE", "EXTENDED_ARG", "RESERVED", "INTERPRETER_EXIT", "ENTER_EXECUTOR"}


def _real_opcodes() -> list[str]:
    # Pseudo instructions (SETUP_FINALLY, LOAD_METHOD on 3.12, ...) have
    # numbers from 256 up and exist only inside the compiler.
    return sorted(
        name
        for name, number in dis.opmap.items()
        if number < 256 and not name.startswith("INSTRUMENTED_") and name not in _NOT_IN_CODE_UNITS
    )


def test_every_opcode_of_this_version_has_a_handler() -> None:
    assert DIALECT.version == sys.version_info[:2]
    missing = [name for name in _real_opcodes() if name not in DIALECT.handlers]
    assert missing == []


def test_every_supported_version_has_a_dialect() -> None:
    assert set(SUPPORTED_VERSIONS) <= set(DIALECTS)
