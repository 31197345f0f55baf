"""The ``statek-vm`` command line.

The command line arrives with jobs and the runner; until then it only says so.
Use the Python API (``statek_vm``) meanwhile.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

USAGE = "usage: statek-vm COMMAND ... (not available yet: the command line arrives with jobs and the runner)"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the usage line and return 2, the exit status for a usage error."""
    del argv  # no command exists yet
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
