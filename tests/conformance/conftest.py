"""The ``conformance`` marker: CPython's own language tests run on the VM.

Select or deselect the run with ``-m conformance`` / ``-m "not conformance"``.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "conformance: CPython's language test modules run natively and on the VM, "
        "compared against recorded floors (tests/conformance/floors.json, floors-3.12.json, ...)",
    )
