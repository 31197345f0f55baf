"""Host tools an application hands to agent scripts, for the agent corpus.

Temporal tools (``approval``, ``llm``, ``export``, ``next_task``,
``fetch_page``) compute their answer when called, as a real service would
accept a request, and return a pending future whose deps hold it; the test
opens the awaited future's deps (``ready = True``) before each resume.  With
``STATEK_TEST_READY=1`` they return the answer at once: that is how the native
run and the uninterrupted VM run see them.

Every answer is a pure function of the arguments and of the side-effect log,
so a script gives the same answers natively, on the VM, and across processes.
Every tool with an effect, the temporal ones included, appends one JSON line
to the file named by ``STATEK_TEST_LOG``: the log is how a test sees that no
call ran twice.  Tools whose answer depends on earlier calls (the task queue,
the flaky tool's attempts) read that same log, because a resumed job runs in a
process that remembers nothing else.

``tools_async.py`` adds async tools that do socket I/O; ``bindings()``
hands scripts both.
"""

from __future__ import annotations

import copy
import json
import os
import zlib
from dataclasses import dataclass, field
from typing import Any

from statek_vm import FutureError, FutureResult, temporal


class ToolError(Exception):
    """A tool failed; ``code`` >= 500 means trying again may help."""

    def __init__(self, message: str, tool: str = "tool", code: int = 500) -> None:
        super().__init__(message)
        self.message = message
        self.tool = tool
        self.code = code

    @property
    def retryable(self) -> bool:
        return self.code >= 500

    # Exception pickling calls cls(*args) with args == (message,) and loses
    # the other fields; a script that waits while holding one must keep them.
    def __reduce__(self) -> tuple[Any, ...]:
        return (ToolError, (self.message, self.tool, self.code))


# -- the side-effect log ---------------------------------------------------------


