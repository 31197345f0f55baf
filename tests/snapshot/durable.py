"""Host bindings whose state outlives a process: a side-effect log in a file.

``wait(v)`` returns a pending future whose deps are a :class:`Gate` (pickled
with the job); a test opens the awaited gate before resuming.  ``effect(x)``
appends ``x`` to the JSON-lines file named by ``STATEK_TEST_LOG``.
"""

from __future__ import annotations

import asyncio
import json
import os
import socketserver
import threading
from dataclasses import dataclass
from typing import Any

from statek_vm import FutureError, FutureResult, temporal


@dataclass
class Gate:
    value: Any
    open: bool = False


def fetch(future: FutureResult) -> Any:
    if not future.deps.open:
        raise FutureError(future)
    return future.deps.value


def is_open(future: FutureResult) -> bool:
    return bool(future.deps.open)


@temporal(complement=fetch, condition=is_open)
def wait(value: Any) -> Any:
    if os.environ.get("STATEK_TEST_READY") == "1":
        return value
    return FutureResult(deps=Gate(value), state_num=0)


def effect(x: Any) -> Any:
    with open(os.environ["STATEK_TEST_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(x) + "\n")
    return x


@dataclass
class CM:
    """A host context manager that logs its enter and exit (picklable: it holds only its name)."""

    name: str

    def __enter__(self) -> str:
        effect(["enter", self.name])
        return self.name

    def __exit__(self, *exc: Any) -> bool:
        effect(["exit", self.name, exc[0].__name__ if exc[0] else None])
        return False


def cm(name: str) -> CM:
    return CM(name)


class _Echo(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        for line in self.rfile:
            self.wfile.write(line.upper())


_server: socketserver.ThreadingTCPServer | None = None
_server_lock = threading.Lock()


def _echo_address() -> tuple[str, int]:
    """A real TCP server on loopback (one per process, in a daemon thread): it answers each line upper-cased."""
    global _server
    with _server_lock:
        if _server is None:
            socketserver.ThreadingTCPServer.daemon_threads = True
            _server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Echo)
            threading.Thread(target=_server.serve_forever, daemon=True).start()
        return _server.server_address[:2]  # type: ignore[return-value]


async def ask(text: str) -> str:
    """An async tool doing real I/O: ``text`` upper-cased by the echo server, over a socket."""
    host, port = _echo_address()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"{text}\n".encode())
        await writer.drain()
        answer = (await reader.readline()).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()
    effect(["ask", text])
    return answer


def bindings() -> dict[str, Any]:
    return {"wait": wait, "effect": effect, "cm": cm, "ask": ask}
