"""Generated attribute chains and format strings against the sandbox's policy.

From roots a script has (host bindings, allowed modules, builtins, its own
objects, a generator, a caught exception), hypothesis builds chains of
attribute names drawn from the names escapes use and from ordinary ones,
and reads them four ways: ``x.a.b``, ``getattr``, ``operator.attrgetter``
and a ``str.format`` field.  Whatever the chain, the sandboxed job either
ends with a refusal (or the error CPython gives), or everything it reached
is harmless, judged here by an oracle of its own (not the policy's code):
no frame, traceback, code or cell, no module outside the sandbox's imports,
no module's globals or the process's builtins, no host function that
reaches the file system, processes or the import system, none of the VM's
own objects, and the planted secret never printed.
"""

from __future__ import annotations

import builtins
import sys
import types
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statek_vm
from statek_vm import JobStatus, Sandbox, SandboxViolation
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.sandbox import DEFAULT_IMPORTS

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

SECRET = "statek-property-secret-7d41"


def tool(x: Any) -> Any:
    """A host binding; its module's globals hold SECRET."""
    return x


class Client:
    def __init__(self) -> None:
        self.name = "client"
        self._token = SECRET

    def fetch(self) -> str:
        return "data"


ROOTS = ["tool", "client", "json", "random", "string", "re", "print", "str", "object", "rec", "gen", "err", "fn"]

NAMES = [
    # routes out
    "__globals__", "__builtins__", "__code__", "__closure__", "__self__", "__func__", "__wrapped__",
    "__subclasses__", "__loader__", "__spec__", "__traceback__", "__getattribute__", "__reduce_ex__",
    "__defaults__", "__kwdefaults__", "__dict__", "gi_frame", "gi_code", "tb_frame", "tb_next", "f_back",
    "f_globals", "f_builtins", "codecs", "decoder", "scanner", "re", "enum", "sys", "os", "_os", "bltns",
    "copyreg", "modules", "environ", "_inst", "_token", "_module", "Formatter", "get_field", "register",
    "registry", "obj", "func",
    # ordinary
    "__class__", "__base__", "__bases__", "__mro__", "__init__", "__module__", "__name__", "__qualname__",
    "__doc__", "__call__", "__get__", "__new__", "__setattr__", "__hash__", "mro", "args", "with_traceback",
    "send", "name", "_p", "__context__", "__cause__", "seed", "Random", "format", "join", "upper", "dumps",
    "JSONDecoder", "fetch", "__annotations__",
]  # fmt: skip

ALWAYS_REFUSED = frozenset(
    {"__globals__", "__builtins__", "__code__", "__closure__", "__subclasses__", "gi_frame", "tb_frame", "f_back"}
    | {"f_globals", "f_builtins", "__traceback__", "__loader__", "__spec__", "__self__", "__func__"}
)

PRELUDE = """
import json, random, string, re, operator
class Rec:
    def __init__(self):
        self._p = 1
        self.name = "r"
def fn():
    yield 1
gen = fn()
next(gen)
try:
    1 / 0
except ZeroDivisionError as e:
    err = e
rec = Rec()
steps = []
"""

_ALLOWED_TOP = {name.split(".")[0] for name in DEFAULT_IMPORTS}
_DANGEROUS_MODULES = {"os", "posix", "subprocess", "socket", "ctypes", "importlib", "_frozen_importlib", "gc"}
_DANGEROUS_MODULES |= {"inspect", "sys", "pickle", "shutil", "io", "_io", "pathlib", "threading", "_thread"}
_DANGEROUS_BUILTINS = {open, eval, exec, compile, builtins.__import__, breakpoint, input}


# Classes of those modules that reach nothing (a lock).
_HARMLESS = {type(__import__("_thread").allocate_lock()), __import__("_thread").RLock}


def forbidden(value: Any) -> str | None:
    """Why ``value`` must never reach a sandboxed script (None: it may)."""
    if isinstance(value, types.ModuleType):
        name = value.__name__
        top = name.split(".")[0]
        if top not in _ALLOWED_TOP or (top == "asyncio" and name != "asyncio"):
            return f"module {name}"
        return None
    if type(value) in (types.FrameType, types.TracebackType, types.CodeType, types.CellType):
        return type(value).__name__
    module = type(value).__module__ or ""
    if module.startswith(("statek_vm.vm.frame", "statek_vm.program", "statek_vm.vm.interpreter", "statek_vm.job")):
        return f"the VM's {type(value).__name__}"
    if isinstance(value, dict):
        if value is builtins.__dict__:
            return "the process's builtins"
        if any(value is getattr(m, "__dict__", None) for m in list(sys.modules.values())):
            return "a module's globals"
        if "SECRET" in value and value.get("SECRET") == SECRET:
            return "the host module's globals"
    if value in _DANGEROUS_BUILTINS if _hashable(value) else False:
        return f"the builtin {value!r}"
    if callable(value) and getattr(value, "__module__", None) in _DANGEROUS_MODULES and value not in _HARMLESS:
        return f"host function {value!r}"
    return None


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except Exception:  # noqa: BLE001 - anything unhashable is no builtin
        return False
    return True


