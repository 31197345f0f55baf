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
import types
from typing import Any

import dill  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError
from statek_vm.program.code_unit import CodeUnit
from statek_vm.program.program import Program
from statek_vm.vm import runtime
from statek_vm.vm.objects import VMFunction


class _Pickler(dill.Pickler):  # type: ignore[misc]
    def __init__(self, file: io.BytesIO, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL, recurse=False, byref=False)
        self._program = program
        self._bindings = {id(value): name for name, value in bindings.items() if not _plain_value(value)}
        self._builtins = builtins
        self._runtime = {id(fn): name for name, fn in runtime.namespace().items() if type(fn) is VMFunction}

    def persistent_id(self, obj: Any) -> Any:
        t = type(obj)
        refused = _REFUSED.get(t)
        if refused is None:
            refused = _REFUSED[t] = issubclass(t, _REFUSED_BASES)
        if refused:
            # dill would pickle an open file by its path and position, and
            # reopen it wherever the job resumes: refuse instead.
            raise pickle.PicklingError(f"cannot snapshot {t.__module__}.{t.__qualname__}: it is an open resource")
        i = id(obj)
        if obj is self._builtins:
            return ("builtins",)
        name = self._bindings.get(i)
        if name is not None:
            return ("binding", name)
        if t is types.ModuleType:
            return ("module", obj.__name__)
        if t is CodeUnit and obj.program is self._program:
            return ("unit", obj.index)
        if t is Program and obj is self._program:
            return ("program",)
        if t is VMFunction:
            runtime_name = self._runtime.get(i)
            if runtime_name is not None:
                return ("runtime", runtime_name)
        return None


class _Unpickler(dill.Unpickler):  # type: ignore[misc]
    def __init__(
        self, file: io.BytesIO, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]
    ) -> None:
        super().__init__(file)
        self._program = program
        self._bindings = bindings
        self._builtins = builtins

    def persistent_load(self, pid: Any) -> Any:
        kind = pid[0]
        if kind == "builtins":
            return self._builtins
        if kind == "binding":
            name = pid[1]
            if name not in self._bindings:
                raise SnapshotError(
                    f"the snapshot needs the host binding {name!r}, which was not passed to Job.loads(globals=...)"
                )
            return self._bindings[name]
        if kind == "module":
            import importlib

            return importlib.import_module(pid[1])
        if kind == "unit":
            return self._program.units[pid[1]]
        if kind == "program":
            return self._program
        if kind == "runtime":
            return runtime.namespace()[pid[1]]
        raise SnapshotError(f"unknown reference {pid!r} in snapshot payload")


# Open files and sockets are state outside the process: never pickled.
_REFUSED_BASES: tuple[type, ...] = (io.IOBase, socket.socket)
_REFUSED: dict[type, bool] = {}


def _plain_value(value: Any) -> bool:
    # Small immutable values are stored by value even when they came in as
    # bindings: their identity is not meaningful (ints and strings are shared).
    return value is None or type(value) in (bool, int, float, str, bytes, complex, tuple, frozenset)


def dump_payload(state: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, program=program, bindings=bindings, builtins=builtins).dump(state)
    return buffer.getvalue()


def load_payload(data: bytes, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> Any:
    return _Unpickler(io.BytesIO(data), program=program, bindings=bindings, builtins=builtins).load()


def check_picklable(value: Any, *, program: Program, bindings: dict[str, Any], builtins: dict[str, Any]) -> None:
    """Raise the pickling error of ``value`` alone, if any."""
    dump_payload(value, program=program, bindings=bindings, builtins=builtins)
