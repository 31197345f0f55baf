"""Where a job's event loop (vm/script_asyncio.py) meets the real one.

A script's ``asyncio.run()`` runs its own loop on the VM, in the frame of
``script_asyncio.run_script`` (``RET_LOOP``).  Host coroutines it awaits
need a real event loop: the job's driver (statek_vm/job.py) runs the job
as a task of one.  The job's resumable run stops for it, with its frames at
an instruction boundary (a ``Suspension`` whose future is a
:class:`LoopSignal`), in three cases:

- ``ENTER``: the script's ``asyncio.run()`` is about to start, or a job
  resumes inside one: the run goes on inside the driver's task, where the
  real loop is running (the instruction that asked runs again);
- ``WAIT``: the script's loop has nothing ready: the driver awaits the real
  futures its host I/O waits on (or its next timer), then the instruction
  that asked runs again and finds them done;
- ``LEAVE``: the script's ``asyncio.run()`` returned or raised: the real
  loop closes, as natively, and the script goes on without one.
"""

from __future__ import annotations

from typing import Any

ENTER = "enter"
WAIT = "wait"
LEAVE = "leave"


class LoopSignal:
    """What a resumable run that stopped at the loop's edge asks of the job's driver.

    The run stops as for a pending future (a ``Suspension`` whose future is
    this), so that its frames are left at an instruction boundary.
    """

    __slots__ = ("kind", "value")

    def __init__(self, kind: str, value: Any = None) -> None:
        self.kind = kind
        # WAIT: (real futures, timeout) to wait for; LEAVE: the exception asyncio.run() raised, or None.
        self.value = value

    def check_condition(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<LoopSignal {self.kind}>"

    def __reduce__(self) -> Any:
        # Only ENTER travels in snapshots (a job left where it asked for a
        # loop): the others hold what the loop is running now.
        if self is not ENTER_LOOP:
            raise TypeError(f"cannot pickle {self!r}: the event loop is running it")
        return "ENTER_LOOP"


# The one ENTER signal (it carries nothing).
ENTER_LOOP = LoopSignal(ENTER)
