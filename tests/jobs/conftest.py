"""Fixtures of the job tests: every store, PostgreSQL on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from statek_vm.jobs import JobStore, MemoryStore, SQLiteStore
from tests.jobs.pg import Server, postgres_server

__all__ = ["postgres_server", "store"]

KEY = b"k" * 32


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[JobStore]:
    """Each store in turn, empty."""
    made: JobStore
    if request.param == "memory":
        made = MemoryStore()
    elif request.param == "sqlite":
        made = SQLiteStore(tmp_path / "jobs.db")
    else:
        from statek_vm.jobs import PostgresStore

        server: Server = request.getfixturevalue("postgres_server")
        made = PostgresStore(server.database(), key=KEY)
    yield made
    made.close()
