"""Durable handles for job tests: state lives in files, so any process sees it.

A :class:`Gate` is a named file in a folder: pending while the file does not
exist, its content once it does.  ``wait_gate(gate)`` is the temporal
function scripts call; ``log(folder, text)`` appends a line to the side-effect
log that tests count to prove nothing ran twice.  Test scripts import this
module from their own folder (it is copied beside them), as a team's scripts
import their tools.
"""

from __future__ import annotations

import os
import time
from typing import Any

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal


class Gate:
    """A durable dependency: the file ``folder/name``."""

    def __init__(self, folder: str, name: str) -> None:
        self.folder = str(folder)
        self.name = name

    @property
    def __statek_key__(self) -> str:
        return f"gate:{self.name}"

    @property
    def path(self) -> str:
        return os.path.join(self.folder, self.name)

    def read(self) -> str | None:
        try:
            with open(self.path, encoding="utf-8") as file:
                return file.read()
        except FileNotFoundError:
            return None

    def open(self, value: str = "open") -> None:
        with open(self.path + ".tmp", "w", encoding="utf-8") as file:
            file.write(value)
        os.replace(self.path + ".tmp", self.path)

    def __repr__(self) -> str:
        return f"Gate({self.name!r})"


def _fetch(future: FutureResult) -> str:
    value = future.deps.read()
    if value is None:
        raise FutureError(future)
    return value


def _ready(future: FutureResult) -> bool:
    return future.deps.read() is not None


@temporal(complement=_fetch, condition=_ready)
def wait_gate(gate: Gate) -> Any:
    value = gate.read()
    return value if value is not None else FutureResult(deps=gate, state_num=0)


def log(folder: str, text: str) -> None:
    """Append a line to the side-effect log (one write call: whole lines)."""
    with open(os.path.join(str(folder), "log"), "a", encoding="utf-8") as file:
        file.write(f"{text}\n")


def log_lines(folder: str) -> list[str]:
    try:
        with open(os.path.join(str(folder), "log"), encoding="utf-8") as file:
            return file.read().splitlines()
    except FileNotFoundError:
        return []


def block(folder: str, seconds: float) -> None:
    """The first time: say so in ``folder/entered``, then sleep (a run to kill
    in the middle).  Later calls return at once."""
    entered = os.path.join(str(folder), "entered")
    if os.path.exists(entered):
        return
    with open(entered, "w", encoding="utf-8") as file:
        file.write(str(os.getpid()))
    time.sleep(seconds)


async def ask(folder: str, text: str, seconds: float = 0.2) -> str:
    """An async tool doing real I/O: ``text`` upper-cased by the :class:`DelayServer`
    whose address is in ``folder/server``, after ``seconds``."""
    import asyncio

    with open(os.path.join(str(folder), "server"), encoding="utf-8") as file:
        host, port = file.read().split()
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(f"{seconds} {text}\n".encode())
        await writer.drain()
        answer = await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()
    return answer.decode().rstrip("\n")


class DelayServer:
    """A local asyncio TCP server on a thread of its own.

    Each request line ``"SECONDS TEXT"`` is answered with ``TEXT`` upper-cased
    after ``SECONDS`` (and, while :attr:`held`, not before it is released).
    ``peak`` is the most requests it had open at once: the proof that a
    worker's jobs overlapped.  Its address is written to ``folder/server``.
    """

    def __init__(self, folder: str) -> None:
        import asyncio
        import threading

        self.folder = str(folder)
        self.open = 0
        self.peak = 0
        self.requests: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._released: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="delay server", daemon=True)

    def __enter__(self) -> DelayServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def hold(self) -> None:
        """Answer nothing until :meth:`release`."""
        self._loop.call_soon_threadsafe(self._make_hold)

    def release(self) -> None:
        self._loop.call_soon_threadsafe(lambda: self._released and self._released.set())

    def _make_hold(self) -> None:
        import asyncio

        self._released = asyncio.Event()

    def _serve(self) -> None:
        import asyncio

        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._answer, "127.0.0.1", 0))
        host, port = server.sockets[0].getsockname()[:2]
        with open(os.path.join(self.folder, "server.tmp"), "w", encoding="utf-8") as file:
            file.write(f"{host} {port}")
        os.replace(os.path.join(self.folder, "server.tmp"), os.path.join(self.folder, "server"))
        self._ready.set()
        self._loop.run_forever()
        server.close()
        # Requests still open (a test's job was cancelled or killed) end here.
        pending = asyncio.all_tasks(self._loop)
        for task in pending:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self._loop.close()

    async def _answer(self, reader: Any, writer: Any) -> None:
        import asyncio

        self.open += 1
        self.peak = max(self.peak, self.open)
        try:
            line = (await reader.readline()).decode().rstrip("\n")
            seconds, _, text = line.partition(" ")
            self.requests.append(text)
            await asyncio.sleep(float(seconds))
            if self._released is not None:
                await self._released.wait()
            writer.write(text.upper().encode() + b"\n")
            await writer.drain()
        except (ConnectionError, ValueError, asyncio.CancelledError):
            pass
        finally:
            self.open -= 1
            writer.close()
