"""Reducers of the host iterators a job holds at a wait, so that they resume with their native meaning.

``REDUCERS`` maps an exact type to a function returning a pickle reduce
tuple for one of its objects; the snapshot picklers use it (see
``statek_vm/snapshot/pickling.py``).
"""

from __future__ import annotations

from typing import Any

REDUCERS: dict[type, Any] = {}
