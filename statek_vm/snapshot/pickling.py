"""The payload of a snapshot: a job's frames and namespace, pickled.

dill pickles what ``pickle`` cannot: script classes (by value), cells,
closures, code objects.  Some objects must *not* travel by value:

* **host bindings** — the objects the application passed in ``globals=``
  (tools, connections, temporal functions, deps).  They belong to the
  application; a snapshot stores their names and ``Job.loads`` takes them
  again from the application.  A missing one is an error naming it.
* **modules** — stored by name, imported again on load.
* **the script's builtins** — recreated for the loaded job (its ``print``
  writes to the loaded job's output).
* **code units of the job's program** — stored as unit indexes; the program
  itself is stored once, in the envelope, and checked against its hash.
* **the VM's runtime functions** — stored by name.
"""

from __future__ import annotations

import io
import pickle
import socket
import threading
import types
from typing import Any

import dill  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError
from statek_vm.program.code_unit import CodeUnit
from statek_vm.program.program import Program
from statek_vm.vm import runtime
from statek_vm.vm.objects import VMFunction


class _References:
    """Which objects travel by name (``persistent_id``), and how they come back."""

    def __init__(self, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> None:
        self.program = program
        self.bindings = bindings
        self.builtins = builtins
        self.binding_ids = {id(value): name for name, value in bindings.items() if not _plain_value(value)}
        self.plain_container_bindings = any(type(v) in (list, dict, set) for v in bindings.values())

    def persistent_id(self, obj: Any) -> Any:
        # Called for every object pickled: the common immutable values leave first.
        t = type(obj)
        if t in _BY_VALUE:
            return None
        return self.reference(obj, t)

    def reference(self, obj: Any, t: type) -> Any:
        """``obj``'s reference if it travels by name, else ``None``."""
        refused = _REFUSED.get(t)
        if refused is None:
            refused = _REFUSED[t] = issubclass(t, _REFUSED_BASES)
        if refused:
            # dill would pickle an open file by its path and position, and
            # reopen it wherever the job resumes: refuse instead.
            raise pickle.PicklingError(f"cannot snapshot {t.__module__}.{t.__qualname__}: it is an open resource")
        if obj is self.builtins:
            return ("builtins",)
        i = id(obj)
        name = self.binding_ids.get(i)
        if name is not None:
            return ("binding", name)
        if t is types.ModuleType:
            return ("module", obj.__name__)
        if t is CodeUnit and obj.program is self.program:
            return ("unit", obj.index)
        if t is Program and obj is self.program:
            return ("program",)
        if t is VMFunction:
            runtime_name = _runtime_names().get(i)
            if runtime_name is not None:
                return ("runtime", runtime_name)
        if t is types.FunctionType:
            name = obj.__name__
            if self.builtins.get(name) is obj:
                # The job's own print, on the stack of a call that waits for
                # an argument: rebuilt for the loaded job, which it writes to.
                return ("builtin", name)
        return None

    def persistent_load(self, pid: Any) -> Any:
        kind = pid[0]
        if kind == "builtins":
            return self.builtins
        if kind == "builtin":
            return self.builtins[pid[1]]
        if kind == "binding":
            name = pid[1]
            if name not in self.bindings:
                raise SnapshotError(
                    f"the snapshot needs the host binding {name!r}, which was not passed to Job.loads(globals=...)"
                )
            return self.bindings[name]
        if kind == "module":
            import importlib

            return importlib.import_module(pid[1])
        if kind == "unit":
            return self.program.units[pid[1]]
        if kind == "program":
            return self.program
        if kind == "runtime":
            return runtime.namespace()[pid[1]]
        raise SnapshotError(f"unknown reference {pid!r} in snapshot payload")


class _FastPickler(pickle.Pickler):
    """The C pickler: most jobs need nothing more (cells aside, handled here).

    References are made in ``reducer_override``, which the C pickler does not
    call for ints, strings, tuples, lists and dicts: most of a job's objects
    never reach Python code.  The script's builtins dict is a dict subclass so
    that it does.  Only when a host binding is itself a plain list, dict or
    set (which ``reducer_override`` never sees) is the slower
    ``persistent_id``, called for every object, used instead.
    """

    def __init__(self, file: io.BytesIO, refs: _References) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._refs = refs
        if refs.plain_container_bindings:
            self.persistent_id = refs.persistent_id  # type: ignore[method-assign]

    def reducer_override(self, obj: Any) -> Any:
        t = type(obj)
        if t is types.CellType:
            # Object first, contents after: a closure cell may hold the
            # function that closes over it.
            try:
                contents = obj.cell_contents
            except ValueError:
                return (types.CellType, ())
            return (types.CellType, (), None, None, None, _set_cell_contents, contents)
        ref = self._refs.reference(obj, t)
        if ref is not None:
            return (_resolve, ref)
        return NotImplemented


class _Loading(threading.local):
    refs: _References | None = None


_loading = _Loading()


def _resolve(*ref: Any) -> Any:
    """A reference made by ``reducer_override``, resolved by the load in progress."""
    refs = _loading.refs
    if refs is None:
        raise SnapshotError("a statek_vm snapshot reference can only be loaded by Job.loads")
    return refs.persistent_load(ref)


def _set_cell_contents(cell: Any, contents: Any) -> None:
    cell.cell_contents = contents


class _DillPickler(dill.Pickler):  # type: ignore[misc]
    """dill, for what the C pickler cannot do: script classes by value, lambdas, code."""

    def __init__(self, file: io.BytesIO, refs: _References) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL, recurse=False, byref=False)
        self._refs = refs

    def persistent_id(self, obj: Any) -> Any:
        return self._refs.persistent_id(obj)


