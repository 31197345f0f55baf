"""``PostgresStore``: the job store for workers on many machines.

The same contract and the same steps as
:class:`~statek_vm.jobs.sqlite.SQLiteStore` (both are
:class:`~statek_vm.jobs.sqlstore.SQLStore`'s, translated), on a
PostgreSQL server (``psycopg`` 3, the optional ``postgres`` extra:
``pip install 'statek-vm[postgres]'``).  The schema lives in
``sql/postgres/NNNN_*.sql``, in tables prefixed ``statek_vm_``; the applied
version is kept in ``statek_vm_schema`` and migrations run under an advisory
lock, so workers starting together apply each one once.

Claims lock the chosen row (``FOR UPDATE SKIP LOCKED``), so workers never
wait on each other's rows; claims of ``PENDING`` jobs under ``max_live``
also take a transaction advisory lock, so two machines cannot both take the
last place.  Every change that makes a job worth a look (a suspension, a
notify, a job made ready) sends ``NOTIFY statek_vm``, which workers on every
machine see at once through :meth:`changes`.

The signing key is not kept in the database (whoever can write rows must
not be able to sign them): pass ``key=`` or set ``$STATEK_VM_KEY`` (hex) on
every machine.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from statek_vm.exceptions import JobStoreError
from statek_vm.jobs.doorbell import Doorbell
from statek_vm.jobs.sqlstore import SQLStore
from statek_vm.jobs.store import KEY_ENV, key_from_environment, migrations

__all__ = ["SCHEMA_VERSION", "PostgresStore"]

_CHANNEL = "statek_vm"
# The advisory lock ids: migrations, and claims of PENDING jobs under max_live.
_MIGRATION_LOCK = 0x5747_4B01
_ROOM_LOCK = 0x5747_4B02


SCHEMA_VERSION = max(number for number, _, _ in migrations("postgres"))


class PostgresStore(SQLStore):
    """Jobs on a PostgreSQL server.

    Args:
        dsn: a libpq connection string or URL (``postgresql://user@host/db``).
        key: the snapshot signing key every worker shares (else ``$STATEK_VM_KEY``).

    Example::

        store = PostgresStore("postgresql://statek@db.internal/jobs", key=bytes.fromhex(os.environ["KEY"]))
        Runner(store, globals=bindings).work()
    """

    def __init__(self, dsn: str, *, key: bytes | None = None) -> None:
        try:
            import psycopg
        except ImportError:
            raise JobStoreError("PostgresStore needs psycopg 3: pip install 'statek-vm[postgres]'") from None
        self._psycopg = psycopg
        self.dsn = dsn
        self._key = key
        # The signing key, once checked against the store's snapshots (signing_key()).
        self._checked: bytes | None = None
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._listener: Any = None
        self._seen = 0
        self._migrate()

    def __repr__(self) -> str:
        return f"PostgresStore({re.sub(r':[^:@/]*@', ':***@', self.dsn)!r})"

    # -- connections and schema ------------------------------------------------

    def _db(self) -> Any:
        db = getattr(self._local, "db", None)
        if db is None or db.closed:
            try:
                db = self._psycopg.connect(self.dsn, autocommit=True)
            except self._psycopg.Error as error:
                raise JobStoreError(f"cannot connect to the job store {self!r}: {error}".strip()) from None
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[Any]:
        db = self._db()
        with db.transaction(), db.cursor() as cursor:
            yield cursor

    def _migrate(self) -> None:
        with self._write() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS statek_vm_schema (version INTEGER NOT NULL)")
            cur.execute("SELECT version FROM statek_vm_schema")
            row = cur.fetchone()
            current = row[0] if row else 0
            if row is None:
                cur.execute("INSERT INTO statek_vm_schema (version) VALUES (0)")
            if current > SCHEMA_VERSION:
                raise JobStoreError(
                    f"the job store {self!r} has schema version {current}, newer than this statek_vm "
                    f"understands ({SCHEMA_VERSION}): upgrade statek_vm"
                )
            for number, name, sql in migrations("postgres"):
                if number > current:
                    try:
                        cur.execute(sql)
                    except self._psycopg.Error as error:
                        raise JobStoreError(f"migration {name} failed on {self!r}: {error}") from None
                    cur.execute("UPDATE statek_vm_schema SET version = %s", (number,))

    def close(self) -> None:
        with self._lock:
            for db in [*self._connections, self._listener]:
                if db is not None:
                    with contextlib.suppress(Exception):
                        db.close()
            self._connections.clear()
            self._listener = None
        self._local = threading.local()

    # -- identity and programs ------------------------------------------------

    def signing_key(self) -> bytes:
        if self._checked is None:
            key, source = self._key, "the key given to PostgresStore"
            if key is None:
                key, source = key_from_environment(), f"${KEY_ENV}"
            if key is None:
                raise JobStoreError(
                    "a PostgreSQL job store needs a signing key shared by every worker and kept out of the "
                    f"database: pass PostgresStore(dsn, key=...) or set ${KEY_ENV} (hex)"
                )
            remedy = f"Set ${KEY_ENV} (or pass key=) to the key its jobs were signed with, the same on every worker."
            self._checked = self._checked_key(key, source, remedy)
        return self._checked

    # -- what the shared steps need ---------------------------------------------

    def _sql(self, statement: str) -> str:
        return _translate(statement)

    def _announce(self, tx: Any) -> None:
        # Delivered when the transaction commits, to every listening worker.
        tx.execute(f"NOTIFY {_CHANNEL}")

    def _lock_room(self, tx: Any) -> None:
        # Serializes the count and the claim across machines: without it two
        # workers could each see one free place and both take it.
        tx.execute("SELECT pg_advisory_xact_lock(%s)", (_ROOM_LOCK,))

    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return "= ANY(?)", [list(values)]

    def _add_events(self, tx: Any, job_id: str, events: Sequence[dict[str, Any]]) -> None:
        if events:
            tx.executemany(
                "INSERT INTO statek_vm_events (job_id, at, event) VALUES (%s, %s, %s::jsonb)",
                [(job_id, e.get("at", 0.0), json.dumps(e, default=str)) for e in events],
            )

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self._db().execute("SELECT event FROM statek_vm_events WHERE job_id = %s ORDER BY id", (job_id,))
        return [dict(event) for (event,) in rows]

    # -- waking workers ------------------------------------------------------------

    def doorbell(self, worker_id: str) -> Doorbell | None:
        try:
            return _ListenDoorbell(self._psycopg.connect(self.dsn, autocommit=True))
        except self._psycopg.Error:
            return None

    def changes(self) -> int:
        """Counts the ``NOTIFY statek_vm`` seen on a listening connection (no wait)."""
        with self._lock:
            if self._listener is None:
                self._listener = self._psycopg.connect(self.dsn, autocommit=True)
                self._listener.execute(f"LISTEN {_CHANNEL}")
            for _ in self._listener.notifies(timeout=0.0):
                self._seen += 1
            return self._seen


class _ListenDoorbell(Doorbell):
    """A doorbell on PostgreSQL: a connection listening on the store's channel."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        connection.execute(f"LISTEN {_CHANNEL}")

    def wait(self, timeout: float) -> bool:
        rung = False
        for _ in self._connection.notifies(timeout=max(0.0, timeout), stop_after=1):
            rung = True
        if rung:
            for _ in self._connection.notifies(timeout=0.0):
                pass  # one wake-up serves every ring that arrived
        return rung

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._connection.close()


@functools.lru_cache(maxsize=1024)
def _translate(statement: str) -> str:
    """A shared step's statement in psycopg's terms: ``%s`` placeholders, the tables' prefixed names."""
    return _TABLES.sub(r"statek_vm_\1", statement.replace("%", "%%").replace("?", "%s"))


_TABLES = re.compile(r"\b(jobs|programs|waits|events)\b")
