"""Background threads that live exactly as long as their owner.

The runner's lease renewal and the condition-check watchdog each need a
thread that wakes up now and then.  Such a thread must not keep its owner
alive (a dropped runner would never be freed, and its threads would run
until the process ends), so it holds the owner weakly and ends once the
owner is gone or closed.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

__all__ = ["start_periodic"]


def start_periodic(
    owner: Any, pause: Callable[[Any], float], action: Callable[[Any], None], *, name: str
) -> threading.Thread:
    """Start a daemon thread calling ``action(owner)`` every ``pause(owner)`` seconds.

    The thread ends when ``owner`` is garbage or its ``_closed`` is true.
    """
    ref = weakref.ref(owner)
    thread = threading.Thread(target=_loop, args=(ref, pause, action), name=name, daemon=True)
    thread.start()
    return thread


def _loop(ref: weakref.ref[Any], pause: Callable[[Any], float], action: Callable[[Any], None]) -> None:
    while True:
        owner = ref()
        if owner is None or owner._closed:
            return
        seconds = pause(owner)
        del owner  # not held while asleep
        time.sleep(seconds)
        owner = ref()
        if owner is None or owner._closed:
            return
        action(owner)
        del owner
