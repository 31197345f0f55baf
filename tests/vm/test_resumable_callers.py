"""The documentation's table of resumable callers is the list, and each row is tested.

The table (between the ``resumable-callers`` markers in docs/reference/where-a-script-can-wait.md) names
every operation, builtin and library callable whose script callbacks run on
the VM, so that a wait inside them is resumable.  This module checks it both
ways: every callable the VM registers for that (``RESTATED_CALLS``,
``REPLACEMENTS``, ``RESTATED_METHODS``, ``SPECIAL_CALLS``, the callable
wrappers, ``total_ordering``'s comparisons) is named in the table, and every
row names its tests, which exist and are not expected to fail: a key of
``tests/vm/test_operations.py``'s case tables (or one of its test functions)
run with every wait pending, or a script of ``tests/agents/corpus_waits``
resumed at every wait in a fresh process.
"""

from __future__ import annotations

import bisect
import builtins
import collections
import contextlib
import copy
import dataclasses
import enum
import functools
import heapq
import itertools
import json
import math
import operator
import re
import string
from pathlib import Path
from typing import Any

from tests.agents.test_agents import XFAIL_WAITS
from tests.vm import test_operations

ROOT = Path(__file__).resolve().parents[2]
CORPUS_WAITS = ROOT / "tests" / "agents" / "corpus_waits"

# Registered callables that do not call script code: they read the calling
# frame (super(), locals(), sys._getframe) or make classes.
NOT_CALLERS = {
    "super",
    "locals",
    "globals",
    "vars",
    "dir",
    "sys._getframe",
    "sys.getrecursionlimit",
    "sys.setrecursionlimit",
    "builtins.__build_class__",
    # Answered by the VM for asyncio's classes (script_asyncio), not a caller of script code.
    "isinstance",
    "_contextvars.ContextVar",  # (kept by the job, for snapshots)
    "re.finditer",  # (an iterator snapshots can carry)
    "decimal.localcontext",  # (a context manager snapshots can carry)
    "_decimal.localcontext",
    # hashlib's constructors: hash objects snapshots can carry (module_state.CarriedHash).
    "hashlib.__hash_new",
    "_blake2.blake2b",
    "_blake2.blake2s",
    *(
        f"_hashlib.openssl_{name}"
        for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384")
        + ("sha3_512", "shake_128", "shake_256")
    ),
    # (made with the script's frame as their caller, for their __module__)
    "typing.TypeVar",
    "typing.ParamSpec",
    "typing.NewType",
    "typing.TypeVarTuple",
}

# Registered callables that the table names by what a script writes.
ALIASES = {
    "contextlib._GeneratorContextManager.__enter__": "contextlib.contextmanager",
    "contextlib._GeneratorContextManager.__exit__": "contextlib.contextmanager",
    "contextlib.closing.__exit__": "contextlib.closing",
    "contextlib.ExitStack.__exit__": "contextlib.ExitStack",
    "contextlib._BaseExitStack.enter_context": "contextlib.ExitStack",
    "contextlib.ExitStack.close": "contextlib.ExitStack",
    "statek_vm.vm.runtime.generator_throw": "contextlib.contextmanager",
    "statek_vm.vm.runtime.generator_close_throw": "gen.close",
    "statek_vm.vm.runtime.generator_throw_here": "gen.close",
    "statek_vm.sandbox._checked_setattr": "setattr",
    "statek_vm.sandbox._checked_delattr": "delattr",
    "contextlib._AsyncGeneratorContextManager.__aenter__": "contextlib.asynccontextmanager",
    "contextlib._AsyncGeneratorContextManager.__aexit__": "contextlib.asynccontextmanager",
    "contextlib.AsyncExitStack.__aexit__": "contextlib.AsyncExitStack",
    "contextlib.AsyncExitStack.aclose": "contextlib.AsyncExitStack",
    "contextlib.AsyncExitStack.enter_async_context": "contextlib.AsyncExitStack",
    "dataclasses._replace": "copy.replace",
    "copyreg.__newobj__": "copy.deepcopy",
    "copyreg.__newobj_ex__": "copy.deepcopy",
    "enum.EnumType.__call__": "enum.Enum",
    "enum.Enum.__new__": "enum.Enum",
    "enum.Flag.__or__": "enum.Flag",
    "enum.Flag.__and__": "enum.Flag",
    "enum.Flag.__xor__": "enum.Flag",
    "enum.Flag.__invert__": "enum.Flag",
}

