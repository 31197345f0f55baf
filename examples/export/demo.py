"""The background export story, each step in its own process, in a scratch folder.

    python3 examples/export/demo.py

1. ``statek-vm run agent.py``: the job starts an export and suspends.
2. ``statek-vm worker --until-idle``: the export is running; the job waits on.
3. ``python3 finish_export.py ID``: the exporter finishes it, in another process.
4. ``statek-vm worker --until-idle``: a worker resumes the job, which reports.
5. ``statek-vm show JOB``: completed; "preparing" was printed once.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from story import Story  # noqa: E402 - the helper lives beside the examples

with Story(__file__, ["agent.py", "tools.py", "finish_export.py"]) as story:
    out = story.statek_vm("run", "agent.py")
    job = story.find(r"job (\w+) SUSPENDED", out)
    export = story.find(r"python3 finish_export.py (\d+)", out)
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.python("finish_export.py", export)
    story.statek_vm("worker", "--until-idle", "--poll", "0.05")
    story.statek_vm("show", job)