def _log(entry: dict[str, Any]) -> None:
    with open(os.environ["STATEK_TEST_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(entry, sort_keys=True) + "\n")


def _logged(tool: str) -> list[dict[str, Any]]:
    try:
        with open(os.environ["STATEK_TEST_LOG"], encoding="utf-8") as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except FileNotFoundError:
        return []
    return [e for e in entries if e.get("tool") == tool]


def _ready() -> bool:
    return os.environ.get("STATEK_TEST_READY") == "1"


def _hash(text: str) -> int:
    # crc32, not hash(): string hashes change from process to process.
    return zlib.crc32(text.encode("utf-8"))


# -- what a pending future waits on ----------------------------------------------


@dataclass
class ApprovalRequest:
    request_id: int
    text: str
    decision: str
    ready: bool = False

    def result(self) -> str:
        return self.decision


@dataclass
class LlmCompletion:
    prompt: str
    completion: str
    ready: bool = False

    def result(self) -> str:
        return self.completion


@dataclass
class ExportJob:
    table: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    ready: bool = False

    def result(self) -> list[dict[str, Any]]:
        # A copy: the script owns what it receives, as it does natively.
        return copy.deepcopy(self.rows)


@dataclass
class TaskLease:
    queue: str
    task: dict[str, Any] | None
    ready: bool = False

    def result(self) -> dict[str, Any] | None:
        return copy.deepcopy(self.task)


@dataclass
class PageFetch:
    url: str
    text: str
    ready: bool = False

    def result(self) -> str:
        return self.text


PENDING_TYPES = (ApprovalRequest, LlmCompletion, ExportJob, TaskLease, PageFetch)


def _complement(future: FutureResult) -> Any:
    if not future.deps.ready:
        raise FutureError(future)
    return future.deps.result()


def _condition(future: FutureResult) -> bool:
    return bool(future.deps.ready)


def _answer(deps: Any) -> Any:
    if _ready():
        return deps.result()
    return FutureResult(deps=deps, state_num=0)


# -- the data behind the tools -------------------------------------------------------

TABLES: dict[str, list[dict[str, Any]]] = {
    "customers": [
        {"id": 1, "name": "Acme Corp", "email": "ops@acme.example", "tier": "gold", "country": "DE"},
        {"id": 2, "name": "Globex", "email": "billing@globex.example", "tier": "silver", "country": "US"},
        {"id": 3, "name": "Initech", "email": "it@initech.example", "tier": "bronze", "country": "US"},
        {"id": 4, "name": "Umbrella", "email": "legal@umbrella", "tier": "gold", "country": "UK"},
        {"id": 5, "name": "Hooli", "email": "team@hooli.example", "tier": "silver", "country": "US"},
        {"id": 6, "name": "Vandelay", "email": "art@vandelay.example", "tier": "bronze", "country": "DE"},
    ],
    "orders": [
        {"id": 101, "customer_id": 1, "amount": "129.90", "status": "paid", "date": "2024-03-02"},
        {"id": 102, "customer_id": 2, "amount": "15.00", "status": "refunded", "date": "2024-03-03"},
        {"id": 103, "customer_id": 1, "amount": "89.10", "status": "paid", "date": "2024-03-03"},
        {"id": 104, "customer_id": 3, "amount": "420.00", "status": "pending", "date": "2024-03-05"},
        {"id": 105, "customer_id": 5, "amount": "64.25", "status": "paid", "date": "2024-03-07"},
        {"id": 106, "customer_id": 4, "amount": "999.99", "status": "disputed", "date": "2024-03-08"},
        {"id": 107, "customer_id": 2, "amount": "42.00", "status": "paid", "date": "2024-03-09"},
        {"id": 108, "customer_id": 6, "amount": "7.50", "status": "pending", "date": "2024-03-11"},
        {"id": 109, "customer_id": 5, "amount": "310.40", "status": "paid", "date": "2024-03-12"},
        {"id": 110, "customer_id": 3, "amount": "58.00", "status": "refunded", "date": "2024-03-14"},
    ],
    "invoices": [
        {"number": "INV-001", "customer": "Acme Corp", "net": "1000.00", "vat_rate": "0.19", "due": "2024-04-01"},
        {"number": "INV-002", "customer": "Globex", "net": "249.99", "vat_rate": "0.07", "due": "2024-04-15"},
        {"number": "INV-003", "customer": "Initech", "net": "3333.33", "vat_rate": "0.19", "due": "2024-03-20"},
        {"number": "INV-004", "customer": "Hooli", "net": "12.34", "vat_rate": "0.20", "due": "2024-05-01"},
        {"number": "INV-005", "customer": "Acme Corp", "net": "87.65", "vat_rate": "0.19", "due": "2024-04-30"},
    ],
    "tickets": [
        {"id": 7, "subject": "Login fails after password reset", "priority": 2, "customer_id": 1},
        {"id": 8, "subject": "Please add dark mode", "priority": 4, "customer_id": 2},
        {"id": 9, "subject": "Invoice shows wrong VAT", "priority": 1, "customer_id": 3},
        {"id": 10, "subject": "How do I export my data?", "priority": 3, "customer_id": 5},
        {"id": 11, "subject": "App crashes on upload of large files", "priority": 1, "customer_id": 4},
        {"id": 12, "subject": "Request: bulk delete of old projects", "priority": 3, "customer_id": 6},
    ],
    "events": [
        {"ts": "2024-05-01T09:00:00", "user": "ana", "action": "login"},
        {"ts": "2024-05-01T09:05:00", "user": "ana", "action": "upload"},
        {"ts": "2024-05-01T09:07:00", "user": "ben", "action": "login"},
        {"ts": "2024-05-01T10:30:00", "user": "ana", "action": "logout"},
        {"ts": "2024-05-01T11:00:00", "user": "cho", "action": "login"},
        {"ts": "2024-05-01T11:02:00", "user": "cho", "action": "upload"},
        {"ts": "2024-05-01T11:03:00", "user": "cho", "action": "upload"},
        {"ts": "2024-05-01T12:45:00", "user": "ben", "action": "logout"},
    ],
}

QUEUES: dict[str, list[dict[str, Any]]] = {
    "default": [
        {"id": 1, "kind": "summarize", "payload": "Quarterly revenue grew 12 percent while costs stayed flat"},
        {"id": 2, "kind": "email", "payload": {"to": "ana@example.com", "subject": "Welcome aboard"}},
        {"id": 3, "kind": "export", "payload": "orders"},
        {"id": 4, "kind": "approve", "payload": "Increase the ad budget by 500 EUR"},
        {"id": 5, "kind": "summarize", "payload": "The outage lasted 14 minutes and affected uploads only"},
        {"id": 6, "kind": "unknown", "payload": None},
        {"id": 7, "kind": "approve", "payload": "Delete the staging database"},
    ],
    "support": [
        {"id": 21, "kind": "ticket", "payload": {"ticket": 9, "customer": "Initech"}},
        {"id": 22, "kind": "ticket", "payload": {"ticket": 11, "customer": "Umbrella"}},
        {"id": 23, "kind": "ticket", "payload": {"ticket": 8, "customer": "Globex"}},
    ],
    "ops": [
        {"id": 31, "kind": "restart", "payload": {"service": "search", "priority": 2}},
        {"id": 32, "kind": "deploy", "payload": {"service": "billing", "priority": 1}},
        {"id": 33, "kind": "rotate-keys", "payload": {"service": "auth", "priority": 3}},
        {"id": 34, "kind": "deploy", "payload": {"service": "production-api", "priority": 1}},
    ],
}

PAGES: dict[str, str] = {
    "https://shop.example/pricing": (
        "Pricing\nStarter: 9.99 EUR per month\nTeam: 29.50 EUR per month\n"
        "Enterprise: 199.00 EUR per month\nContact: sales@shop.example\n"
        "See also https://shop.example/faq and https://shop.example/terms\n"
    ),
    "https://shop.example/faq": (
        "FAQ\nQ: Can I cancel? A: Yes, any time.\nQ: Is there a trial? A: 14 days.\n"
        "Support: help@shop.example\nBack to https://shop.example/pricing\n"
    ),
    "https://shop.example/terms": "Terms\nEffective 2024-01-15. Governing law: Germany.\n",
    "https://news.example/outage": (
        "Outage report 2024-05-02\nUploads failed between 10:05 and 10:19 UTC.\n"
        "Root cause: an expired certificate. Contact: status@news.example\n"
    ),
    "https://news.example/launch": (
        "Launch 2024-06-10\nThe new export API ships with CSV and JSON formats.\n"
        "Price: 49.00 EUR per month. Details at https://docs.example/export\n"
    ),
    "https://docs.example/export": (
        "Export API\nGET /v1/export?table=orders\nRate limit: 60 requests per minute.\n"
        "Formats: csv, json. See https://docs.example/auth\n"
    ),
    "https://docs.example/auth": "Auth\nUse a bearer token. Tokens expire after 3600 seconds.\n",
}

USERS: dict[str, dict[str, Any]] = {
    "ana": {"name": "ana", "email": "ana@example.com", "team": "sales", "manager": "ben"},
    "ben": {"name": "ben", "email": "ben@example.com", "team": "sales", "manager": "cho"},
    "cho": {"name": "cho", "email": "cho@example.com", "team": "exec", "manager": None},
    "dev": {"name": "dev", "email": "dev@example", "team": "eng", "manager": "cho"},
}

_RISKY = ("delete", "drop", "wire transfer", "production", "all customers")
_LABELS = ("bug", "feature", "question", "billing")


def _summary(text: str) -> str:
    words = text.split()
    head = " ".join(words[:8])
    return f"{head}{' ...' if len(words) > 8 else ''} ({len(words)} words)"


def _completion(prompt: str) -> str:
    lower = prompt.lower()
    h = _hash(prompt)
    if "malformed" in lower:
        return 'Sure! Here is the JSON you asked for: {"ok": true, "items": ['
    if "json" in lower:
        words = [w.strip(".,:;!?\"'()").lower() for w in prompt.split()]
        tags = sorted({w for w in words if len(w) > 6})[:3]
        return json.dumps(
            {
                "summary": _summary(prompt),
                "sentiment": ("positive", "neutral", "negative")[h % 3],
                "priority": 1 + h % 5,
                "tags": tags,
                "confidence": round((h % 100) / 100, 2),
            },
            sort_keys=True,
        )
    if "classify" in lower:
        return _LABELS[h % len(_LABELS)]
    if "plan" in lower:
        topic = prompt.split(":", 1)[-1].strip() or "the task"
        return "\n".join(f"{i}. {step} {topic}" for i, step in enumerate(("research", "draft", "review"), 1))
    if "yes or no" in lower:
        return "yes" if h % 2 else "no"
    if "score" in lower:
        return str(h % 101)
    return "Summary: " + _summary(prompt)


# -- temporal tools ----------------------------------------------------------------


@temporal(complement=_complement, condition=_condition)
def approval(request_text: str) -> Any:
    """A human decides: "rejected" for risky requests, else "approved"."""
    request_id = len(_logged("approval")) + 1
    _log({"tool": "approval", "id": request_id, "text": request_text})
    decision = "rejected" if any(word in request_text.lower() for word in _RISKY) else "approved"
    return _answer(ApprovalRequest(request_id, request_text, decision))


@temporal(complement=_complement, condition=_condition)
def llm(prompt: str) -> Any:
    """A completion: JSON when asked for JSON, a label, a plan, or a summary."""
    _log({"tool": "llm", "prompt": prompt})
    return _answer(LlmCompletion(prompt, _completion(prompt)))


@temporal(complement=_complement, condition=_condition)
def export(table: str) -> Any:
    """The rows of a table, as a background export delivers them."""
    if table not in TABLES:
        raise ToolError(f"no table named {table!r}", tool="export", code=404)
    _log({"tool": "export", "table": table})
    return _answer(ExportJob(table, copy.deepcopy(TABLES[table])))


@temporal(complement=_complement, condition=_condition)
def next_task(queue: str = "default") -> Any:
    """The next task of a queue, or None when the queue is empty."""
    if queue not in QUEUES:
        raise ToolError(f"no queue named {queue!r}", tool="next_task", code=404)
    position = len([e for e in _logged("next_task") if e["queue"] == queue])
    tasks = QUEUES[queue]
    task = copy.deepcopy(tasks[position]) if position < len(tasks) else None
    _log({"tool": "next_task", "queue": queue, "task": None if task is None else task["id"]})
    return _answer(TaskLease(queue, task))


@temporal(complement=_complement, condition=_condition)
def fetch_page(url: str) -> Any:
    """The text of a web page; unknown pages read "404 Not Found"."""
    _log({"tool": "fetch_page", "url": url})
    return _answer(PageFetch(url, PAGES.get(url, f"404 Not Found: {url}\n")))


# -- plain tools ---------------------------------------------------------------------


def search(query: str, limit: int = 3) -> list[dict[str, Any]]:
    """Search results: title, url and score, best first."""
    slug = "-".join(query.lower().split())
    results = []
    for i in range(limit):
        h = _hash(f"{query}#{i}")
        results.append(
            {
                "title": f"{query.title()} - result {i + 1}",
                "url": f"https://search.example/{slug}/{i + 1}",
                "score": round(1 - i * 0.15 - (h % 10) / 100, 2),
            }
        )
    return results


def lookup_user(name: str) -> dict[str, Any]:
    if name not in USERS:
        raise ToolError(f"no user named {name!r}", tool="lookup_user", code=404)
    return dict(USERS[name])


def send_email(to: str, body: str) -> dict[str, Any]:
    if "@" not in to or "." not in to.split("@")[-1]:
        raise ToolError(f"invalid address {to!r}", tool="send_email", code=400)
    message_id = len(_logged("send_email")) + 1
    _log({"tool": "send_email", "to": to, "body": body})
    return {"id": f"msg-{message_id}", "status": "queued"}


def db_write(rows: list[dict[str, Any]], table: str = "results") -> int:
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ToolError("db_write takes a list of dicts", tool="db_write", code=400)
    _log({"tool": "db_write", "table": table, "rows": rows})
    return len(rows)


def effect(x: Any) -> Any:
    _log({"tool": "effect", "value": x})
    return x


def flaky_tool(n: int) -> dict[str, Any]:
    """Fails by rule: a multiple of 3 times out once, a multiple of 4 returns
    garbage twice, a multiple of 7 always fails; otherwise it answers."""
    attempt = len([e for e in _logged("flaky_tool") if e["n"] == n]) + 1
    _log({"tool": "flaky_tool", "n": n, "attempt": attempt})
    if n % 7 == 0:
        raise ToolError(f"flaky_tool({n}) is not supported", tool="flaky_tool", code=400)
    if n % 3 == 0 and attempt == 1:
        raise ToolError(f"flaky_tool({n}) timed out", tool="flaky_tool", code=504)
    if n % 4 == 0 and attempt <= 2:
        raise json.JSONDecodeError("Expecting value", f"<garbled response {n}>", 0)
    return {"n": n, "square": n * n, "attempt": attempt}


def bindings() -> dict[str, Any]:
    """What a script sees as globals: these tools and the async ones of ``tools_async``."""
    # Imported here: tools_async builds on this module's data and helpers.
    from tests.agents import tools_async

    return {
        "approval": approval,
        "llm": llm,
        "export": export,
        "next_task": next_task,
        "fetch_page": fetch_page,
        "search": search,
        "lookup_user": lookup_user,
        "send_email": send_email,
        "db_write": db_write,
        "effect": effect,
        "flaky_tool": flaky_tool,
        "ToolError": ToolError,
        **tools_async.bindings(),
    }
