"""The dashboard: a local web page over a job store (``statek-vm dashboard``).

Two pages, rendered on the server: the job list (counts per status, a
status filter and a search) and a job's page (its script with the line it
waits at highlighted, what it awaits and the keys that wake it, its history
as a timeline, its output and result).  Both refresh themselves every two
seconds: a small script fetches the page's live part again.  Three actions
change jobs, each through :class:`~statek_vm.jobs.Manager` as the command
line does: notify a key, resume a job, cancel a job.

Who may act: the token printed at start-up.  The printed address carries it
once (``/?token=...``); the dashboard then keeps it in a cookie for that
browser and puts it in its own forms.  Every action is a ``POST`` that must
carry the token itself, as the form field ``token`` or the header
``X-Statek-Token``: the cookie alone never authorises a change, so another
site cannot make a browser act (cross-site request forgery).  Pages are
readable without the token, so the server listens on localhost by default,
and there it answers only requests addressed to localhost (a page of
another site that re-binds its name to 127.0.0.1 gets nothing).

Job output, scripts and errors are text anyone who submits a job controls:
every value is HTML-escaped where it is put in a page, and the pages run no
script but the dashboard's own (a content security policy says so).

Needs the ``dashboard`` extra: ``pip install 'statek-vm[dashboard]'``.
"""

from __future__ import annotations

import contextlib
import hmac
import html
import json
import secrets
import socket
import time
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

try:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, RedirectResponse, Response
    from starlette.routing import Route
except ModuleNotFoundError as missing:
    raise ModuleNotFoundError(
        f"the dashboard needs {missing.name}, which is not installed: pip install 'statek-vm[dashboard]'",
        name=missing.name,
    ) from None

from statek_vm.cli import _first_line, _where
from statek_vm.exceptions import JobStoreError
from statek_vm.jobs import JobRecord, JobStore, Manager, Status, open_store
from statek_vm.jobs.model import TERMINAL

__all__ = ["LOCALHOST", "create_app", "serve"]

# The names a browser on this machine reaches a server bound to localhost by.
LOCALHOST = ("127.0.0.1", "localhost", "::1")

_SHOWN = 200  # jobs the list shows at most
_SEARCHED = 2000  # newest jobs a search looks through
_REFRESH_MS = 2000
_TOKEN_HEADER = "x-statek-token"

# What an action did, shown on the page it leads back to (a code in the
# address, never text taken from the request).
_NOTES = {
    "cancelled": "Cancelled.",
    "cancelling": "Cancel requested: its worker stops the run at the next instruction (within a second).",
    "final": "The job had ended already: nothing to cancel.",
    "checking": "Asked: a worker checks its condition now and resumes it if its future is ready.",
    "reopened": "Reopened: a worker resumes it from its last snapshot.",
    "not-resumable": "Nothing to resume: only a suspended job, or a failed or timed-out one with a snapshot, can be.",
}


def create_app(store: JobStore | str | None, token: str, *, allowed_hosts: Iterable[str] = LOCALHOST) -> Starlette:
    """The dashboard's ASGI application over ``store`` (a store or a spec for :func:`~statek_vm.jobs.open_store`).

    ``token`` authorises the actions; ``allowed_hosts`` are the host names
    requests may be addressed to (``("*",)``: any).
    """
    if len(token) < 16:
        raise ValueError("the dashboard's token must be at least 16 characters long")
    manager = Manager(open_store(store))
    pages = _Pages(manager, token)
    routes = [
        Route("/", pages.job_list),
        Route("/live", pages.job_list_live),
        Route("/jobs/{job_id}", pages.job_page),
        Route("/jobs/{job_id}/live", pages.job_page_live),
        Route("/jobs/{job_id}/cancel", pages.cancel, methods=["POST"]),
        Route("/jobs/{job_id}/resume", pages.resume, methods=["POST"]),
        Route("/notify", pages.notify, methods=["POST"]),
        Route("/dashboard.css", lambda request: _asset(_CSS, "text/css")),
        Route("/dashboard.js", lambda request: _asset(_SCRIPT, "text/javascript")),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))]
    return Starlette(routes=routes, middleware=middleware)


