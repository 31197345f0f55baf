"""A job's standard output: what the script writes with ``print`` or ``sys.stdout``.

The script's ``print`` is the builtin itself (its type, ``repr``, binding and
error messages are CPython's), and it writes to ``sys.stdout``.  While a job
runs, ``sys.stdout`` is a :class:`RoutedStdout` that sends what is written in
that job's ``contextvars.Context`` to the job's output, and anything else to
the stream it replaced.  Every job runs in a context of its own
(``statek_vm/module_state.py``), so jobs in one process, even interleaved on
one thread, each get their own output; host code that a job calls (a tool
that prints) writes to the job's output too, as it would to the script's
stdout natively.
"""

from __future__ import annotations

import contextvars
import sys
import threading
from typing import Any

# The job output that writes in the current context go to, or None.
JOB_OUTPUT: contextvars.ContextVar[Any] = contextvars.ContextVar("statek_vm_job_output", default=None)


class RoutedStdout:
    """``sys.stdout`` while jobs run: the current job's output, else the stream it replaced."""

    def __init__(self, host: Any) -> None:
        self.host = host

    def write(self, text: str) -> int:
        sink = JOB_OUTPUT.get()
        if sink is None:
            return self.host.write(text)  # type: ignore[no-any-return]
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        sink(text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if JOB_OUTPUT.get() is None:
            self.host.flush()

    def __getattr__(self, name: str) -> Any:
        # encoding, errors, isatty(), fileno()... are the replaced stream's.
        return getattr(self.host, name)


def routed_stdout() -> RoutedStdout:
    """A job's ``sys.stdout`` in a loaded snapshot: the process's router, or a new one around its stream."""
    current = sys.stdout
    return current if isinstance(current, RoutedStdout) else RoutedStdout(current)


def route_stdout() -> tuple[Any, RoutedStdout]:
    """Make ``sys.stdout`` route job output (if it does not already); ``(previous, router)``.

    Runs in several threads at once share one router: the first puts it in
    place, the last to end puts the stream it replaced back
    (:func:`unroute_stdout`).
    """
    global _routing
    with _LOCK:
        previous = sys.stdout
        if isinstance(previous, RoutedStdout):
            if _routing:
                _routing += 1
            return previous, previous
        router = RoutedStdout(previous)
        sys.stdout = router
        _routing = 1
        return previous, router


def unroute_stdout(previous: Any, router: RoutedStdout) -> None:
    """Undo :func:`route_stdout` once no other run routes, unless someone else replaced ``sys.stdout`` since."""
    global _routing, _ended_previous
    with _LOCK:
        if previous is not router:
            _ended_previous = previous  # (the one that put the router in place: what the last puts back)
        if _routing:
            _routing -= 1
            if _routing:
                return
        if sys.stdout is router and _ended_previous is not None:
            sys.stdout = _ended_previous
        _ended_previous = None


_LOCK = threading.Lock()
# How many runs route through the router that route_stdout put in place (0: none of its own).
_routing = 0
_ended_previous: Any = None
