"""An agent that asks a human before it changes anything, and waits durably.

    cd examples/approval
    statek-vm run agent.py            # prints SUSPENDED: where it waits, and the request id
    python3 approve.py 1               # from another terminal: approve request 1 (or --reject)
    statek-vm worker --until-idle     # resumes the job, in this new process
    statek-vm show JOB_ID             # its status, history and whole output

``statek-vm`` is also ``python3 -m statek_vm.cli``. The job suspends at the
line that reads the decision; the lines before it never run again, however
long the human takes. ``python3 demo.py`` tells the whole story in a scratch
folder.
"""

import os

from tools import apply_change, request_approval, wait_for_approval

change = "move the weekly sync to Thursday 10:00"
print(f"preparing in process {os.getpid()}: proposing to {change}")
request = request_approval(change)
print(f"approval request {request.request_id} sent; approve it with: python3 approve.py {request.request_id}")

approval = wait_for_approval(request)
if approval.status == "approved":
    apply_change(change)
    print(f"resumed in process {os.getpid()}: {approval.reviewer} approved; applied: {change}")
else:
    print(f"resumed in process {os.getpid()}: {approval.reviewer} rejected it; nothing changed")
