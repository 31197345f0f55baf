"""Where a job's coroutines meet a real event loop.

Natively ``asyncio.run(main())`` (or a script with top-level ``await``) runs
the script's coroutines as a task of an event loop: whatever they await
last — a host coroutine's future, ``asyncio.sleep(0)``'s bare yield — is
yielded up the chain of awaiting coroutines to that task, which waits for
it and sends the result back down.

On the VM the chain's outermost coroutine is *the loop's edge*: the job's
root coroutine (top-level ``await``), or the coroutine the script's
``asyncio.run()`` runs inline as a VM frame (``RET_LOOP``).  When it yields,
the job's resumable run stops there with its frames as data (a
:class:`LoopSignal` ``AWAIT``); the job's driver (statek_vm/job.py), a task of
a real event loop, awaits what was yielded, and the run goes on from the
edge with what the loop sent or threw.  A wait on a pending future at any
instruction between such awaits suspends the job as anywhere else.

``ENTER`` asks for a running event loop before the edge starts (the
instruction that asked runs again inside one), ``LEAVE`` says the script's
``asyncio.run()`` has returned or raised: its loop closes, as natively, and
the script goes on without one.
"""

from __future__ import annotations

from typing import Any

ENTER = "enter"
AWAIT = "await"
LEAVE = "leave"


class LoopSignal:
    """What a resumable run that stopped at the loop's edge asks of the job's driver.

    The run stops as for a pending future (a ``Suspension`` whose future is
    this), so that its frames are left at an instruction boundary.
    """

    __slots__ = ("kind", "value")

    def __init__(self, kind: str, value: Any = None) -> None:
        self.kind = kind
        # AWAIT: what the edge yielded; LEAVE: the exception asyncio.run() raised, or None.
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
