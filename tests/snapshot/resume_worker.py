"""Resume a job from a snapshot file in this fresh process, and write the next snapshot back.

Usage: python -m tests.snapshot.resume_worker SNAPSHOT_FILE KEY_HEX
Prints the job's status; the snapshot file is replaced while the job is still suspended.
"""

from __future__ import annotations

import sys
from pathlib import Path

import statek_vm
from tests.snapshot import durable


def main() -> None:
    path, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
    job = statek_vm.Job.loads(path.read_bytes(), durable.bindings(), key=key)
    job.awaited_result.deps.open = True
    job.resume()
    if job.status == "SUSPENDED":
        path.write_bytes(job.dumps(key=key))
    elif job.status == "FAILED":
        print("error:", repr(job.error), file=sys.stderr)
    sys.stdout.write(f"{job.status.value}\n{job.output}")


if __name__ == "__main__":
    main()