def _script(root: str, names: list[str], how: str) -> str:
    lines = [PRELUDE, f"import {root}" if root in MODULE_ROOTS else "", f"x = {root}"]
    if how == "attribute":
        for name in names:
            lines += [f"x = x.{name}", "steps.append(x)"]
    elif how == "getattr":
        for name in names:
            lines += [f"x = getattr(x, {name!r})", "steps.append(x)"]
    elif how == "attrgetter":
        lines += [f"x = operator.attrgetter({'.'.join(names)!r})(x)", "steps.append(x)"]
    else:
        field = "{0." + ".".join(names) + "}"
        lines += [f"print({field!r}.format(x))"]
    lines.append("print(repr(steps)[:2000])")
    return "\n".join(lines) + "\n"


@given(
    root=st.sampled_from(ROOTS),
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=4),
    how=st.sampled_from(["attribute", "getattr", "attrgetter", "format"]),
)
def test_no_chain_reaches_anything_out_of_the_sandbox(root: str, names: list[str], how: str) -> None:
    source = _script(root, names, how)
    job = statek_vm.run(source, {"tool": tool, "client": Client()}, sandbox=Sandbox())
    assert SECRET not in job.output
    if job.status == JobStatus.COMPLETED:
        for value in job.namespace["steps"]:
            assert forbidden(value) is None, f"{root}.{'.'.join(names)} ({how}) reached {forbidden(value)}"
        assert not ALWAYS_REFUSED & set(names), f"{root}.{'.'.join(names)} ({how}) was not refused"
    else:
        assert job.status == JobStatus.FAILED
        assert isinstance(job.error, (SandboxViolation, AttributeError, TypeError, KeyError, ValueError)), repr(
            job.error
        )
        if isinstance(job.error, SandboxViolation):
            assert job.error.where.startswith("<agent>:"), job.error


@given(names=st.lists(st.sampled_from(sorted(ALWAYS_REFUSED)), min_size=1, max_size=1), root=st.sampled_from(ROOTS))
def test_the_names_that_lead_out_are_refused_whatever_they_are_read_on(names: list[str], root: str) -> None:
    job = statek_vm.run(_script(root, names, "attribute"), {"tool": tool, "client": Client()}, sandbox=Sandbox())
    assert job.status == JobStatus.FAILED
    assert isinstance(job.error, SandboxViolation), repr(job.error)


MODULE_ROOTS = ["json", "random", "string", "re", "typing", "dataclasses", "collections", "functools", "enum"]
MODULE_ROOTS += ["statistics", "uuid", "textwrap", "decimal", "asyncio", "contextlib", "copy", "pprint", "difflib"]
MODULE_ROOTS += ["time", "calendar", "fractions", "datetime", "itertools", "operator", "heapq", "hashlib", "base64"]


@given(data=st.data(), root=st.sampled_from(MODULE_ROOTS))
def test_no_walk_through_allowed_modules_reaches_anything_out_of_the_sandbox(data: Any, root: str) -> None:
    # Each next name is one the value reached so far really has (read
    # natively here): the walk follows the modules' own graph (json.codecs,
    # uuid.os, typing.sys...).
    import importlib

    value: Any = importlib.import_module(root)
    names: list[str] = []
    for _ in range(data.draw(st.integers(1, 3))):
        candidates = sorted(n for n in dir(value) if n.isidentifier())
        if not candidates:
            break
        # Half the time a name whose value is a module: the routes to other modules.
        modules = [n for n in candidates if isinstance(getattr(value, n, None), types.ModuleType)]
        if modules and data.draw(st.booleans()):
            candidates = modules
        name = data.draw(st.sampled_from(candidates))
        try:
            value = getattr(value, name)
        except Exception:  # noqa: BLE001 - a name dir() lists may still fail natively
            break
        names.append(name)
    if not names:
        return
    job = statek_vm.run(_script(root, names, "attribute"), {"tool": tool, "client": Client()}, sandbox=Sandbox())
    if job.status == JobStatus.COMPLETED:
        for reached in job.namespace["steps"]:
            assert forbidden(reached) is None, f"{root}.{'.'.join(names)} reached {forbidden(reached)}"
    else:
        assert isinstance(job.error, (SandboxViolation, AttributeError, TypeError)), repr(job.error)
