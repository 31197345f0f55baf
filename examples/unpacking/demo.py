"""The tuple-unpacking story, each step in its own process, in a scratch folder.

    python3 examples/unpacking/demo.py

1. ``statek-vm run agent.py``: the job unpacks a pending pair and suspends
   on the next line, which needs one of its elements.
2. ``python3 vote.py ...`` three times: the poll reaches its quorum.
3. ``statek-vm worker --until-idle``: a worker resumes the job.
4. ``statek-vm show JOB``: completed; "preparing" was printed once.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from story import Story  # noqa: E402 - the helper lives beside the examples

with Story(__file__, ["agent.py", "tools.py", "vote.py"]) as story:
    out = story.statek_vm("run", "agent.py")
    job = story.find(r"job (\w+) SUSPENDED", out)
    poll = story.find(r"python3 vote.py (\d+)", out)
    for voter, day in (("ana", "Thursday"), ("ben", "Tuesday"), ("chloe", "Thursday")):
        story.python("vote.py", poll, day, "--voter", voter)
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.statek_vm("show", job)
