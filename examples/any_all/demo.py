"""The any/all story, each step in its own process, in a scratch folder.

    python3 examples/any_all/demo.py

1. ``statek-vm run agent.py``: four lookups start; the job waits for either search.
2. The fallback search completes; a worker resumes the job with it, and the
   job suspends again, on both the profile and the calendar.
3. The profile completes: a worker checks, and the job waits on (one of two).
4. The calendar completes: a worker resumes the job to its end.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from story import Story  # noqa: E402 - the helper lives beside the examples

with Story(__file__, ["agent.py", "tools.py", "complete.py"]) as story:
    out = story.statek_vm("run", "agent.py")
    job = story.find(r"job (\w+) SUSPENDED", out)
    fallback = story.find(r"fallback search (\d+)", out)
    profile = story.find(r"profile (\d+)", out)
    calendar = story.find(r"calendar (\d+)", out)
    story.python("complete.py", fallback, "TAP 13:05, 212 EUR")
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.python("complete.py", profile, "Ana, aisle seat")
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.python("complete.py", calendar, "free Thursday to Sunday")
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.statek_vm("show", job)
