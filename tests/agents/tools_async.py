"""Async host tools for ``corpus_async/``: coroutines that really await.

Agents reach models and services through async clients.  These tools are
coroutine functions (and objects with async methods) that open a TCP
connection to a local asyncio server, send one JSON line and read one back:
real socket I/O on whatever event loop awaits them, not a mock of the loop.

The server runs on loopback in a daemon thread of the process that first
needs it, on its own event loop, so a tool works on any loop that awaits it
(``asyncio.run`` in a script, the VM's loop, a fresh loop in every resume
process).  Its answers are pure functions of the request, as the answers of
``tools.py`` are of the arguments; its latency is a few milliseconds derived
from the request, so concurrent calls complete out of call order.

Every tool with an effect appends one JSON line to ``STATEK_TEST_LOG`` when
it is called, before its first await.  Tasks that run concurrently call
tools in an order that depends on the I/O timing, so the harness compares
the logs of ``corpus_async/`` as multisets (see ``harness.unordered``).

``request_review`` is temporal and async: it submits the request over the
socket, then returns a pending future (the decision once the test approves
it), or the decision at once with ``STATEK_TEST_READY=1``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from typing import Any

from statek_vm import temporal
from tests.agents.tools import (
    _RISKY,
    PAGES,
    TABLES,
    USERS,
    ApprovalRequest,
    ToolError,
    _answer,
    _complement,
    _completion,
    _condition,
    _hash,
    _log,
    _logged,
)

HOST = "127.0.0.1"
# A slow tool's default duration: far longer than any timeout a script puts
# around it, so that the timeout always wins, however loaded the machine.
SLOW_SECONDS = 30.0


# -- the server ----------------------------------------------------------------------


def _respond(op: str, args: dict[str, Any]) -> dict[str, Any]:
    """The answer to one request: ``{"result": ...}`` or ``{"error": ..., "code": ...}``."""
    if op == "complete":
        return {"result": _completion(args["prompt"])}
    if op == "page":
        url = args["url"]
        if url not in PAGES:
            return {"error": f"404 Not Found: {url}", "code": 404}
        return {"result": PAGES[url]}
    if op == "rows":
        table = args["table"]
        if table not in TABLES:
            return {"error": f"no table named {table!r}", "code": 404}
        return {"result": TABLES[table][args["offset"] : args["offset"] + args["limit"]]}
    if op == "user":
        name = args["name"]
        if name not in USERS:
            return {"error": f"no user named {name!r}", "code": 404}
        return {"result": USERS[name]}
    if op == "hello":
        return {"result": f"{args['service']}-{_hash(args['service']) % 10000:04d}"}
    if op == "echo":
        return {"result": args}
    return {"error": f"unknown operation {op!r}", "code": 400}


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    request = json.loads(await reader.readline())
    # 1 to 8 ms, a function of the request: answers come back out of order.
    await asyncio.sleep((1 + _hash(json.dumps(request, sort_keys=True)) % 8) / 1000)
    writer.write(json.dumps(_respond(request["op"], request["args"])).encode("utf-8") + b"\n")
    await writer.drain()
    writer.close()


class _Server:
    """The loopback server of this process, started on first use."""

    _lock = threading.Lock()
    _port: int | None = None

    @classmethod
    def port(cls) -> int:
        with cls._lock:
            if cls._port is None:
                cls._port = cls._start()
            return cls._port

    @staticmethod
    def _start() -> int:
        started: list[int] = []
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            server = loop.run_until_complete(asyncio.start_server(_handle, HOST, 0))
            started.append(server.sockets[0].getsockname()[1])
            ready.set()
            loop.run_forever()

        threading.Thread(target=serve, name="agents-tool-server", daemon=True).start()
        if not ready.wait(10):
            raise RuntimeError("the agents' tool server did not start")
        return started[0]


async def _call(tool: str, op: str, **args: Any) -> Any:
    """One request over a new connection; an error answer raises ToolError."""
    reader, writer = await asyncio.open_connection(HOST, _Server.port())
    try:
        writer.write(json.dumps({"op": op, "args": args}).encode("utf-8") + b"\n")
        await writer.drain()
        reply = json.loads(await reader.readline())
    finally:
        writer.close()
        await writer.wait_closed()
    if "error" in reply:
        raise ToolError(reply["error"], tool=tool, code=reply["code"])
    return reply["result"]


# -- async tools ---------------------------------------------------------------------


async def ask_model(prompt: str, model: str = "mini") -> str:
    """A completion from the model service (the same answers as ``llm``)."""
    _log({"tool": "ask_model", "model": model, "prompt": prompt})
    return str(await _call("ask_model", "complete", prompt=prompt))


@dataclass
class AsyncLLM:
    """An async model client, as agents construct one: ``await client.complete(prompt)``."""

    model: str = "mini"
    temperature: float = 0.0
    calls: int = 0

    async def complete(self, prompt: str) -> str:
        self.calls += 1
        return await ask_model(prompt, self.model)


async def fetch_url(url: str) -> str:
    """A page's text; an unknown page raises ToolError 404."""
    _log({"tool": "fetch_url", "url": url})
    return str(await _call("fetch_url", "page", url=url))