_MODULES = (
    math,
    string,
    builtins,
    functools,
    itertools,
    heapq,
    bisect,
    collections,
    contextlib,
    json,
    dataclasses,
    operator,
    copy,
    enum,
)


def public_name(obj: Any) -> str:
    """``functools.reduce``, ``sorted``, ``contextlib.ExitStack.__exit__``: how a script reaches ``obj``."""
    for module in _MODULES:
        for name, value in vars(module).items():
            if (value is obj and not name.startswith("_")) or (value is obj and name == "__build_class__"):
                return name if module is builtins and name != "__build_class__" else f"{module.__name__}.{name}"
    module = getattr(obj, "__module__", None) or ""
    return f"{module}.{obj.__qualname__}" if module != "builtins" else obj.__qualname__


def registered_callers() -> set[str]:
    from statek_vm.vm import interpreter, library, operations, runtime, special_calls

    found: set[Any] = set()
    found.update(library.ATTEMPTS, library.METHODS)
    found.update(operations.RESTATED_CALLS, runtime.REPLACEMENTS, runtime.RESTATED_METHODS)
    found.update(obj for obj, _ in special_calls.SPECIAL_CALLS.values())
    found.update(interpreter._CALLABLE_WRAPPERS)
    names = {_family(ALIASES.get(public_name(obj), public_name(obj))) for obj in found}
    if runtime.TOTAL_ORDERING:
        names.add("functools.total_ordering")
    return names - NOT_CALLERS


# asyncio's functions and classes all run on the VM for the script's event
# loop (statek_vm/vm/script_asyncio.py): one row of the table names them all.
_ASYNCIO_FAMILY = ("asyncio.", "_asyncio.", "statek_vm.vm.script_asyncio.")


def _family(name: str) -> str:
    return "asyncio" if name.startswith(_ASYNCIO_FAMILY) else name


def table() -> list[tuple[str, str, str]]:
    text = (ROOT / "docs" / "reference" / "where-a-script-can-wait.md").read_text(encoding="utf-8")
    start, end = text.index("<!-- resumable-callers -->"), text.index("<!-- /resumable-callers -->")
    rows = []
    for line in text[start:end].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and not set(cells[0]) <= {"-", " "} and cells[0] != "caller":
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def _tests_of(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


_CASE_TABLES = [value for name, value in vars(test_operations).items() if name.isupper() and isinstance(value, dict)]


def _exists(reference: str) -> str | None:
    """Why ``reference`` is not a passing test, or None."""
    if reference.startswith("corpus_waits/"):
        stem = reference.removeprefix("corpus_waits/")
        if not (CORPUS_WAITS / f"{stem}.py").is_file():
            return "no such script"
        if stem in XFAIL_WAITS:
            return "an expected failure"
        return None
    if reference.startswith("tests/") and reference.endswith(".py"):
        return None if (ROOT / reference).is_file() else "no such test file"
    if any(reference in cases for cases in _CASE_TABLES) or callable(getattr(test_operations, reference, None)):
        return None
    return "neither a case nor a test of tests/vm/test_operations.py, nor a test file"


def test_the_table_names_every_registered_caller() -> None:
    named = set()
    for caller, _, _ in table():
        named.update(_tests_of(caller))
    missing = sorted(registered_callers() - named)
    assert not missing, f"registered but not in the table of resumable callers (docs/reference/where-a-script-can-wait.md): {missing}"


def test_every_row_names_tests_that_exist_and_pass() -> None:
    rows = table()
    assert len(rows) > 20
    problems = []
    for caller, _, tests in rows:
        references = _tests_of(tests)
        if not references:
            problems.append(f"{caller}: no test named")
        for reference in references:
            why = _exists(reference)
            if why:
                problems.append(f"{caller}: {reference}: {why}")
    assert not problems, "\n".join(problems)


def test_public_names() -> None:
    assert public_name(functools.reduce) == "functools.reduce"
    assert public_name(sorted) == "sorted"
    assert public_name(contextlib.ExitStack.__exit__) == "contextlib.ExitStack.__exit__"
