"""Complete a lookup, then wake the jobs waiting on it.

    python3 complete.py LOOKUP_ID RESULT [--store PATH]

The result is written to ``lookups.db`` first: that durable state is what the
job reads when it resumes. Notifying the key ``lookup:LOOKUP_ID`` only makes
the workers check the waiting jobs now rather than at their next sweep (the
same as ``statek-vm notify lookup:LOOKUP_ID``).
"""

from __future__ import annotations

import argparse

from tools import complete_lookup

from statek_vm.jobs import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lookup_id", type=int)
    parser.add_argument("result")
    parser.add_argument("--store", help="the job store (default: $STATEK_VM_STORE, else ./statek_vm.db)")
    args = parser.parse_args()
    lookup = complete_lookup(args.lookup_id, args.result)
    woken = open_store(args.store).wake(key=lookup.__statek_key__)
    print(f"lookup {args.lookup_id} complete; {woken} waiting job(s) will be checked now")


if __name__ == "__main__":
    main()