async def query_rows(table: str, offset: int = 0, limit: int = 3) -> list[dict[str, Any]]:
    """One page of a table's rows; an empty list past the end."""
    _log({"tool": "query_rows", "table": table, "offset": offset, "limit": limit})
    rows: list[dict[str, Any]] = await _call("query_rows", "rows", table=table, offset=offset, limit=limit)
    return rows


@dataclass
class RowPager:
    """An async iterator over a table's rows, one ``query_rows`` per page.

    Plain data between pages (no open connection, no native generator), as a
    client library's paginator can be, so a job holding one can be saved.
    """

    table: str
    page_size: int = 2
    offset: int = 0
    buffer: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False

    def __aiter__(self) -> RowPager:
        return self

    async def __anext__(self) -> dict[str, Any]:
        if not self.buffer and not self.done:
            self.buffer = await query_rows(self.table, self.offset, self.page_size)
            self.offset += len(self.buffer)
            self.done = len(self.buffer) < self.page_size
        if not self.buffer:
            raise StopAsyncIteration
        return self.buffer.pop(0)


def paged_rows(table: str, page_size: int = 2) -> RowPager:
    return RowPager(table, page_size)


async def slow_report(name: str, seconds: float = SLOW_SECONDS) -> str:
    """A report that takes ``seconds``; a cancelled one logs that it was cancelled."""
    _log({"tool": "slow_report", "name": name, "event": "start"})
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        _log({"tool": "slow_report", "name": name, "event": "cancelled"})
        raise
    return f"report {name}: {_hash(name) % 1000} rows"


async def flaky_fetch(n: int) -> dict[str, Any]:
    """Fails by rule, like ``flaky_tool``: a multiple of 3 answers 503 on its
    first attempt, a multiple of 5 answers 503 twice, a multiple of 7 always
    answers 400; otherwise it answers."""
    attempt = len([e for e in _logged("flaky_fetch") if e["n"] == n]) + 1
    _log({"tool": "flaky_fetch", "n": n, "attempt": attempt})
    await _call("flaky_fetch", "echo", n=n)
    if n % 7 == 0:
        raise ToolError(f"flaky_fetch({n}) is not supported", tool="flaky_fetch", code=400)
    if (n % 3 == 0 and attempt == 1) or (n % 5 == 0 and attempt <= 2):
        raise ToolError(f"flaky_fetch({n}) is unavailable", tool="flaky_fetch", code=503)
    return {"n": n, "cube": n**3, "attempt": attempt}


@dataclass
class ApiSession:
    """An async client session: ``async with open_session(service) as api``.

    Each request opens its own connection, so between requests the session
    is plain data (service, token, how many requests it made).
    """

    service: str
    token: str | None = None
    requests: int = 0

    async def __aenter__(self) -> ApiSession:
        _log({"tool": "session", "service": self.service, "event": "open"})
        self.token = await _call("session", "hello", service=self.service)
        return self

    async def __aexit__(self, kind: Any, error: Any, tb: Any) -> bool:
        _log({"tool": "session", "service": self.service, "event": "close", "error": kind and kind.__name__})
        await _call("session", "echo", bye=self.service)
        self.token = None
        return False

    def _check_open(self) -> None:
        if self.token is None:
            raise ToolError(f"session {self.service!r} is not open", tool="session", code=400)

    async def user(self, name: str) -> dict[str, Any]:
        self._check_open()
        self.requests += 1
        _log({"tool": "session.user", "service": self.service, "name": name})
        user: dict[str, Any] = await _call("session.user", "user", name=name)
        return user

    async def post(self, path: str, payload: Any) -> dict[str, Any]:
        self._check_open()
        self.requests += 1
        _log({"tool": "session.post", "service": self.service, "path": path, "payload": payload})
        echoed = await _call("session.post", "echo", path=path, payload=payload)
        return {"ok": True, "path": echoed["path"], "id": _hash(json.dumps(payload, sort_keys=True)) % 10000}


def open_session(service: str) -> ApiSession:
    return ApiSession(service)


@temporal(complement=_complement, condition=_condition)
async def request_review(text: str) -> Any:
    """A human review submitted over the network: "rejected" for risky requests."""
    _log({"tool": "request_review", "text": text})
    ticket = await _call("request_review", "echo", text=text)
    decision = "rejected" if any(word in ticket["text"].lower() for word in _RISKY) else "approved"
    return _answer(ApprovalRequest(_hash(text) % 1000, text, decision))


def bindings() -> dict[str, Any]:
    return {
        "ask_model": ask_model,
        "AsyncLLM": AsyncLLM,
        "fetch_url": fetch_url,
        "query_rows": query_rows,
        "paged_rows": paged_rows,
        "slow_report": slow_report,
        "flaky_fetch": flaky_fetch,
        "open_session": open_session,
        "request_review": request_review,
    }
