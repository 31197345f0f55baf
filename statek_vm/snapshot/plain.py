"""The plain payload: a job made of plain values, written as msgpack without pickle.

Most suspended jobs are a few frames over a namespace of numbers, strings,
lists and dicts, waiting for one future.  Pickling them costs mostly the
pickler's calls back into Python for each frame, future and reference; this
codec writes such a job directly, in one walk over its values, and reads it
back in one ``msgpack.unpackb`` whose only Python calls are for the few
values that are not msgpack's own (references, frames, futures, tuples).

It is a fast path, not a second serializer: :func:`encode` returns ``None``
whenever the job holds anything it does not know exactly, and the job is
pickled instead (:mod:`.pickling`).  What it knows:

* ``None``, ``bool``, ``int``, ``float``, ``str``, ``bytes`` (exact types, not
  subclasses: a subclass may carry state or behaviour msgpack would drop);
* ``list``, ``dict``, ``set``, ``bytearray`` — each met **once**.  msgpack
  has no references, so a mutable container met twice (two names bound to one
  list, or a cycle) would come back as two copies: such a job is pickled,
  which keeps the sharing.  ``tuple``, ``frozenset`` and ``complex`` by value;
  dict keys and set elements only of hashable plain kinds;
* what travels by name, as :mod:`.pickling` sends it: host bindings, the
  job's builtins, modules, the program's code units, the VM's runtime
  functions and markers, and module-level functions and classes (checked to
  be what their module and name give back, as pickle does);
* objects with identity, in a table, so that they may be shared and form
  cycles: the VM's frames (without cells or generators), ``FutureResult``\\ s
  (by their fields) and instances of plain module-level classes (no
  ``__slots__``, no custom ``__new__``, ``__reduce__`` or ``__setstate__``:
  pickle would store those as class and ``__dict__`` too).

Loading runs no code of the snapshot's classes (objects are made with
``object.__new__`` and given their ``__dict__``), only imports of the modules
that named functions and classes live in, as unpickling does.
"""

from __future__ import annotations

import copyreg
import importlib
import struct
import sys
import threading
import types
from typing import Any

import msgpack  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError
from statek_vm.future import FutureResult
from statek_vm.program.code_unit import CodeUnit
from statek_vm.program.program import Program
from statek_vm.vm.frame import _SHORT_STATE, NULL, UNBOUND, Frame
from statek_vm.vm.objects import VMFunction

# Extension codes: the values msgpack has no type for.
_REF, _GLOBAL, _OBJECT, _TUPLE, _SET, _FROZENSET, _BYTEARRAY, _BIGINT, _COMPLEX, _MARKER = range(1, 11)
# The kinds of table object, first in their extension's data.
_FRAME, _FUTURE, _INSTANCE = 0, 1, 2
# A frame's globals, builtins and locals are nearly always the job's
# namespace or builtins: a number says which, in place of a reference.
_SCOPE_NAMESPACE, _SCOPE_BUILTINS = 0, 1

ExtType = msgpack.ExtType

_ATOMIC = frozenset({str, int, float, bool, bytes, type(None)})
# What msgpack writes without asking, where sharing must be looked for first.
_CONTAINERS = frozenset({list, dict, tuple, set, frozenset, bytearray})
_MUTABLE = frozenset({list, dict, set, bytearray})

_MARKERS = {id(UNBOUND): ExtType(_MARKER, b"U"), id(NULL): ExtType(_MARKER, b"N"), id(...): ExtType(_MARKER, b"E")}
_MARKER_VALUES = {b"U": UNBOUND, b"N": NULL, b"E": ...}

_KEPT_EXTS = 64
_OBJECT_EXTS = [
    [ExtType(_OBJECT, bytes([kind]) + index.to_bytes(4, "little")) for index in range(_KEPT_EXTS)]
    for kind in (_FRAME, _FUTURE)
]
_array_header = struct.Struct(">BI")  # msgpack's array 32
_CACHE_LIMIT = 4096  # entries kept by each of the caches below; cleared when full


class Unsupported(Exception):
    """The job holds something this codec does not write exactly: pickle it instead."""


