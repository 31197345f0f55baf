"""Shared test configuration: hypothesis profiles, and tier 1 compiling at once.

``ci`` is bounded and reproducible; ``dev`` searches deeper for local runs.
The profile is ``HYPOTHESIS_PROFILE`` if set, else ``ci`` when ``CI=true``,
else ``dev``::

    HYPOTHESIS_PROFILE=ci python3 -m pytest tests/future

Tier 1 compiles a unit after its loops ran ``STATEK_VM_TIER1_HOT`` times
(16 by default); the tests set 2, so that the short loops of test scripts run
compiled too (in this process and in the processes tests start).
``STATEK_VM_TIER=0`` runs the suite in tier 0 alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("STATEK_VM_TIER1_HOT", "2")

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", max_examples=50, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=500, deadline=None)

_in_ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _in_ci else "dev"))
