"""The warmup story: three jobs wait on an empty queue; a fleet of two workers
serves the tasks a producer adds, each task to exactly one job.

    python3 examples/warmup/demo.py

Every step is its own process, in a scratch folder that is removed at the end.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from story import Story  # noqa: E402 - the helper lives beside the examples

from statek_vm.jobs import open_store  # noqa: E402

TASKS = [
    ("ana", "Summarize yesterday's standup"),
    ("ben", "Draft the release notes"),
    ("chloe", "Book a room for Friday"),
]

with Story(__file__, ["warmup.py", "tools.py", "produce.py"]) as story:
    for _ in TASKS:
        story.statek_vm("run", "warmup.py")
    fleet = [story.start_statek_vm("worker", "--max-live", "3", "--poll", "0.05") for _ in range(2)]
    store = open_store(story.workdir / "statek_vm.db")
    for done, (user, text) in enumerate(TASKS, start=1):
        story.python("produce.py", user, text)
        story.until(f"{done} job(s) to complete", lambda n=done: store.counts()["COMPLETED"] >= n)
    for worker in fleet:
        story.stop(worker)
    story.statek_vm("jobs")
    story.python("produce.py", "--list")
    for record in store.jobs(newest_first=False):
        story.statek_vm("show", record.id)