class _FastUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, refs: _References) -> None:
        super().__init__(file)
        self.persistent_load = refs.persistent_load  # type: ignore[method-assign]


class _DillUnpickler(dill.Unpickler):  # type: ignore[misc]
    def __init__(self, file: io.BytesIO, refs: _References) -> None:
        super().__init__(file)
        self._refs = refs

    def persistent_load(self, pid: Any) -> Any:
        return self._refs.persistent_load(pid)


# Values pickled by value whatever they are bound to (see _plain_value).
_BY_VALUE: frozenset[type] = frozenset({int, float, str, bytes, bool, type(None), complex})

_runtime_ids: dict[int, str] = {}


def _runtime_names() -> dict[int, str]:
    if not _runtime_ids:
        _runtime_ids.update({id(fn): name for name, fn in runtime.namespace().items() if type(fn) is VMFunction})
    return _runtime_ids


# Open files and sockets are state outside the process: never pickled.
_REFUSED_BASES: tuple[type, ...] = (io.IOBase, socket.socket)
_REFUSED: dict[type, bool] = {}


def _plain_value(value: Any) -> bool:
    # Small immutable values are stored by value even when they came in as
    # bindings: their identity is not meaningful (ints and strings are shared).
    return value is None or type(value) in (bool, int, float, str, bytes, complex, tuple, frozenset)


# The first byte of a payload says which unpickler reads it.
_FAST, _DILL = b"P", b"D"


def dump_payload(state: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> bytes:
    """``state`` pickled: by the C pickler when it can, else by dill.

    Measured on a small frame (``benchmarks/latency.py``), the C pickler is
    several times faster; dill is needed only for script classes (stored by
    value), lambdas of host code and other objects pickle stores by reference.
    """
    refs = _References(program=program, bindings=bindings, builtins=builtins)
    buffer = io.BytesIO()
    try:
        _FastPickler(buffer, refs).dump(state)
        return _FAST + buffer.getvalue()
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        if "open resource" in str(error):
            raise
    buffer = io.BytesIO()
    _DillPickler(buffer, refs).dump(state)
    return _DILL + buffer.getvalue()


def load_payload(data: bytes, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> Any:
    refs = _References(program=program, bindings=bindings, builtins=builtins)
    kind, body = data[:1], io.BytesIO(data[1:])
    if kind == _FAST:
        _loading.refs = refs
        try:
            return _FastUnpickler(body, refs).load()
        finally:
            _loading.refs = None
    if kind == _DILL:
        return _DillUnpickler(body, refs).load()
    raise SnapshotError(f"unknown payload kind {kind!r}")


def check_picklable(value: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> None:
    """Raise the pickling error of ``value`` alone, if any."""
    dump_payload(value, program=program, bindings=bindings, builtins=builtins)
