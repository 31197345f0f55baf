"""Shared test configuration: hypothesis profiles.

``ci`` is bounded and reproducible; ``dev`` searches deeper for local runs.
The profile is ``HYPOTHESIS_PROFILE`` if set, else ``ci`` when ``CI=true``,
else ``dev``::

    HYPOTHESIS_PROFILE=ci python3 -m pytest tests/future
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=50, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=500, deadline=None)

_in_ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _in_ci else "dev"))
