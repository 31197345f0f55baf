"""A real PostgreSQL server for the tests, started from the machine's binaries.

One server per test session, in a temporary folder, listening only on a
Unix socket there; each test gets a fresh database.  PostgreSQL refuses to
run as root, so as root the server runs as the ``postgres`` user.  Without
PostgreSQL binaries the tests that need them are skipped, except in CI,
where that is a failure: CI must test every store.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator

import pytest


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class Server:
    """A running server; :meth:`database` makes a fresh database and its DSN."""

    def __init__(self) -> None:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if initdb is None or pg_ctl is None:
            raise FileNotFoundError("PostgreSQL's initdb and pg_ctl were not found")
        # A short path: a Unix socket's path is limited to about 100 bytes.
        self.folder = tempfile.mkdtemp(prefix="statek-pg-")
        self.data = os.path.join(self.folder, "data")
        self.pg_ctl = pg_ctl
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(
            _as_server_user([initdb, "-D", self.data, "-A", "trust", "-U", "statek", "-E", "UTF8", "--no-sync"]),
            check=True,
            capture_output=True,
        )
        options = f"-k {self.folder} -c listen_addresses='' -p 5432 -c fsync=off -c max_connections=200"
        subprocess.run(
            _as_server_user(
                [pg_ctl, "-D", self.data, "-o", options, "-w", "-t", "60", "-l", self.data + ".log", "start"]
            ),
            check=True,
            capture_output=True,
        )
        self.base_dsn = f"host={self.folder} port=5432 user=statek"

    def database(self, *, url: bool = False) -> str:
        """A fresh database: its libpq DSN, or its ``postgresql://`` URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.base_dsn + " dbname=postgres", autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        if url:
            return f"postgresql://statek@/{name}?host={self.folder}&port=5432"
        return f"{self.base_dsn} dbname={name}"

    def stop(self) -> None:
        subprocess.run(_as_server_user([self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'statek-vm[postgres]')")
    try:
        server = Server()
    except (FileNotFoundError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        _unavailable(f"cannot start PostgreSQL: {error} {detail.decode(errors='replace')[-500:]}")
    yield server
    server.stop()


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI must test the PostgreSQL store: {reason}")
    pytest.skip(reason)
