"""Run a script natively and on the VM, and compare what each run produced.

A run is reduced to an :class:`Outcome`: the printed output, a summary of the
module globals that never contains memory addresses, and, when the script
raised, the exception's type, message and the script frames of its traceback.
Two runs of the same script agree when their outcomes are equal.

The native run executes the script the way the VM promises to: compiled with
the script's filename, in a fresh ``__main__`` namespace, with its standard
output (``print``, ``sys.stdout``) captured.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import difflib
import io
import traceback
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).parent / "corpus"

# A script that is meant to end with an uncaught exception says so on its
# first line, e.g. ``# expect-error: ZeroDivisionError``.
EXPECT_ERROR_PREFIX = "# expect-error:"

COMPLETED = "COMPLETED"
FAILED = "FAILED"

# Exact types (not subclasses) whose repr is safe to compare: it never runs
# script code and never shows an address.
_SCALAR_TYPES = (type(None), bool, int, float, complex, str, bytes)

# Containers deeper than this are summarised, so that a self-referencing or
# very deep structure cannot make the summary itself fail.
_MAX_DEPTH = 20


@dataclass(frozen=True)
class Frame:
    """One traceback entry that belongs to the script."""

    name: str
    lineno: int | None


@dataclass
class Outcome:
    """What one run of a script produced, in a form two runs can be compared by."""

    status: str
    output: str
    namespace: dict[str, str]
    exc_type: str | None = None
    exc_message: str | None = None
    # Line of the innermost traceback entry that belongs to the script.
    exc_line: int | None = None
    # Every script entry of the traceback, outermost first.
    exc_frames: tuple[Frame, ...] = ()
    # "Type: message" of the explicit cause and of the implicit context.
    exc_cause: str | None = None
    exc_context: str | None = None
    # The full formatted traceback helps when reading a failure; it names
    # host files and VM internals, so it is never compared.
    detail: str = field(default="", compare=False)


def corpus_scripts() -> list[Path]:
    """Every corpus script, in name order."""
    return sorted(CORPUS_DIR.glob("[0-9][0-9][0-9]_*.py"))


def expected_error(source: str) -> str | None:
    """The exception type a script declares it ends with, or None."""
    first_line = source.split("\n", 1)[0]
    if first_line.startswith(EXPECT_ERROR_PREFIX):
        return first_line[len(EXPECT_ERROR_PREFIX) :].strip()
    return None


# --------------------------------------------------------------------------
# Running


def run_native(source: str, filename: str) -> Outcome:
    """Execute ``source`` with CPython itself, capturing what it prints."""
    buffer = io.StringIO()
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": dict(vars(builtins))}
    error: BaseException | None = None
    try:
        # dont_inherit: this module's own ``from __future__`` imports must not
        # leak into the script (they would turn its annotations into strings).
        code = compile(source, filename, "exec", dont_inherit=True)
        # The script's stdout (print, sys.stdout.write) is captured, as a
        # job's output is.
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - the script's own failure is the result
        error = exc
    return _outcome(
        status=FAILED if error is not None else COMPLETED,
        output=buffer.getvalue(),
        namespace=namespace,
        error=error,
        filename=filename,
    )


class VMUnavailable(Exception):
    """``statek_vm.run`` cannot be imported yet."""


def vm_run_function() -> Any:
    """``statek_vm.run``, or raise :class:`VMUnavailable`."""
    try:
        import statek_vm
    except ImportError as exc:
        raise VMUnavailable(f"statek_vm cannot be imported: {exc}") from exc
    run = getattr(statek_vm, "run", None)
    if run is None:
        raise VMUnavailable("statek_vm has no attribute 'run'")
    return run


def run_vm(source: str, filename: str) -> Outcome:
    """Execute ``source`` as a statek_vm job."""
    run = vm_run_function()
    job = run(source, filename=filename)
    status = job.status
    status = str(getattr(status, "value", status))
    error = job.error if status == FAILED else None
    return _outcome(
        status=status,
        output=job.output,
        namespace=job.namespace,
        error=error,
        filename=filename,
    )


# --------------------------------------------------------------------------
# Summaries


def _outcome(
    *, status: str, output: str, namespace: dict[str, Any] | None, error: BaseException | None, filename: str
) -> Outcome:
    outcome = Outcome(status=status, output=output, namespace=summarize_namespace(namespace or {}))
    if error is not None:
        frames = script_frames(error, filename)
        outcome.exc_type = type(error).__qualname__
        outcome.exc_message = _safe_str(error)
        outcome.exc_frames = frames
        outcome.exc_line = frames[-1].lineno if frames else None
        outcome.exc_cause = _describe_exception(error.__cause__)
        outcome.exc_context = _describe_exception(error.__context__)
        tail, _ = _traceback_tail(error.__traceback__)
        outcome.detail = "".join(traceback.format_exception(type(error), error, tail))
    return outcome


def script_frames(error: BaseException, filename: str) -> tuple[Frame, ...]:
    """The traceback entries of ``error`` that are in the script, outermost first.

    A traceback deeper than :data:`MAX_TRACEBACK` entries (only a run that
    recursed far past CPython's limit has one) keeps its innermost entries,
    after a marker saying how many outer entries were left out.
    """
    tail, skipped = _traceback_tail(error.__traceback__)
    entries = traceback.extract_tb(tail)
    frames = tuple(Frame(entry.name, entry.lineno) for entry in entries if entry.filename == filename)
    if skipped:
        frames = (Frame(f"<{skipped} outer entries left out>", None), *frames)
    return frames


# CPython's default recursion limit keeps a native traceback well below this.
MAX_TRACEBACK = 3000


def _traceback_tail(tb: types.TracebackType | None) -> tuple[types.TracebackType | None, int]:
    """The innermost MAX_TRACEBACK entries of ``tb``, and how many were skipped."""
    depth = 0
    entry = tb
    while entry is not None:
        depth += 1
        entry = entry.tb_next
    skipped = max(0, depth - MAX_TRACEBACK)
    for _ in range(skipped):
        assert tb is not None
        tb = tb.tb_next
    return tb, skipped


def _describe_exception(error: BaseException | None) -> str | None:
    if error is None:
        return None
    return f"{type(error).__qualname__}: {_safe_str(error)}"


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception as exc:  # noqa: BLE001 - a broken __str__ must not hide the outcome
        return f"<str() failed: {type(exc).__qualname__}>"


def summarize_namespace(namespace: dict[str, Any]) -> dict[str, str]:
    """A comparable summary of a script's globals.

    Names starting with ``__`` are left out (``__builtins__``, ``__name__`` and
    the like belong to the runner, not the script). Values of plain builtin
    types are shown by ``repr``, containers element by element (sets sorted by
    the summary of their elements, so string hashing cannot reorder them), and
    everything else by its kind and name: ``<function outer.<locals>.f>``,
    ``<class Point>``, ``<module json>``, ``<instance Point>``. No summary ever
    runs script code or contains an address.
    """
    module_name = namespace.get("__name__", "__main__")
    # The globals dict and the builtins reachable from it differ between
    # runners (each supplies its own print and import hooks), so a script that
    # keeps a reference to them is shown the reference, not their contents.
    known = {id(namespace): "<globals>"}
    script_builtins = namespace.get("__builtins__")
    if script_builtins is not None:
        known[id(script_builtins)] = "<builtins>"
    known[id(builtins)] = "<builtins>"
    known[id(vars(builtins))] = "<builtins>"
    return {
        name: describe(value, module_name, known=known)
        for name, value in namespace.items()
        if not name.startswith("__")
    }


def describe(
    value: Any,
    module_name: str = "__main__",
    depth: int = 0,
    seen: frozenset[int] = frozenset(),
    known: dict[int, str] | None = None,
) -> str:
    """The address-free summary of one value (see :func:`summarize_namespace`)."""
    if known and id(value) in known:
        return known[id(value)]
    kind = type(value)
    if kind in _SCALAR_TYPES:
        return repr(value)
    if kind in (list, tuple, dict, set, frozenset):
        if depth >= _MAX_DEPTH:
            return f"<{kind.__name__} ...>"
        if id(value) in seen:
            return f"<recursive {kind.__name__}>"
        inner = seen | {id(value)}

        def each(item: Any) -> str:
            return describe(item, module_name, depth + 1, inner, known)

        if kind is list:
            return "[" + ", ".join(each(item) for item in value) + "]"
        if kind is tuple:
            items = [each(item) for item in value]
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if kind is dict:
            return "{" + ", ".join(f"{each(k)}: {each(v)}" for k, v in value.items()) + "}"
        items = sorted(each(item) for item in value)
        if kind is set:
            return "{" + ", ".join(items) + "}" if items else "set()"
        return "frozenset({" + ", ".join(items) + "})" if items else "frozenset()"
    return _describe_object(value, module_name)


def _describe_object(value: Any, module_name: str) -> str:
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    if isinstance(value, type):
        return f"<class {value.__qualname__}>"
    kind = type(value)
    # An instance of a class the script defined is named by its class alone:
    # asking it anything could run the script's own __getattr__ or __repr__.
    if getattr(kind, "__module__", None) == module_name:
        return f"<instance {kind.__qualname__}>"
    # Generators and coroutines: the VM may represent them with its own types,
    # so they are recognised by their protocol rather than by their class.
    if all(hasattr(kind, attr) for attr in ("send", "throw", "close")):
        return f"<generator {_attribute(value, '__qualname__') or '?'}>"
    if callable(value):
        qualname = _attribute(value, "__qualname__")
        if isinstance(qualname, str):
            return f"<function {qualname}>"
    return f"<instance {kind.__qualname__}>"


def _attribute(value: Any, name: str) -> Any:
    try:
        return getattr(value, name, None)
    except Exception:  # noqa: BLE001 - a broken attribute must not hide the outcome
        return None


# --------------------------------------------------------------------------
# Comparing


def compare(native: Outcome, vm: Outcome) -> str | None:
    """None when the outcomes agree, otherwise a readable account of how they differ."""
    if native == vm:
        return None
    parts: list[str] = []
    for f in dataclasses.fields(Outcome):
        if not f.compare or f.name in ("output", "namespace"):
            continue
        expected, actual = getattr(native, f.name), getattr(vm, f.name)
        if expected != actual:
            parts.append(f"{f.name}: native {_brief(expected)}, vm {_brief(actual)}")
    if native.output != vm.output:
        diff = difflib.unified_diff(
            native.output.splitlines(keepends=True),
            vm.output.splitlines(keepends=True),
            fromfile="native output",
            tofile="vm output",
        )
        parts.append("output differs:\n" + "".join(diff))
    if native.namespace != vm.namespace:
        lines = []
        for name in sorted(set(native.namespace) | set(vm.namespace)):
            expected = native.namespace.get(name, "<missing>")
            actual = vm.namespace.get(name, "<missing>")
            if expected != actual:
                lines.append(f"  {name}: native {_brief(expected, raw=True)}, vm {_brief(actual, raw=True)}")
        parts.append("namespace differs:\n" + "\n".join(lines))
    if vm.detail:
        parts.append("vm traceback:\n" + vm.detail)
    if native.detail:
        parts.append("native traceback:\n" + native.detail)
    return "\n".join(parts)


def _brief(value: object, *, raw: bool = False, limit: int = 600) -> str:
    """A compared value, shortened so one mismatch stays readable.

    ``raw`` strings (namespace summaries) are shown as they are, anything else
    by repr.
    """
    if isinstance(value, tuple) and len(value) > 12:
        head = ", ".join(repr(v) for v in value[:4])
        tail = ", ".join(repr(v) for v in value[-6:])
        return f"({head}, ... {len(value) - 10} more ..., {tail})"
    text = value if raw and isinstance(value, str) else repr(value)
    if len(text) > limit:
        return text[: limit // 2] + f" ... ({len(text) - limit} characters) ... " + text[-limit // 2 :]
    return text
