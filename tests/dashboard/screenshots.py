"""The dashboard's screenshots in ``docs/``: the job list and a waiting job's page.

    python3 -m tests.dashboard.screenshots [FOLDER]     (default: docs)

Runs the approval example's agent as a job (it suspends, waiting for a
human), a report that completes and a script that fails, serves the
dashboard over that store and photographs both pages in headless Chromium.
Writes ``dashboard-list.png`` and ``dashboard-job.png``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.dashboard.serving import BROKEN, REPORT, Dashboard, browser, job_id, need_the_extra
from tests.jobs.processes import ROOT, cli

VIEWPORT = {"width": 1400, "height": 720}


def main(folder: Path) -> list[Path]:
    """Write both screenshots into ``folder``; returns their paths."""
    need_the_extra()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "agents"
        shutil.copytree(ROOT / "examples" / "approval", work)
        (work / "report.py").write_text(REPORT, encoding="utf-8")
        (work / "broken.py").write_text(BROKEN, encoding="utf-8")
        waiting = job_id(cli(work, "run", "agent.py", "--json"))
        cli(work, "run", "report.py")
        cli(work, "run", "broken.py")
        with Dashboard(work) as dashboard, browser() as chromium:
            page = chromium.new_page(viewport=VIEWPORT, device_scale_factor=1)
            page.goto(f"{dashboard.url}/?token={dashboard.token}")
            listing = folder / "dashboard-list.png"
            page.screenshot(path=str(listing))
            page.goto(f"{dashboard.url}/jobs/{waiting}")
            job = folder / "dashboard-job.png"
            page.screenshot(path=str(job), full_page=True)
    return [listing, job]


if __name__ == "__main__":
    for written in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(written)
