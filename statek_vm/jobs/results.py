"""A completed job's result as a store keeps it: signed pickle, JSON and repr.

``Job.result`` is a live Python value.  A store keeps three forms of it,
made once by the worker where the value lives (:func:`keep_result`):

* the value pickled, with an HMAC-SHA256 tag first (the store's key, as
  snapshots), so that ``store.get(id).result`` is the value again in any
  process that has the key; the tag is checked before anything is unpickled;
* its JSON text when ``json.dumps`` takes it, for ``statek-vm show --json``
  and other languages;
* its ``repr``, for people.

Only values that pickle on their own are pickled: plain data, and objects of
classes that any process can import.  The script's own objects (instances of
its classes, its functions, generators, futures) live in the script's
program and do not: for those the store keeps the ``repr`` alone and says so
(``JobRecord.result_is_repr``).  A result that cannot be kept never fails
the job's completion.
"""

from __future__ import annotations

import dataclasses
import hmac
import io
import json
import pickle
from typing import Any

from statek_vm.exceptions import SnapshotError

__all__ = ["REPR_LIMIT", "KeptResult", "keep_result", "load_result", "signed_with"]

_DOMAIN = b"statek_vm job result\x00"
# The longest repr kept (in characters); a longer one ends with "...".
REPR_LIMIT = 10_000


@dataclasses.dataclass(frozen=True)
class KeptResult:
    """The forms of one result: ``data`` (signed pickle, or None when it does not pickle), ``json``, ``repr``."""

    data: bytes | None
    json: str | None
    repr: str


def keep_result(value: Any, key: bytes) -> KeptResult:
    """The forms of ``value`` a store keeps; never raises for a value that does not pickle or repr."""
    text = _repr(value)
    try:
        payload = _dumps(value)
    except Exception:  # noqa: BLE001 - a value that does not pickle keeps its repr, whatever the reason
        data = None
    else:
        data = hmac.digest(key, _DOMAIN + payload, "sha256") + payload
    try:
        as_json: str | None = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        as_json = None
    except Exception:  # noqa: BLE001 - a script's __iter__ or __float__ may raise anything
        as_json = None
    return KeptResult(data, as_json, text)


def signed_with(data: bytes, key: bytes) -> bool:
    """Whether ``data`` (a kept result's) carries the tag of ``key``; nothing is unpickled."""
    tag, payload = data[:32], data[32:]
    return len(data) >= 33 and hmac.compare_digest(tag, hmac.digest(key, _DOMAIN + payload, "sha256"))


def load_result(data: bytes, key: bytes) -> Any:
    """The value of :func:`keep_result`'s ``data``, its tag checked first (:class:`SnapshotError` if it fails)."""
    if not signed_with(data, key):
        raise SnapshotError("the job's result does not match the store's key: refused to load it")
    return pickle.loads(data[32:])


def _repr(value: Any) -> str:
    try:
        text = repr(value)
    except Exception as error:  # noqa: BLE001 - a script's __repr__ may raise anything
        t = type(value)
        return f"<{t.__module__}.{t.__qualname__} object: its repr raised {type(error).__name__}: {error}>"
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + "..."
    return str(text)


class _Pickler(pickle.Pickler):
    """A pickler that refuses the VM's objects (the script's functions, frames, futures ...).

    They belong to the job's program and bindings: pickled here they would
    drag in the job's namespace, or fail in a process without them.
    """

    def reducer_override(self, obj: Any) -> Any:
        module = getattr(type(obj), "__module__", "") or ""
        if module == "statek_vm" or module.startswith("statek_vm."):
            raise pickle.PicklingError(f"a {type(obj).__qualname__} is the VM's, kept by its repr")
        return NotImplemented


def _dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()