def serve(
    store: JobStore | str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the dashboard until interrupted (Ctrl-C or SIGTERM).

    ``port=0`` takes a free port.  ``announce`` receives the address to
    open, token included (a new random token unless one is given).  Bound to
    anything but localhost, the pages are readable by whoever reaches the
    port (the actions still need the token).
    """
    token = token or secrets.token_urlsafe(24)
    local = host in LOCALHOST
    app = create_app(store, token, allowed_hosts=LOCALHOST if local else ("*",))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family)
    bound = listener.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    announce(f"statek-vm dashboard: http://{shown_host}:{bound}/?token={token}")
    if not local:
        announce(f"warning: listening on {host}, not localhost: anyone who reaches it can read the jobs")
    config = uvicorn.Config(app, host=host, port=bound, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[listener])


# -- the pages ----------------------------------------------------------------------


class _Pages:
    """The endpoints, over one manager (its store is safe to use from threads)."""

    def __init__(self, manager: Manager, token: str) -> None:
        self.manager = manager
        self.store = manager.store
        self.token = token

    # Starlette runs plain functions in a thread pool: store calls block there, not the event loop.

    def job_list(self, request: Request) -> Response:
        entered = self._enter(request)
        if entered is not None:
            return entered
        statuses, query = _filters(request)
        live_url = "/live?" + urllib.parse.urlencode({"status": statuses, "q": query}, doseq=True)
        woken = request.query_params.get("woken", "")
        note = f"{int(woken)} waiting job(s) will be checked now." if woken.isdigit() else ""
        body = f"""
<header><h1><a href="/">statek-vm</a> jobs</h1><p class="store">{_e(_store_name(self.store))}</p></header>
{_note(note)}
<form class="filters" method="get" action="/">
  <label>status <select name="status">{_status_options(statuses)}</select></label>
  <label>search <input type="search" name="q" value="{_e(query)}" placeholder="id, script, key, error, output"></label>
  <button type="submit">filter</button>
</form>
<div id="live" data-live="{_e(live_url)}">{self._list_live(statuses, query)}</div>
<form class="action notify" method="post" action="/notify">
  <label>notify key <input name="key" required placeholder="approval:42"></label>
  {self._token_field(request)}<button type="submit">notify</button>
  <span class="hint">the jobs waiting on this key are checked now</span>
</form>"""
        return _html("statek-vm jobs", body)

    def job_list_live(self, request: Request) -> Response:
        statuses, query = _filters(request)
        return _html_fragment(self._list_live(statuses, query))

    def job_page(self, request: Request) -> Response:
        entered = self._enter(request)
        if entered is not None:
            return entered
        record = self._record(request)
        if isinstance(record, Response):
            return record
        job_id = _e(record.id)
        note = _NOTES.get(request.query_params.get("note", ""), "")
        token = self._token_field(request)
        actions = ""
        if record.status in (Status.SUSPENDED, Status.FAILED, Status.TIMED_OUT):
            actions += f"""<form class="action" method="post" action="/jobs/{job_id}/resume">{token}
  <button type="submit">resume</button></form>"""
        if record.status not in TERMINAL:
            actions += f"""<form class="action" method="post" action="/jobs/{job_id}/cancel">{token}
  <button type="submit" class="danger">cancel</button></form>"""
        key_forms = "".join(
            f"""<form class="action" method="post" action="/notify">{token}
  <input type="hidden" name="key" value="{_e(key)}"><input type="hidden" name="job" value="{job_id}">
  <button type="submit">notify {_e(key)}</button></form>"""
            for key in record.keys
        )
        body = f"""
<header><h1><a href="/">statek-vm</a> job <code>{_e(record.id[:12])}</code></h1>
<p class="store">{_e(_store_name(self.store))}</p></header>
{_note(note)}
<div class="actions">{actions}{key_forms}</div>
<div id="live" data-live="/jobs/{job_id}/live">{self._job_live(record)}</div>"""
        return _html(f"job {record.id[:12]}", body)

    def job_page_live(self, request: Request) -> Response:
        record = self._record(request)
        if isinstance(record, Response):
            return record
        return _html_fragment(self._job_live(record))

    # -- actions (POST, token required) --------------------------------------------------

    async def cancel(self, request: Request) -> Response:
        form = await self._authorised_form(request)
        if isinstance(form, Response):
            return form
        job_id = request.path_params["job_id"]

        def act() -> str:
            before = self.store.get(job_id)
            if before.status in TERMINAL:
                return "final"  # (a cancelled job too: cancelling it again says so)
            after = self.manager.cancel(before.id)  # it may have ended since
            return {Status.STARTED: "cancelling", Status.CANCELLED: "cancelled"}.get(after, "final")

        return await self._act(job_id, act)

    async def resume(self, request: Request) -> Response:
        form = await self._authorised_form(request)
        if isinstance(form, Response):
            return form
        job_id = request.path_params["job_id"]

        def act() -> str:
            before = self.store.get(job_id)
            after = self.manager.resume(before.id)
            if before.status == Status.SUSPENDED:
                return "checking"
            return "reopened" if after.status != before.status else "not-resumable"

        return await self._act(job_id, act)

    async def notify(self, request: Request) -> Response:
        form = await self._authorised_form(request)
        if isinstance(form, Response):
            return form
        key = form.get("key", "").strip()
        if not key:
            return _error(400, "Notify needs a key: the dependency key the jobs wait on (shown on a job's page).")
        woken = await run_in_threadpool(self.manager.notify, key)
        job = form.get("job", "")
        if job:
            return RedirectResponse(f"/jobs/{urllib.parse.quote(job, safe='')}?note=checking", status_code=303)
        return RedirectResponse(f"/?woken={woken}", status_code=303)

    async def _act(self, job_id: str, act: Callable[[], str]) -> Response:
        try:
            note = await run_in_threadpool(act)
        except JobStoreError as error:
            return _error(404, str(error))
        return RedirectResponse(f"/jobs/{urllib.parse.quote(job_id, safe='')}?note={note}", status_code=303)

    async def _authorised_form(self, request: Request) -> dict[str, str] | Response:
        """The posted form, if the request carries the token (as a field or a header); else a 403 page."""
        body = (await request.body()).decode("utf-8", "replace")
        form = {name: values[-1] for name, values in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
        given = request.headers.get(_TOKEN_HEADER) or form.get("token", "")
        if not self._is_token(given):
            return _error(403, "This action needs the dashboard's token: open the address statek-vm dashboard printed.")
        return form

    def _is_token(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())

    # -- the token in the browser -----------------------------------------------------------

    def _cookie_name(self, request: Request) -> str:
        # One per port: dashboards of several stores on one machine keep their own tokens.
        return f"statek_vm_dashboard_{request.url.port or 80}"

    def _enter(self, request: Request) -> Response | None:
        """The address printed at start-up carries the token: keep it in a cookie, and take it out of the address."""
        given = request.query_params.get("token")
        if given is None:
            return None
        if not self._is_token(given):
            return _error(403, "Wrong token: open the address statek-vm dashboard printed when it started.")
        rest = [(name, value) for name, value in request.query_params.multi_items() if name != "token"]
        target = request.url.path + ("?" + urllib.parse.urlencode(rest) if rest else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(self._cookie_name(request), given, httponly=True, samesite="strict")
        return response

    def _token_field(self, request: Request) -> str:
        """The token field of an action form: hidden when this browser has the token, else to fill in."""
        kept = request.cookies.get(self._cookie_name(request), "")
        if kept and self._is_token(kept):
            return f'<input type="hidden" name="token" value="{_e(kept)}">'
        return '<input type="password" name="token" required placeholder="token" class="token">'

    # -- what the pages show ---------------------------------------------------------------------

    def _record(self, request: Request) -> JobRecord | Response:
        try:
            return self.store.get(request.path_params["job_id"])
        except JobStoreError as error:
            return _error(404, str(error))

    def _list_live(self, statuses: list[str], query: str) -> str:
        counts = self.store.counts()
        total = sum(counts.values())
        chips = [f'<a class="count" href="/"><span>all</span> <b>{total}</b></a>']
        for status in Status:
            chosen = " chosen" if status.value in statuses else ""
            chips.append(
                f'<a class="count {status.value.lower()}{chosen}" href="/?status={status.value}">'
                f"<span>{status.value}</span> <b>{counts.get(status, 0)}</b></a>"
            )
        records = self.store.jobs(statuses=statuses, limit=_SEARCHED if query else _SHOWN)
        if query:
            records = [record for record in records if _matches(record, query.lower())][:_SHOWN]
        rows = "".join(_job_row(record) for record in records)
        table = (
            '<table class="jobs"><thead><tr><th>id</th><th>status</th><th>py</th><th>where</th>'
            f"<th>awaited / error</th><th>updated</th></tr></thead><tbody>{rows}</tbody></table>"
            if records
            else '<p class="empty">no jobs</p>'
        )
        return f'<nav class="counts">{"".join(chips)}</nav>{table}'

    def _job_live(self, record: JobRecord) -> str:
        facts: list[tuple[str, str]] = [
            ("status", _badge(record.status)),
            ("script", f"<code>{_e(record.filename)}</code>"),
            ("python", f"CPython {_e(record.python)}"),
            ("attempts", f"{record.attempts} (recoveries {record.recoveries})"),
            ("created", _e(_clock(record.created))),
            ("updated", _e(_clock(record.updated))),
        ]
        if record.status == Status.SUSPENDED:
            where = f"<code>{_e(_where(record))}</code>, instruction {record.next_instr_num}"
            facts.append(("waits at", f'<a href="#waiting">{where}</a> in <code>{_e(record.function)}()</code>'))
            facts.append(("awaiting", f"<code>{_e(record.awaited_summary)}</code>"))
            keys = ", ".join(f"<code>{_e(key)}</code>" for key in record.keys)
            facts.append(("notify keys", keys or "none (found by polling only)"))
            if record.deadline:
                facts.append(("deadline", _e(_clock(record.deadline))))
        if record.cancel_requested and record.status not in TERMINAL:
            facts.append(("cancel", "requested"))
        if record.condition_error:
            facts.append(("condition", f'<pre class="error">{_e(record.condition_error)}</pre>'))
        if record.error:
            facts.append(("error", f'<pre class="error">{_e(record.error)}</pre>'))
        result = getattr(record, "result", None)
        if result is not None:
            facts.append(("result", f'<pre class="result">{_e(_shown_value(result))}</pre>'))
        rows = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in facts)
        output = f'<pre class="output">{_e(record.output)}</pre>' if record.output else '<p class="empty">none</p>'
        return f"""
<table class="facts">{rows}</table>
<section class="columns">
<div><h2>script</h2>{self._source(record)}</div>
<div><h2>history</h2>{_timeline(self.store.events(record.id))}<h2>output</h2>{output}</div>
</section>"""

    def _source(self, record: JobRecord) -> str:
        try:
            source, _ = self.store.program(record.program_hash)
        except JobStoreError as error:
            return f'<p class="empty">{_e(str(error))}</p>'
        waiting = record.line if record.status == Status.SUSPENDED else None
        lines = []
        for number, text in enumerate(source.splitlines(), start=1):
            mark = ' class="waiting" id="waiting" title="the job waits here"' if number == waiting else ""
            lines.append(f'<span{mark}><span class="number">{number}</span>{_e(text)}\n</span>')
        return f'<pre class="source">{"".join(lines)}</pre>'


# -- pieces ----------------------------------------------------------------------------------


def _e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values (quotes too)."""
    return html.escape(str(text), quote=True)


def _filters(request: Request) -> tuple[list[str], str]:
    statuses = [s.upper() for s in request.query_params.getlist("status") if s.upper() in Status.__members__]
    return statuses, request.query_params.get("q", "").strip()


def _matches(record: JobRecord, query: str) -> bool:
    fields = (record.id, record.status.value, record.filename, record.function or "", record.awaited_summary)
    texts = (*fields, *record.keys, record.error or "", record.output)
    return any(query in text.lower() for text in texts)


def _job_row(record: JobRecord) -> str:
    where = _where(record) or record.filename
    detail = record.awaited_summary if record.status == Status.SUSPENDED else _first_line(record.error)
    link = f"/jobs/{_e(record.id)}"
    return (
        f'<tr><td><a href="{link}"><code>{_e(record.id[:12])}</code></a></td><td>{_badge(record.status)}</td>'
        f"<td>{_e(record.python)}</td><td><code>{_e(where)}</code></td><td>{_e(detail)}</td>"
        f"<td>{_e(_clock(record.updated))}</td></tr>"
    )


def _badge(status: Status) -> str:
    return f'<span class="badge {status.value.lower()}">{status.value}</span>'


def _status_options(chosen: list[str]) -> str:
    options = ['<option value="">any</option>']
    for status in Status:
        selected = " selected" if status.value in chosen else ""
        options.append(f'<option value="{status.value}"{selected}>{status.value}</option>')
    return "".join(options)


def _timeline(events: list[dict[str, Any]]) -> str:
    if not events:
        return '<p class="empty">no events</p>'
    items = []
    for event in events:
        rest = ", ".join(f"{name}={value}" for name, value in event.items() if name not in ("event", "at"))
        kind = str(event.get("event", "?"))
        items.append(
            f'<li class="{_e(kind)}"><time>{_e(_clock(event.get("at", 0)))}</time> <b>{_e(kind)}</b>'
            f"{f' <span>{_e(rest)}</span>' if rest else ''}</li>"
        )
    return f'<ol class="timeline">{"".join(items)}</ol>'


def _shown_value(value: Any) -> str:
    """A job's result as text: JSON where it is JSON, its ``repr`` otherwise."""
    with contextlib.suppress(TypeError, ValueError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return repr(value)


def _clock(at: float | None) -> str:
    if not at:
        return ""
    today = time.strftime("%Y-%m-%d")
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))
    return stamp[11:] if stamp.startswith(today) else stamp


