"""Vote in a poll, then wake the job waiting on its outcome.

    python3 vote.py POLL_ID OPTION --voter NAME [--store PATH]

The vote is written to ``polls.db`` first: that durable state is what the job
reads when it resumes. Notifying the key ``poll:POLL_ID`` only makes the
workers check the waiting jobs now rather than at their next sweep (the same
as ``statek-vm notify poll:POLL_ID``).
"""

from __future__ import annotations

import argparse
import getpass

from tools import cast_vote

from statek_vm.jobs import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("poll_id", type=int)
    parser.add_argument("option")
    parser.add_argument("--voter", default=getpass.getuser(), help="who votes (default: you)")
    parser.add_argument("--store", help="the job store (default: $STATEK_VM_STORE, else ./statek_vm.db)")
    args = parser.parse_args()
    poll = cast_vote(args.poll_id, args.voter, args.option)
    woken = open_store(args.store).wake(key=poll.__statek_key__)
    count = poll.vote_count()
    print(f"{args.voter} voted {args.option}: {count} of {poll.quorum} votes; {woken} waiting job(s) checked now")


if __name__ == "__main__":
    main()
