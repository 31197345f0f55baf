"""The snapshot envelope: msgpack fields around the pickled payload, with an HMAC.

Layout (all msgpack)::

    [MAGIC, FORMAT, body, tag]
    body = {"statek_vm": ..., "python": "3.11", "program": {...}, "job": {...}, "payload": bytes}
    tag  = HMAC-SHA256(key, body)   or None for an unsigned snapshot

Unpickling is code execution, so :func:`open_envelope` checks the tag over
the exact body bytes before anything is unpickled, and refuses an unsigned
snapshot unless the application explicitly allows it.  msgpack itself runs
no code, so reading the outer array before the check is safe.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import msgpack  # type: ignore[import-untyped]

from statek_vm.exceptions import SnapshotError

MAGIC = "statek-vm-snapshot"
FORMAT = 1


def seal(body: dict[str, Any], key: bytes | None) -> bytes:
    packed = msgpack.packb(body, use_bin_type=True)
    tag = hmac.new(key, packed, hashlib.sha256).digest() if key is not None else None
    return msgpack.packb([MAGIC, FORMAT, packed, tag], use_bin_type=True)  # type: ignore[no-any-return]


def open_envelope(data: bytes, *, key: bytes | None, allow_unsigned: bool) -> dict[str, Any]:
    """The verified body of a snapshot; ``SnapshotError`` for anything else."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise SnapshotError(f"a snapshot is bytes, not {type(data).__name__}")
    try:
        outer = msgpack.unpackb(bytes(data), raw=False, use_list=True)
    except Exception as error:  # noqa: BLE001 - every decoding failure is a refused snapshot
        raise SnapshotError(f"not a statek_vm snapshot, or a truncated one ({type(error).__name__})") from None
    if not (isinstance(outer, list) and len(outer) == 4 and outer[0] == MAGIC):
        raise SnapshotError("not a statek_vm snapshot")
    _, fmt, packed, tag = outer
    if fmt != FORMAT:
        raise SnapshotError(f"snapshot format {fmt!r} is not supported: this statek_vm reads format {FORMAT}")
    if not isinstance(packed, bytes):
        raise SnapshotError("corrupt snapshot: the body is not bytes")
    if tag is None:
        if key is not None:
            raise SnapshotError("the snapshot is unsigned but a key was given: refusing it")
        if not allow_unsigned:
            raise SnapshotError(
                "the snapshot is unsigned: pass the key it was signed with, or allow_unsigned=True "
                "if it comes from a trusted place (unpickling runs code)"
            )
    else:
        if key is None:
            if not allow_unsigned:
                raise SnapshotError("the snapshot is signed: pass key= to check it (or allow_unsigned=True to skip)")
        else:
            expected = hmac.new(key, packed, hashlib.sha256).digest()
            if not (isinstance(tag, bytes) and hmac.compare_digest(tag, expected)):
                raise SnapshotError("the snapshot's integrity check failed: wrong key, or the bytes were changed")
    try:
        body = msgpack.unpackb(packed, raw=False, use_list=True)
    except Exception as error:  # noqa: BLE001
        raise SnapshotError(f"corrupt snapshot body ({type(error).__name__})") from None
    if not isinstance(body, dict) or not isinstance(body.get("payload"), bytes):
        raise SnapshotError("corrupt snapshot: missing payload")
    return body
