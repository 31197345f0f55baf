"""Add a task to the queue and wake the jobs waiting on it; or list the tasks.

    python3 produce.py USER TEXT [--store PATH]
    python3 produce.py --list

The task is written to ``queue.db`` first; notifying the key ``queue:inbox``
only makes the workers check the waiting jobs now rather than at their next
sweep (the same as ``statek-vm notify queue:inbox``).
"""

from __future__ import annotations

import argparse

from tools import TaskQueue

from statek_vm.jobs import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("user", nargs="?")
    parser.add_argument("text", nargs="?")
    parser.add_argument("--list", action="store_true", help="list the tasks and their answers")
    parser.add_argument("--store", help="the job store (default: $STATEK_VM_STORE, else ./statek_vm.db)")
    args = parser.parse_args()
    queue = TaskQueue.open("inbox")
    if args.list:
        for task_id, user, text, answer in queue.tasks():
            print(f"task {task_id} from {user}: {text!r} -> {answer or '(waiting for a job)'}")
        return
    if not (args.user and args.text):
        parser.error("give USER and TEXT, or --list")
    task_id = queue.add(args.user, args.text)
    woken = open_store(args.store).wake(key=queue.__statek_key__)
    print(f"task {task_id} added for {args.user}; {woken} waiting job(s) will be checked now")


if __name__ == "__main__":
    main()
