"""The snapshot envelope: msgpack fields around the pickled payload, with an HMAC.

Layout (all msgpack)::

    [MAGIC, FORMAT, body, tag]
    body = [statek_vm, python, program_hash, filename, mode, source,
            id, status, next_instr_num, line, function, awaited, created, history,
            payload]
    tag  = HMAC-SHA256(key, body)   or None for an unsigned snapshot

The body is an array in the order of :data:`FIELDS` rather than a map: a
small job's snapshot is mostly its field names otherwise.  For the same
reason the program hash and a hex job id travel as raw bytes, and ``mode``
is ``None`` for ``"exec"``.  :func:`read_header` gives the fields by name, for
tools that look at a snapshot without loading it.

Unpickling is code execution, so :func:`open_envelope` checks the tag over
the exact body bytes before anything is unpickled, and refuses an unsigned
snapshot unless the application explicitly allows it.  msgpack itself runs
no code, so reading the outer array before the check is safe.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from typing import Any

import msgpack  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError

MAGIC = "statek-vm-snapshot"
# 1: the body was a map with long keys.  2: the body is an array (FIELDS).
FORMAT = 2

FIELDS = (
    "statek_vm",
    "python",
    "program_hash",
    "filename",
    "mode",
    "source",
    "id",
    "status",
    "next_instr_num",
    "line",
    "function",
    "awaited",
    "created",
    "history",
    "payload",
)
"""The body's fields, in order; the payload is last."""

(
    STATEK_VM,
    PYTHON,
    PROGRAM_HASH,
    FILENAME,
    MODE,
    SOURCE,
    ID,
    STATUS,
    NEXT_INSTR_NUM,
    LINE,
    FUNCTION,
    AWAITED,
    CREATED,
    HISTORY,
    PAYLOAD,
) = range(len(FIELDS))

_pack = msgpack.Packer(use_bin_type=True, autoreset=True).pack


def seal(body: Sequence[Any], key: bytes | None) -> bytes:
    """The snapshot bytes of ``body`` (values in :data:`FIELDS` order), signed with ``key``."""
    packed = _pack(body)
    tag = _tag(key, packed) if key is not None else None
    return _pack((MAGIC, FORMAT, packed, tag))  # type: ignore[no-any-return]


def open_envelope(data: bytes, *, key: bytes | None, allow_unsigned: bool) -> list[Any]:
    """The verified body of a snapshot, in :data:`FIELDS` order; ``SnapshotError`` for anything else."""
    packed = _verified_body(data, key=key, allow_unsigned=allow_unsigned)
    return _unpack_body(packed)


def signed_with(data: bytes, key: bytes) -> bool:
    """Whether ``data`` is a snapshot of this format signed with ``key`` (its tag checked, nothing unpickled)."""
    try:
        _verified_body(data, key=key, allow_unsigned=False)
    except SnapshotError:
        return False
    return True


def read_header(data: bytes) -> dict[str, Any]:
    """The fields of a snapshot by name, without its payload, **unverified**.

    For looking at a snapshot (which job, waiting where, for what) without
    its key.  Nothing is unpickled, so this is safe on any bytes; but the
    fields are not checked against the snapshot's signature: trust them only
    as far as you trust where the bytes came from.
    """
    body = _unpack_body(_verified_body(data, key=None, allow_unsigned=True))
    header = dict(zip(FIELDS, body, strict=True))
    del header["payload"]
    header["program_hash"] = body[PROGRAM_HASH].hex()
    header["id"] = unpack_id(body[ID])
    header["mode"] = body[MODE] or "exec"
    header["history"] = unpack_events(body[HISTORY])
    return header


def _verified_body(data: bytes, *, key: bytes | None, allow_unsigned: bool) -> bytes:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise SnapshotError(f"a snapshot is bytes, not {type(data).__name__}")
    try:
        outer = msgpack.unpackb(data, raw=False, use_list=False)
    except Exception as error:  # noqa: BLE001 - every decoding failure is a refused snapshot
        raise SnapshotError(f"not a statek_vm snapshot, or a truncated one ({type(error).__name__})") from None
    if not (type(outer) is tuple and len(outer) == 4 and outer[0] == MAGIC):
        raise SnapshotError("not a statek_vm snapshot")
    _, fmt, packed, tag = outer
    if fmt != FORMAT:
        raise SnapshotError(f"snapshot format {fmt!r} is not supported: this statek_vm reads format {FORMAT}")
    if type(packed) is not bytes:
        raise SnapshotError("corrupt snapshot: the body is not bytes")
    if tag is None:
        if key is not None:
            raise SnapshotError("the snapshot is unsigned but a key was given: refusing it")
        if not allow_unsigned:
            raise SnapshotError(
                "the snapshot is unsigned: pass the key it was signed with, or allow_unsigned=True "
                "if it comes from a trusted place (unpickling runs code)"
            )
    elif key is None:
        if not allow_unsigned:
            raise SnapshotError("the snapshot is signed: pass key= to check it (or allow_unsigned=True to skip)")
    elif not (type(tag) is bytes and hmac.compare_digest(tag, _tag(key, packed))):
        raise SnapshotError("the snapshot's integrity check failed: wrong key, or the bytes were changed")
    return packed


def _tag(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) of ``message`` under ``key``: ``hmac.digest(key, message, "sha256")``.

    Built from SHA-256 states already fed the padded key, copied for each
    message: ``hmac.digest`` sets OpenSSL's HMAC up again on every call,
    which costs more than hashing a small snapshot.
    """
    pads = _pads.get(key)
    if pads is None:
        if len(_pads) >= _MAX_KEYS:
            _pads.clear()
        block = hashlib.sha256(key).digest() if len(key) > _BLOCK else key
        block = block.ljust(_BLOCK, b"\0")
        inner_pad = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        outer_pad = hashlib.sha256(bytes(b ^ 0x5C for b in block))
        pads = _pads[key] = (inner_pad, outer_pad)
    inner = pads[0].copy()
    inner.update(message)
    outer = pads[1].copy()
    outer.update(inner.digest())
    return outer.digest()


_BLOCK = 64  # SHA-256's block size
_MAX_KEYS = 64  # keys whose pads are kept; an application has one or a few
_pads: dict[bytes, tuple[Any, Any]] = {}


def _unpack_body(packed: bytes) -> list[Any]:
    try:
        body = msgpack.unpackb(packed, raw=False, use_list=True)
    except Exception as error:  # noqa: BLE001
        raise SnapshotError(f"corrupt snapshot body ({type(error).__name__})") from None
    if not (type(body) is list and len(body) == len(FIELDS) and type(body[PAYLOAD]) is bytes):
        raise SnapshotError("corrupt snapshot: missing payload")
    return body


# -- compact job fields -------------------------------------------------------------


def pack_id(job_id: str) -> str | bytes:
    """A job id for the body: a UUID hex string as its 16 bytes, anything else as it is."""
    if len(job_id) == 32:
        try:
            raw = bytes.fromhex(job_id)
        except ValueError:
            return job_id
        if raw.hex() == job_id:  # lower case: it comes back the same
            return raw
    return job_id


def unpack_id(packed: str | bytes) -> str:
    return packed.hex() if type(packed) is bytes else str(packed)


def unpack_events(packed: Any) -> list[dict[str, Any]]:
    if type(packed) is not list:
        raise SnapshotError("corrupt snapshot: history is not a list of events")
    return packed
