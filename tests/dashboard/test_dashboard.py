"""``statek-vm dashboard``: a real server over a real SQLite store, over HTTP and in headless Chromium."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.jobs import SQLiteStore, Status
from tests.dashboard.serving import WAITING_LINE, Dashboard, Jobs, browser, jobs, need_the_extra
from tests.jobs import toolbox
from tests.jobs.processes import ROOT, cli, environment

pytestmark = [
    pytest.mark.skipif(
        sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython's bytecode"
    ),
    # The pages are the same on every version: in CI (where the whole suite
    # must fit its time) the browser drives them on 3.11 alone.
    pytest.mark.skipif(
        os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"} and sys.version_info[:2] != (3, 11),
        reason="in CI the dashboard's browser tests run on CPython 3.11 only",
    ),
]


@pytest.fixture
def made(tmp_path: Path) -> Jobs:
    need_the_extra()
    return jobs(tmp_path)


@pytest.fixture
def dashboard(tmp_path: Path, made: Jobs) -> Iterator[Dashboard]:
    with Dashboard(tmp_path) as running:
        yield running


def status(folder: Path, job_id: str) -> Status:
    with SQLiteStore(folder / "jobs.db") as store:
        return store.get(job_id).status


def request(
    dashboard: Dashboard,
    method: str,
    path: str,
    *,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    """One HTTP request to the dashboard: ``(status, headers, body)`` (redirects are not followed)."""
    address = urllib.parse.urlsplit(dashboard.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    body = urllib.parse.urlencode(form) if form is not None else None
    sent = dict(headers or {})
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        connection.close()


# -- over HTTP --------------------------------------------------------------------------


def test_pages_escape_what_jobs_print_and_run_no_inline_script(made: Jobs, dashboard: Dashboard) -> None:
    code, headers, page = request(dashboard, "GET", f"/jobs/{made.suspended}")
    assert code == 200
    assert "<script>alert" not in page, "the job's output reached the page as markup"
    assert "&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;" in page
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    code, _, listing = request(dashboard, "GET", "/")
    assert code == 200 and made.suspended[:12] in listing and made.failed[:12] in listing


def test_actions_need_the_token(tmp_path: Path, made: Jobs, dashboard: Dashboard) -> None:
    cancel = f"/jobs/{made.suspended}/cancel"
    assert request(dashboard, "POST", cancel)[0] == 403
    assert request(dashboard, "POST", cancel, form={"token": dashboard.token[:-1] + "x"})[0] == 403
    assert request(dashboard, "POST", "/notify", form={"key": "gate:approval"})[0] == 403
    assert status(tmp_path, made.suspended) == Status.SUSPENDED, "a refused action changed nothing"

    # The browser's cookie alone is not enough: a cross-site form would carry it too.
    cookie = {"Cookie": f"statek_vm_dashboard_{urllib.parse.urlsplit(dashboard.url).port}={dashboard.token}"}
    assert request(dashboard, "POST", cancel, headers=cookie)[0] == 403

    code, headers, _ = request(dashboard, "POST", "/notify", form={"key": "gate:approval", "token": dashboard.token})
    assert code == 303 and headers["location"] == "/?woken=1", "the suspended job waits on that key"
    code, headers, _ = request(dashboard, "POST", f"/jobs/{made.suspended}/resume", form={"token": dashboard.token})
    assert code == 303 and headers["location"] == f"/jobs/{made.suspended}?note=checking"
    code, headers, _ = request(dashboard, "POST", f"/jobs/{made.failed}/resume", form={"token": dashboard.token})
    assert headers["location"] == f"/jobs/{made.failed}?note=not-resumable", "it failed before any snapshot"
    assert status(tmp_path, made.failed) == Status.FAILED
    code, headers, _ = request(dashboard, "POST", cancel, headers={"X-Statek-Token": dashboard.token})
    assert code == 303 and headers["location"] == f"/jobs/{made.suspended}?note=cancelled"
    assert status(tmp_path, made.suspended) == Status.CANCELLED


def test_the_printed_address_gives_the_browser_its_token(made: Jobs, dashboard: Dashboard) -> None:
    code, headers, _ = request(dashboard, "GET", f"/?token={dashboard.token}")
    assert code == 303 and headers["location"] == "/", "the token leaves the address bar"
    assert "httponly" in headers["set-cookie"].lower() and "samesite=strict" in headers["set-cookie"].lower()
    assert request(dashboard, "GET", "/?token=wrong-token-of-some-length")[0] == 403


def test_only_requests_addressed_to_localhost_are_answered(made: Jobs, dashboard: Dashboard) -> None:
    # A page of another site whose name was re-bound to 127.0.0.1 sends its own name as the Host.
    assert request(dashboard, "GET", "/", headers={"Host": "attacker.example"})[0] == 400
    assert request(dashboard, "GET", "/", headers={"Host": "localhost"})[0] == 200


def test_a_missing_extra_says_which_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['starlette'] = None; from statek_vm.cli import main; sys.exit(main(['dashboard']))"
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path / "jobs.db"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 1
    assert "statek-vm: error: the dashboard needs " in ran.stderr and "statek-vm[dashboard]" in ran.stderr


# -- in a browser --------------------------------------------------------------------------


def test_browser_list_updates_live_and_filters(tmp_path: Path, made: Jobs, dashboard: Dashboard) -> None:
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(f"{dashboard.url}/?token={dashboard.token}")
        assert page.url == f"{dashboard.url}/"
        assert page.locator(".count.suspended b").inner_text() == "1"
        assert page.locator(".count.completed b").inner_text() == "1"
        assert page.locator(".count.failed b").inner_text() == "1"
        assert page.locator("table.jobs tbody tr").count() == 3

        cli(tmp_path, "run", "report.py")  # another process adds a job: the open page shows it
        page.locator(".count.completed b").filter(has_text="2").wait_for(timeout=15_000)
        assert page.locator("table.jobs tbody tr").count() == 4

        page.fill("input[name=q]", "gate:approval")
        page.click("form.filters button")
        rows = page.locator("table.jobs tbody tr")
        assert rows.count() == 1 and made.suspended[:12] in rows.inner_text()
        page.select_option("select[name=status]", "FAILED")
        page.fill("input[name=q]", "")
        page.click("form.filters button")
        assert rows.count() == 1 and made.failed[:12] in rows.inner_text()


def test_browser_job_page_highlights_the_waiting_line_and_cancels(
    tmp_path: Path, made: Jobs, dashboard: Dashboard
) -> None:
    with browser() as chromium:
        page = chromium.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{dashboard.url}/?token={dashboard.token}")
        page.click(f"a[href='/jobs/{made.suspended}']")
        page.wait_for_url(f"**/jobs/{made.suspended}")

        waiting = page.locator("pre.source .waiting")
        assert waiting.count() == 1
        assert waiting.locator(".number").inner_text() == str(WAITING_LINE)
        assert "decision.strip()" in waiting.inner_text()
        background = waiting.evaluate("element => getComputedStyle(element).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the waiting line is not highlighted"
        facts = page.locator("table.facts").inner_text()
        assert "gate:approval" in facts and "FutureResult" in facts
        assert [item.inner_text().split()[1] for item in page.locator(".timeline li").all()] == [
            "submitted",
            "claimed",
            "started",
            "suspended",
        ]
        assert '<script>alert("output")</script>' in page.locator("pre.output").inner_text()
        time.sleep(2.5)  # a live refresh puts the output in place again: still text, never run
        assert dialogs == []

        page.click("form[action$='/cancel'] button")
        page.wait_for_url("**?note=cancelled")
        assert "Cancelled." in page.locator(".note").inner_text()
        assert status(tmp_path, made.suspended) == Status.CANCELLED
        assert page.locator("table.facts .badge").inner_text() == "CANCELLED"
        assert page.locator("pre.source .waiting").count() == 0


def test_browser_without_the_token_cannot_cancel(tmp_path: Path, made: Jobs, dashboard: Dashboard) -> None:
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(f"{dashboard.url}/jobs/{made.suspended}")
        form = page.locator("form[action$='/cancel']")
        form.locator("input[name=token]").fill("not-the-token-at-all")
        form.locator("button").click()
        assert "needs the dashboard's token" in page.locator(".note").inner_text()
        assert status(tmp_path, made.suspended) == Status.SUSPENDED


def test_the_screenshots_script_photographs_both_pages(tmp_path: Path) -> None:
    from tests.dashboard import screenshots

    written = screenshots.main(tmp_path / "docs")
    assert [path.name for path in written] == ["dashboard-list.png", "dashboard-job.png"]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_browser_job_page_follows_the_job_live(tmp_path: Path, made: Jobs, dashboard: Dashboard) -> None:
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(f"{dashboard.url}/jobs/{made.suspended}")
        assert page.locator("table.facts .badge").inner_text() == "SUSPENDED"

        toolbox.Gate(str(tmp_path), "approval").open("approved\n")  # another process decides; a worker resumes
        ran = cli(tmp_path, "worker", "--until-idle", "--poll", "0.05", "--quiet")
        assert ran.returncode == 0, ran.stderr
        page.locator("table.facts .badge").filter(has_text="COMPLETED").wait_for(timeout=15_000)
        assert "decision: approved" in page.locator("pre.output").inner_text()
        assert page.locator(".timeline li").last.inner_text().split()[1] == "completed"
        assert page.locator("pre.source .waiting").count() == 0, "a finished job waits nowhere"
