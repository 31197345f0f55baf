"""The approval story, each step in its own process, in a scratch folder.

    python3 examples/approval/demo.py

1. ``statek-vm run agent.py``: the job asks for approval and suspends.
2. ``python3 approve.py ID``: a human approves, in another process.
3. ``statek-vm worker --until-idle``: a worker resumes the job where it waited.
4. ``statek-vm show JOB``: completed; "preparing" was printed once.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from story import Story  # noqa: E402 - the helper lives beside the examples

with Story(__file__, ["agent.py", "tools.py", "approve.py"]) as story:
    out = story.statek_vm("run", "agent.py")
    job = story.find(r"job (\w+) SUSPENDED", out)
    request = story.find(r"python3 approve.py (\d+)", out)
    story.python("approve.py", request, "--reviewer", "dana")
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.statek_vm("show", job)
