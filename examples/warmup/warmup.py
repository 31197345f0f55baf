"""A bounded queue-picking warmup: each job waits, durably, for the next task.

    cd examples/warmup
    statek-vm run warmup.py                                   # three times: three jobs SUSPENDED, queue empty
    statek-vm worker --max-live 3 --poll 0.05 &               # a fleet: start two or more workers
    python3 produce.py ana "Summarize yesterday's standup"    # a task arrives; one job picks it
    statek-vm jobs                                            # each job COMPLETED once it got a task
    python3 produce.py --list                                 # the tasks and the answers

``statek-vm`` is also ``python3 -m statek_vm.cli``. While the queue is empty
the jobs wait at ``user = task.user`` without holding a process; the workers
poll the cheap condition (and the producer's notify makes them look at once).
``--max-live`` bounds how many jobs are started and not finished: the fleet
of waiting jobs stays the size the application chose. Stop a worker with
Ctrl-C (``kill -INT``). ``python3 demo.py`` tells the whole story in a
scratch folder.
"""

import os

from tools import TaskQueue, answer_task, pick_next_task

queue = TaskQueue.open("inbox")
print(f"warming up in process {os.getpid()}: tools loaded, workspace ready")

task = pick_next_task(queue)
user = task.user
message = task.message
request_text = message.text

print(f"resumed in process {os.getpid()}: task {task.task_id} from {user}: {request_text}")
answer_task(queue, task, f"done: {request_text.lower()}")
