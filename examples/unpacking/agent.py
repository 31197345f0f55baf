"""An agent that unpacks a pending pair, then waits for it where it is used.

    cd examples/unpacking
    statek-vm run agent.py                   # opens poll 1; SUSPENDED where the outcome is first used
    python3 vote.py 1 Thursday --voter ana    # from other terminals: three votes decide it
    python3 vote.py 1 Tuesday --voter ben
    python3 vote.py 1 Thursday --voter chloe
    statek-vm worker --until-idle            # resumes the job, in this new process
    statek-vm show JOB_ID

``statek-vm`` is also ``python3 -m statek_vm.cli``. ``day, votes =
wait_for_outcome(poll)`` does not wait: the outcome is a pending pair, and
unpacking it gives two FutureElement objects. The job suspends on the next
line, which needs ``day``'s value. ``python3 demo.py`` tells the whole story in
a scratch folder.
"""

import os

from tools import open_poll, wait_for_outcome

poll = open_poll("Which day for the team offsite?", ["Tuesday", "Thursday"], quorum=3)
print(f"preparing in process {os.getpid()}: poll {poll.poll_id} is open; vote with: python3 vote.py {poll.poll_id} DAY")

day, votes = wait_for_outcome(poll)
print("unpacked the pending outcome into two elements; nothing has waited yet")

# `day` comes first in the line: the job suspends as it formats it.
print(f"the offsite is on {day}, with {votes} of {poll.quorum} votes (resumed in process {os.getpid()})")
