"""Doorbells: how an idle worker learns at once that there is work, without polling.

An idle worker waits on its doorbell until the next sweep.  Whatever makes
work for workers (a submitted job, a notify, a job made ready or reopened)
rings every doorbell registered with the store, so a worker in another
process wakes within a fraction of a millisecond and an idle worker costs no
CPU.  Each store has its own kind:

* :class:`EventDoorbell` — in one process (``MemoryStore``): a
  ``threading.Event`` set by every change of the store.
* :class:`SocketDoorbell` — between processes on one machine (``SQLiteStore``
  on Linux): a Unix datagram socket in the abstract namespace (no file to
  clean up), its address registered in the store's ``doorbells`` table;
  ringing sends one byte to each registered address and forgets addresses
  nobody listens on any more (a worker that died).
* PostgreSQL's ``LISTEN``/``NOTIFY`` (``PostgresStore``).

A doorbell is a fast path, never the only one: the runner still looks at
the store's change counter between waits, so a missed ring costs latency,
never a job.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Callable

__all__ = ["Doorbell", "EventDoorbell", "SocketDoorbell", "ring_addresses"]


class Doorbell:
    """What a worker waits on while idle."""

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; whether the bell rang (and is now quiet again)."""
        raise NotImplementedError

    def close(self) -> None:
        """Unregister; the bell rings no more."""


class EventDoorbell(Doorbell):
    """A doorbell in one process: an event the store sets at every change."""

    def __init__(self, on_close: Callable[[EventDoorbell], None]) -> None:
        self.event = threading.Event()
        self._on_close = on_close

    def ring(self) -> None:
        self.event.set()

    def wait(self, timeout: float) -> bool:
        rung = self.event.wait(timeout)
        if rung:
            self.event.clear()
        return rung

    def close(self) -> None:
        self._on_close(self)


class SocketDoorbell(Doorbell):
    """A doorbell other processes ring: a Unix datagram socket bound to ``address``."""

    def __init__(self, address: bytes, on_close: Callable[[bytes], None]) -> None:
        self.address = address
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._socket.bind(address)
        self._socket.setblocking(False)
        self._on_close = on_close

    def wait(self, timeout: float) -> bool:
        readable, _, _ = select.select([self._socket], [], [], max(0.0, timeout))
        if not readable:
            return False
        # Drain every ring that arrived: one wake-up serves them all.
        with contextlib.suppress(BlockingIOError):
            while True:
                self._socket.recv(64)
        return True

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._on_close(self.address)
        self._socket.close()


def ring_addresses(sender: socket.socket, addresses: list[bytes]) -> list[bytes]:
    """Send one byte to each address; returns the addresses nobody listens on."""
    gone = []
    for address in addresses:
        try:
            sender.sendto(b"!", address)
        except (ConnectionRefusedError, FileNotFoundError):
            gone.append(address)
        except (BlockingIOError, OSError):
            pass  # its queue is full: it has been rung already
    return gone
