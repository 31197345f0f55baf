"""Polling suspended jobs: the awaited future alone, its keys, bounded checks.

A sweep checks the condition of every suspended job's awaited future.  It
must be cheap, so it never loads whole jobs: when a job suspends, the runner
stores its awaited future alone (:func:`dump_awaited`, signed like a
snapshot), and a worker unpickles each one once and keeps it while the job's
row stays at the same version.

Each check is bounded in time (:class:`BoundedCheck`): a condition that
overruns is interrupted and recorded on its job, which stays suspended.
"""

from __future__ import annotations

import builtins
import ctypes
import hmac
import threading
import time
from collections.abc import Callable
from typing import Any

from statek_vm.exceptions import SnapshotError, StatekError
from statek_vm.future import is_future
from statek_vm.job import ScriptBuiltins, _script_import
from statek_vm.jobs.background import start_periodic
from statek_vm.program.program import compile_program
from statek_vm.snapshot import dump_payload, load_payload

__all__ = [
    "KEY_ATTRIBUTE",
    "BoundedCheck",
    "ConditionTimeout",
    "dependency_keys",
    "dump_awaited",
    "load_awaited",
    "polling_namespace",
]

# The attribute a deps object names its dependency key with.
KEY_ATTRIBUTE = "__statek_key__"


# -- dependency keys ------------------------------------------------------------


def dependency_keys(future: Any) -> tuple[str, ...]:
    """The keys that :meth:`Runner.notify` wakes ``future``'s job with.

    Found in the future's ``deps``: a string is a key itself; an object
    names its key with a ``__statek_key__`` attribute (or method); tuples and
    lists, and the inputs of ``get_any_future``/``get_all_future``, give the
    keys of their items::

        class ApprovalRequest:
            def __init__(self, request_id):
                self.request_id = request_id

            @property
            def __statek_key__(self):
                return f"approval:{self.request_id}"

    A future without keys is still found by polling.
    """
    found: list[str] = []
    _collect(future, found, 0)
    return tuple(dict.fromkeys(found))


def _collect(obj: Any, found: list[str], depth: int) -> None:
    if depth > 8 or len(found) > 64:
        return
    if is_future(obj):
        # Only the future's own API: anything else would read its value.
        _collect(obj.deps, found, depth + 1)
    elif isinstance(obj, str):
        found.append(obj)
    elif isinstance(obj, (tuple, list)):
        for item in obj[:64]:
            _collect(item, found, depth + 1)
    elif obj is not None:
        key = getattr(type(obj), KEY_ATTRIBUTE, None)
        if key is None:
            return
        key = getattr(obj, KEY_ATTRIBUTE)
        if callable(key):
            key = key()
        if key is not None:
            found.append(str(key))


# -- the awaited future alone -------------------------------------------------------

_DOMAIN = b"statek_vm awaited future\x00"


def dump_awaited(
    future: Any, *, program: Any, bindings: dict[str, Any], builtins_: dict[str, Any], key: bytes
) -> bytes:
    """``future`` pickled as a snapshot pickles it, with an HMAC-SHA256 tag first."""
    payload = dump_payload(future, program=program, bindings=bindings, builtins=builtins_)
    return hmac.digest(key, _DOMAIN + payload, "sha256") + payload


def load_awaited(blob: bytes, *, program: Any, builtins_: dict[str, Any], bindings: dict[str, Any], key: bytes) -> Any:
    """The future of :func:`dump_awaited`; the tag is checked before unpickling.

    ``program`` and ``builtins_`` are shared by every future of that program a
    worker loads (see :func:`polling_namespace`).
    """
    tag, payload = blob[:32], blob[32:]
    if len(blob) < 33 or not hmac.compare_digest(tag, hmac.digest(key, _DOMAIN + payload, "sha256")):
        raise SnapshotError("the awaited future's signature does not match the store's key: refused to load it")
    return load_payload(payload, program=program, bindings=bindings, builtins=builtins_)


def polling_namespace(source: str, filename: str, sandbox: Any = None) -> tuple[Any, dict[str, Any]]:
    """The program and a builtins namespace for loading awaited futures of one program.

    ``sandbox``: the runner's (a ``statek_vm.Sandbox``): a condition that is
    script code runs checked by it, as the job's own code does.
    """
    program = compile_program(source, filename, result=True)
    script_builtins = ScriptBuiltins(builtins.__dict__)
    script_builtins["__import__"] = _script_import
    if sandbox is not None:
        from statek_vm.sandbox import sandbox_builtins

        sandbox_builtins(script_builtins)
        script_builtins.sandbox = sandbox.policy
    return program, script_builtins


# -- bounded checks -------------------------------------------------------------------


class ConditionTimeout(StatekError):
    """A condition check ran longer than the runner's ``check_timeout``."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = [ctypes.c_ulong, ctypes.py_object]
_set_async_exc.restype = ctypes.c_int


class BoundedCheck:
    """Calls that are interrupted once they run longer than ``timeout`` seconds.

    A watchdog thread looks at the call in progress every ``timeout / 2``
    seconds and raises :class:`ConditionTimeout` inside a call that has
    overrun (``PyThreadState_SetAsyncExc``).  Nothing happens per call but
    two attribute writes and one uncontended lock, so a sweep keeps its
    pace.  The exception arrives when the call next runs Python code: a
    condition blocked inside C code (a socket read without a timeout) is
    interrupted only once that returns, so give such calls their own
    timeouts.
    """

    def __init__(self, timeout: float) -> None:
        if timeout <= 0:
            raise ValueError(f"check_timeout must be positive, not {timeout!r}")
        self.timeout = timeout
        self._lock = threading.Lock()
        self._active: tuple[int, int, float] | None = None  # (token, thread id, started)
        self._fired = -1
        self._token = 0
        self._watchdog: threading.Thread | None = None
        self._closed = False

    def __call__(self, fn: Callable[[], Any]) -> Any:
        """``fn()``, or :class:`ConditionTimeout` once it overruns."""
        if self._watchdog is None:
            self._start()
        self._token += 1
        token = self._token
        thread = threading.get_ident()
        try:
            try:
                self._active = (token, thread, time.monotonic())
                return fn()
            finally:
                with self._lock:
                    self._active = None
                    fired = self._fired == token
                if fired:
                    # Injected after fn returned and not delivered yet: withdraw it.
                    _set_async_exc(thread, ctypes.py_object())
                    raise ConditionTimeout(f"the check ran longer than {self.timeout:g} s and was interrupted")
        except ConditionTimeout:
            raise ConditionTimeout(f"the check ran longer than {self.timeout:g} s and was interrupted") from None

    def _start(self) -> None:
        # The thread holds the checker weakly, so a dropped runner's
        # watchdog ends instead of living as long as the process.
        self._watchdog = start_periodic(
            self,
            lambda check: check.timeout / 2,
            lambda check: check._interrupt_overdue(),
            name="statek-vm check watchdog",
        )

    def _interrupt_overdue(self) -> None:
        with self._lock:
            active = self._active
            if active is None or time.monotonic() - active[2] <= self.timeout:
                return
            token, thread, _ = active
            if self._fired != token:
                self._fired = token
                _set_async_exc(thread, ctypes.py_object(ConditionTimeout))

    def close(self) -> None:
        self._closed = True