def _store_name(store: JobStore) -> str:
    path = getattr(store, "path", None)
    return f"store: {path}" if path else f"store: {type(store).__name__}"


def _note(text: str) -> str:
    return f'<p class="note">{_e(text)}</p>' if text else ""


_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _html(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dashboard.css"><script src="/dashboard.js" defer></script></head>
<body>{body}</body></html>"""
    return HTMLResponse(page, status_code=status_code, headers=_SECURITY_HEADERS)


def _html_fragment(body: str) -> HTMLResponse:
    return HTMLResponse(body, headers=_SECURITY_HEADERS)


def _error(status_code: int, message: str) -> HTMLResponse:
    body = f'<h1><a href="/">statek-vm</a></h1><p class="note error">{_e(message)}</p>'
    return _html("statek-vm dashboard", body, status_code)


def _asset(text: str, media_type: str) -> Response:
    return Response(text, media_type=media_type, headers=_SECURITY_HEADERS)


_SCRIPT = f"""\
// Live update: fetch each live part again and put it in place when it changed.
for (const region of document.querySelectorAll("[data-live]")) {{
  let shown = null;
  setInterval(async () => {{
    try {{
      const response = await fetch(region.dataset.live, {{cache: "no-store"}});
      if (!response.ok) return;
      const text = await response.text();
      if (text !== shown) {{ region.innerHTML = text; shown = text; }}
    }} catch (error) {{ /* the server stopped: try again at the next tick */ }}
  }}, {_REFRESH_MS});
}}
"""

_CSS = """\
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em 2em; color: #1d232a; background: #fafbfc; }
a { color: #1f5fbf; text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 1.35em; margin: 0; } h1 a { color: inherit; } h2 { font-size: 1.05em; margin: 1.2em 0 .4em; }
header { display: flex; align-items: baseline; gap: 1.5em; margin-bottom: 1em; }
.store { color: #66707a; margin: 0; font-size: .9em; }
code, pre { font: 12.5px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
.counts { display: flex; flex-wrap: wrap; gap: .4em; margin: .8em 0; }
.count { border: 1px solid #d5dae0; border-radius: 6px; padding: .25em .7em; background: #fff; color: #1d232a; }
.count.chosen { outline: 2px solid #1f5fbf; }
.count b { font-variant-numeric: tabular-nums; }
.filters, .action { display: flex; flex-wrap: wrap; gap: .6em; align-items: center; margin: .6em 0; }
.actions { display: flex; flex-wrap: wrap; gap: .8em; }
input, select, button { font: inherit; padding: .25em .5em; border: 1px solid #c4cbd3; border-radius: 5px; }
button { background: #fff; cursor: pointer; } button:hover { background: #eef3fa; }
button.danger { color: #a3261b; border-color: #e2a8a2; }
.hint { color: #66707a; font-size: .9em; }
table.jobs { border-collapse: collapse; width: 100%; background: #fff; }
table.jobs th, table.jobs td { text-align: left; padding: .35em .7em; border-bottom: 1px solid #e6e9ed; }
table.jobs th { font-weight: 600; color: #4a545e; font-size: .85em; text-transform: uppercase; }
table.facts td { overflow-wrap: anywhere; }
table.facts th { text-align: left; padding: .2em 1.2em .2em 0; color: #4a545e; font-weight: 600; vertical-align: top; }
.badge { border-radius: 4px; padding: .05em .45em; font-size: .8em; font-weight: 600; background: #e6e9ed; }
:is(.badge, .count):is(.pending, .ready) { background: #e7effb; }
:is(.badge, .count).started { background: #fff3d6; }
:is(.badge, .count).suspended { background: #efe5fb; }
:is(.badge, .count).completed { background: #ddf3e2; }
:is(.badge, .count):is(.failed, .timed_out) { background: #fbe1de; }
:is(.badge, .count).cancelled { background: #e6e9ed; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2em; }
pre { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: .6em .8em; overflow-x: auto; }
pre.source > span { display: block; }
pre.source .number { display: inline-block; width: 3em; color: #9aa3ad; user-select: none; }
pre.source .waiting { background: #fff1a8; box-shadow: inset 3px 0 #e0a800; font-weight: 600; }
pre.error { color: #a3261b; margin: 0; }
pre.output, pre.error, pre.result, .timeline span { white-space: pre-wrap; overflow-wrap: anywhere; }
.timeline { list-style: none; padding: 0 0 0 1em; border-left: 2px solid #d5dae0; margin: 0; }
.timeline li { position: relative; padding: .15em 0 .45em .6em; }
.timeline li::before { content: ""; position: absolute; left: -1.42em; top: .55em; width: .7em; height: .7em;
  border-radius: 50%; background: #8a96a3; }
.timeline li.suspended::before { background: #7a4fc9; } .timeline li.completed::before { background: #2e8b57; }
.timeline li.failed::before, .timeline li.cancelled::before { background: #c0392b; }
.timeline time { color: #66707a; font-variant-numeric: tabular-nums; } .timeline span { color: #4a545e; }
.note { background: #eef3fa; border-left: 3px solid #1f5fbf; padding: .4em .8em; }
.note.error { background: #fbe1de; border-color: #c0392b; }
.empty { color: #66707a; }
"""
