"""The exporter: finish an export, then wake the job waiting on it.

    python3 finish_export.py EXPORT_ID [--store PATH]

The file is written and the export marked complete in ``exports.db`` first:
that durable state is what the job reads when it resumes. Notifying the key
``export:EXPORT_ID`` only makes the workers check that job now rather than at
their next sweep (the same as ``statek-vm notify export:EXPORT_ID``).
"""

from __future__ import annotations

import argparse

from tools import finish_export

from statek_vm.jobs import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export_id", type=int)
    parser.add_argument("--store", help="the job store (default: $STATEK_VM_STORE, else ./statek_vm.db)")
    args = parser.parse_args()
    export = finish_export(args.export_id)
    woken = open_store(args.store).wake(key=export.__statek_key__)
    print(f"export {args.export_id} complete; {woken} waiting job(s) will be checked now")


if __name__ == "__main__":
    main()