class _Encoder:
    """One thread's encoder: its packer (made once: a packer sets up a large
    buffer) and the state of the walk in progress.

    msgpack writes ``None``, ``bool``, ``int``, ``float``, ``str``, ``bytes``,
    ``list`` and ``dict`` itself, in C, and asks :meth:`default` about the
    rest (``strict_types``: subclasses and tuples too).  What it cannot tell
    is whether a list or dict it writes is met twice, so the containers are
    looked through first (:meth:`scan`), each kind of value once per
    container rather than each value.
    """

    __slots__ = ("by_id", "busy", "namespace", "object_ids", "objects", "packer", "refs", "seen")

    def __init__(self) -> None:
        self.packer = msgpack.Packer(use_bin_type=True, strict_types=True, default=self.default, autoreset=True)
        self.busy = False
        self.start(None, {})

    def start(self, refs: Any, namespace: dict[str, Any]) -> None:
        self.refs = refs
        self.by_id: dict[int, tuple[Any, ...]] = {} if refs is None else refs._by_id
        self.namespace = namespace
        self.seen: set[int] = {id(namespace)}  # the mutable containers met so far
        self.objects: list[Any] = []  # the table: frames, futures, instances
        self.object_ids: dict[int, Any] = {}  # id -> the object's extension

    # -- before packing: sharing -----------------------------------------------

    def scan(self, values: Any) -> None:
        """Look through ``values`` (an iterable) for containers, and through those."""
        if set(map(type, values)) & _CONTAINERS:
            check = self.check
            for v in values:
                if type(v) in _CONTAINERS:
                    check(v)

    def check(self, container: Any) -> None:
        t = type(container)
        if t in _MUTABLE:
            key = id(container)
            if key in self.seen:
                raise Unsupported("a mutable container is shared, or part of a cycle")
            self.seen.add(key)
            if key in self.by_id:  # a host binding, stored by name: pickle does that
                raise Unsupported("a host binding that is a plain container")
        if t is dict:
            self.keys(container)
            self.scan(container.values())
        elif t is set or t is frozenset:
            self.keys(container)
        elif t is not bytearray:
            self.scan(container)

    def keys(self, keys: Any) -> None:
        """Dict keys and set elements: only of kinds that come back hashable and equal."""
        kinds = set(map(type, keys))
        if not kinds <= _ATOMIC:
            if not kinds <= _ATOMIC | {tuple} or not all(_plain_key(k) for k in keys if type(k) is tuple):
                raise Unsupported("a dict key or set element of another kind")

    # -- while packing: what msgpack does not know -------------------------------

    def default(self, v: Any) -> Any:
        ref = self.by_id.get(id(v))
        if ref is not None:
            return _ref_ext(ref)
        t = type(v)
        if t is FutureResult or t is Frame:
            return self.object(v, _FUTURE if t is FutureResult else _FRAME)
        if t is tuple:
            return ExtType(_TUPLE, self.nested(list(v)))
        if t is int:  # beyond msgpack's 64 bits
            return ExtType(_BIGINT, v.to_bytes((v.bit_length() + 8) // 8, "little", signed=True))
        marker = _MARKERS.get(id(v))
        if marker is not None:
            return marker
        if t is types.FunctionType or t is type or t is types.BuiltinFunctionType:
            if t is types.FunctionType:
                builtin = self.refs._builtin(v)
                if builtin is not None:
                    return _ref_ext(builtin)
            return _global(v)
        if t is set or t is frozenset:
            return ExtType(_SET if t is set else _FROZENSET, self.nested(list(v)))
        if t is bytearray:
            return ExtType(_BYTEARRAY, bytes(v))
        if t is complex:
            return ExtType(_COMPLEX, self.nested([v.real, v.imag]))
        if t is types.ModuleType or t is CodeUnit or t is Program or t is VMFunction:
            ref = self.refs.reference(v, t)
            if ref is None:
                raise Unsupported(f"a {t.__name__} that does not travel by name")
            return _ref_ext(ref)
        if _plain_class(t):
            return self.object(v, _INSTANCE)
        raise Unsupported(f"a {t.__module__}.{t.__qualname__}")

    def nested(self, items: list[Any]) -> bytes:
        # The thread's packer is busy with the outer value: a small one of its own.
        packer = msgpack.Packer(use_bin_type=True, strict_types=True, default=self.default, buf_size=256)
        return packer.pack(items)  # type: ignore[no-any-return]

    def object(self, obj: Any, kind: int) -> Any:
        ext = self.object_ids.get(id(obj))
        if ext is None:
            index = len(self.objects)
            if kind == _INSTANCE:
                ext = ExtType(_OBJECT, bytes([kind]) + index.to_bytes(4, "little") + _global(type(obj)).data)
            elif index < _KEPT_EXTS:
                ext = _OBJECT_EXTS[kind][index]
            else:
                ext = ExtType(_OBJECT, bytes([kind]) + index.to_bytes(4, "little"))
            self.object_ids[id(obj)] = ext
            self.objects.append(obj)
        return ext

    # -- the table ------------------------------------------------------------------

    def fields(self, obj: Any) -> list[Any]:
        """What makes ``obj`` again, after its key; checked for sharing."""
        t = type(obj)
        key = self.object_ids[id(obj)].data
        if t is Frame:
            if obj.cells or obj.kwnames is not None or obj.ret_info is not None or obj.generator is not None:
                raise Unsupported("a frame with cells, keyword names, return information or a generator")
            unit = obj.unit
            if unit.program is not self.refs.program:
                raise Unsupported("a frame of another program")
            # The VM's own lists, never seen by the script: only their values can be shared.
            fast, stack = obj.fast, obj.stack
            if type(fast) is not list or type(stack) is not list:
                raise Unsupported("a frame's fast locals or stack is not a list")
            self.scan(fast)
            self.scan(stack)
            back = obj.back
            return [
                key,
                unit.index,
                obj.pc,
                fast,
                stack,
                None if back is None else self.object(back, _FRAME),
                self.scope(obj.globals),
                self.scope(obj.builtins),
                self.scope(obj.locals),
                obj.func,
                obj.ret_mode,
                obj.depth,
            ]
        if t is FutureResult:
            fields = [key, obj._deps, obj._state_num, obj._complement, obj._condition]
            if obj._resolved:
                fields.append(obj._value)
            self.scan(fields)
            return fields
        state = obj.__dict__
        self.check(state)
        if not set(map(type, state)) <= {str}:
            raise Unsupported("an attribute name that is not a str")
        return [key, state]

    def scope(self, scope: Any) -> Any:
        if scope is self.namespace:
            return _SCOPE_NAMESPACE
        if scope is self.refs.builtins:
            return _SCOPE_BUILTINS
        if scope is not None:
            self.check(scope)
        return scope

    def encode(self, state: tuple[Any, ...]) -> bytes:
        root, frame, namespace, exc_items, awaited, output, retry = state
        if type(namespace) is not dict or type(awaited) is not FutureResult or type(exc_items) is not list:
            raise Unsupported("a namespace that is not a dict, or a future of another kind")
        if not set(map(type, namespace)) <= {str}:
            self.keys(namespace)
        self.scan(namespace.values())
        self.scan(exc_items)  # the VM's own list
        pack = self.packer.pack
        object_ = self.object
        parts = [
            pack(
                [
                    namespace,
                    object_(root, _FRAME),
                    object_(frame, _FRAME),
                    exc_items,
                    object_(awaited, _FUTURE),
                    output,
                    retry,
                ]
            )
        ]
        # The table grows as its objects' fields are packed: frames below,
        # futures' deps, instances' attributes.
        objects = self.objects
        fields = self.fields
        i = 0
        while i < len(objects):
            parts.append(pack(fields(objects[i])))
            i += 1
        # One msgpack array of the parts, packed one by one.
        return _array_header.pack(0xDD, len(parts)) + b"".join(parts)


class _Encoders(threading.local):
    kept: _Encoder | None = None


_encoders = _Encoders()


def _plain_key(key: tuple[Any, ...]) -> bool:
    return all(type(x) in _ATOMIC or (type(x) is tuple and _plain_key(x)) for x in key)


def encode(state: tuple[Any, ...], refs: Any) -> bytes | None:
    """A job's state (as ``Job.dumps`` gathers it) as a plain payload, or ``None`` to pickle it."""
    if refs.plain_container_bindings:
        return None
    encoder = _encoders.kept
    if encoder is None or encoder.busy:  # first use on this thread, or an encode within an encode
        encoder = _Encoder()
        _encoders.kept = encoder
    encoder.busy = True
    encoder.start(refs, state[2])
    try:
        return encoder.encode(state)
    except Exception:  # noqa: BLE001 - Unsupported, an unencodable str (a lone surrogate), depth: pickle it
        return None
    finally:
        encoder.start(None, {})  # nothing of this job stays reachable from the thread
        encoder.busy = False


def decode(data: memoryview, refs: Any) -> tuple[Any, ...]:
    """The state :func:`encode` wrote, its references resolved by ``refs``."""
    objects: dict[bytes, Any] = {}
    resolve = refs.resolve

    def hook(code: int, data: bytes) -> Any:
        if code == _OBJECT:
            obj = objects.get(data)
            if obj is None:
                obj = objects[data] = _new_object(data)
            return obj
        if code == _REF:
            return resolve(*_parse_ref(data))
        if code == _GLOBAL:
            return _resolve_global(data)
        if code == _TUPLE:
            return tuple(msgpack.unpackb(data, strict_map_key=False, ext_hook=hook))
        if code == _MARKER:
            return _MARKER_VALUES[data]
        if code == _SET:
            return set(msgpack.unpackb(data, strict_map_key=False, ext_hook=hook))
        if code == _FROZENSET:
            return frozenset(msgpack.unpackb(data, strict_map_key=False, ext_hook=hook))
        if code == _BYTEARRAY:
            return bytearray(data)
        if code == _BIGINT:
            return int.from_bytes(data, "little", signed=True)
        if code == _COMPLEX:
            real, imag = msgpack.unpackb(data)
            return complex(real, imag)
        raise SnapshotError(f"corrupt snapshot payload: unknown extension {code}")

    try:
        parts = msgpack.unpackb(data, strict_map_key=False, ext_hook=hook)
        namespace, root, frame, exc_items, awaited, output, retry = parts[0]
        scopes = {_SCOPE_NAMESPACE: namespace, _SCOPE_BUILTINS: refs.builtins}
        units = refs.program.units
        for i in range(1, len(parts)):
            key, *fields = parts[i]
            obj = objects.get(key)
            if obj is None:
                obj = objects[key] = _new_object(key)
            kind = key[0]
            if kind == _FRAME:
                unit, pc, fast, stack, back, globals_, builtins_, locals_, func, ret_mode, depth = fields
                obj.__setstate__(
                    (
                        units[unit],
                        pc,
                        fast,
                        stack,
                        back,
                        scopes[globals_] if type(globals_) is int else globals_,
                        scopes[builtins_] if type(builtins_) is int else builtins_,
                        scopes[locals_] if type(locals_) is int else locals_,
                        func,
                        ret_mode,
                        depth,
                    )
                )
            elif kind == _FUTURE:
                _set_future_fields(obj, fields)
            else:
                obj.__dict__.update(fields[0])
        return root, frame, namespace, exc_items, awaited, output, retry
    except SnapshotError:
        raise
    except Exception as error:  # noqa: BLE001 - a signed payload is never corrupt; an unsigned one may be
        raise SnapshotError(f"corrupt snapshot payload ({type(error).__name__})") from None


def _new_object(key: bytes) -> Any:
    kind = key[0]
    if kind == _FRAME:
        return object.__new__(Frame)
    if kind == _FUTURE:
        return object.__new__(FutureResult)
    cls = _resolve_global(key[5:])
    if not (type(cls) is type and _plain_class(cls)):
        raise SnapshotError(f"the snapshot's class {key[5:].decode()} is not a plain class here")
    return object.__new__(cls)


def _set_future_fields(future: FutureResult, fields: list[Any]) -> None:
    setattr_ = object.__setattr__
    setattr_(future, "_deps", fields[0])
    setattr_(future, "_state_num", fields[1])
    setattr_(future, "_complement", fields[2])
    setattr_(future, "_condition", fields[3])
    setattr_(future, "_resolved", len(fields) == 5)
    setattr_(future, "_value", fields[4] if len(fields) == 5 else None)
    setattr_(future, "_attribute_error", None)


# -- references ------------------------------------------------------------------------
#
# A reference of :mod:`.pickling`, ``(kind,)`` or ``(kind, name)``, is written as
# the kind's byte, then ``i`` and a unit's or internal object's number, or
# ``s`` and a name.

_INT_NAME, _STR_NAME = ord("i"), ord("s")
_ref_exts: dict[tuple[Any, ...], Any] = {}
_parsed_refs: dict[bytes, tuple[Any, ...]] = {}


def _ref_ext(ref: tuple[Any, ...]) -> Any:
    ext = _ref_exts.get(ref)
    if ext is None:
        if len(ref) == 1:
            ext = ExtType(_REF, bytes(ref))
        elif type(ref[1]) is int:
            ext = ExtType(_REF, bytes([ref[0], _INT_NAME]) + ref[1].to_bytes(4, "little"))
        else:
            ext = ExtType(_REF, bytes([ref[0], _STR_NAME]) + ref[1].encode())
        if len(_ref_exts) >= _CACHE_LIMIT:
            _ref_exts.clear()
        _ref_exts[ref] = ext
    return ext


def _parse_ref(data: bytes) -> tuple[Any, ...]:
    ref = _parsed_refs.get(data)
    if ref is None:
        if len(data) == 1:
            ref = (data[0],)
        elif data[1] == _INT_NAME:
            ref = (data[0], int.from_bytes(data[2:], "little"))
        else:
            ref = (data[0], data[2:].decode())
        if len(_parsed_refs) >= _CACHE_LIMIT:
            _parsed_refs.clear()
        _parsed_refs[data] = ref
    return ref


# -- functions and classes by module and name --------------------------------------------

# id -> (the object, its module's dict, its name, its extension), for
# functions and classes whose qualified name is a plain name.
_global_exts: dict[int, tuple[Any, dict[str, Any], str, Any]] = {}
_global_names: dict[bytes, tuple[str, list[str]]] = {}


def _global(obj: Any) -> Any:
    """A module-level function or class by module and qualified name, if that is where it is.

    Checked as pickle checks it: the name must give back this very object.
    """
    known = _global_exts.get(id(obj))
    if known is not None and known[0] is obj and known[1].get(known[2]) is obj:
        return known[3]
    module_name = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if type(module_name) is not str or type(qualname) is not str:
        raise Unsupported("a function or class without a module and a name")
    module = sys.modules.get(module_name)
    found: Any = module
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if found is not obj or module is None:
        raise Unsupported(f"{module_name}.{qualname} is not what its module gives under that name")
    ext = ExtType(_GLOBAL, f"{module_name}:{qualname}".encode())
    if "." not in qualname:
        if len(_global_exts) >= _CACHE_LIMIT:
            _global_exts.clear()
        _global_exts[id(obj)] = (obj, vars(module), qualname, ext)
    return ext


def _resolve_global(data: bytes) -> Any:
    name = _global_names.get(data)
    if name is None:
        module_name, _, qualname = data.decode().partition(":")
        name = (module_name, qualname.split("."))
        if len(_global_names) >= _CACHE_LIMIT:
            _global_names.clear()
        _global_names[data] = name
    module_name, parts = name
    obj = sys.modules.get(module_name)
    if obj is None:
        obj = importlib.import_module(module_name)
    try:
        for part in parts:
            obj = getattr(obj, part)
    except AttributeError:
        raise SnapshotError(
            f"the snapshot refers to {module_name}.{'.'.join(parts)}, which does not exist here"
        ) from None
    return obj


# -- plain classes -----------------------------------------------------------------------

_object_reduce_ex = object.__reduce_ex__
_object_reduce = object.__reduce__
_object_getstate = getattr(object, "__getstate__", None)
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class made by a class statement
_plain_classes: dict[type, bool] = {}


def _plain_class(t: type) -> bool:
    """Whether pickle would store an instance of ``t`` as its class and ``__dict__``, and nothing else."""
    plain = _plain_classes.get(t)
    if plain is None:
        plain = (
            type(t) is type
            and all(c is object or (c.__flags__ & _HEAPTYPE and "__slots__" not in vars(c)) for c in t.__mro__)
            and t.__new__ is object.__new__
            and t.__dictoffset__ != 0
        )
        if len(_plain_classes) >= _CACHE_LIMIT:
            _plain_classes.clear()
        _plain_classes[t] = plain
    # What a class can be given after it is made is looked at every time.
    return (
        plain
        and t.__reduce_ex__ is _object_reduce_ex  # type: ignore[comparison-overlap]
        and t.__reduce__ is _object_reduce  # type: ignore[comparison-overlap]
        and getattr(t, "__getstate__", None) is _object_getstate
        and not hasattr(t, "__setstate__")
        and not hasattr(t, "__getnewargs_ex__")
        and not hasattr(t, "__getnewargs__")
        and t not in copyreg.dispatch_table
    )
