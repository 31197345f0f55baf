"""Decide an approval request from another terminal, and wake the job waiting on it.

    python3 approve.py REQUEST_ID [--reject] [--reviewer NAME] [--store PATH]

The decision is written to ``approvals.db`` first: that durable state is what
the job reads when it resumes. Notifying the key ``approval:REQUEST_ID`` only
tells the workers to check that job now instead of at their next sweep; the
same as ``statek-vm notify approval:REQUEST_ID``.
"""

from __future__ import annotations

import argparse
import getpass

from tools import decide

from statek_vm.jobs import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("request_id", type=int)
    parser.add_argument("--reject", action="store_true", help="reject instead of approving")
    parser.add_argument("--reviewer", default=getpass.getuser(), help="who decides (default: you)")
    parser.add_argument("--store", help="the job store (default: $STATEK_VM_STORE, else ./statek_vm.db)")
    args = parser.parse_args()
    status = "rejected" if args.reject else "approved"
    request = decide(args.request_id, status, args.reviewer)
    woken = open_store(args.store).wake(key=request.__statek_key__)
    print(f"request {args.request_id} {status} by {args.reviewer}; {woken} waiting job(s) will be checked now")


if __name__ == "__main__":
    main()
