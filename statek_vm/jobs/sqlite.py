"""``SQLiteStore``: the embedded default job store, one file.

The schema lives in ``sql/sqlite/NNNN_*.sql`` files, applied in order and recorded
in ``PRAGMA user_version``; a database written by a newer statek_vm (a
higher version than the files here) is refused rather than misread.

The steps themselves are :class:`~statek_vm.jobs.sqlstore.SQLStore`'s,
shared with PostgreSQL; this module connects, translates them (SQLite takes
no row locks, and its booleans are 1 and 0) and rings idle workers' doorbells.

Every step is one transaction.  Steps that read and then write (a claim, a
commit) start with ``BEGIN IMMEDIATE``, which takes SQLite's write lock
first, so two processes can never both read "version 7" and both write.
The journal is WAL (readers never block the writer) with
``synchronous=NORMAL``: a committed transaction survives any crash of the
process (``SIGKILL`` included); after a power loss the last transactions may
be lost, but the database is never corrupt.  Pass ``synchronous="FULL"`` to
keep those too.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import secrets
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from statek_vm.exceptions import JobStoreError
from statek_vm.jobs.doorbell import Doorbell, SocketDoorbell, ring_addresses
from statek_vm.jobs.sqlstore import SQLStore
from statek_vm.jobs.store import KEY_ENV, key_from_environment, migrations

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]


SCHEMA_VERSION = max(number for number, _, _ in migrations("sqlite"))


class SQLiteStore(SQLStore):
    """Jobs in a SQLite file (``":memory:"`` is refused: use :class:`MemoryStore`).

    Safe for many threads (a connection per thread) and many processes on
    one machine.  For workers on many machines, use a server database.

    Example::

        store = SQLiteStore("jobs.db")
        runner = Runner(store, globals={"wait_for_approval": wait_for_approval})
        job_id = runner.submit(source)
    """

    def __init__(self, path: str | os.PathLike[str], *, synchronous: str = "NORMAL", timeout: float = 30.0) -> None:
        self.path = os.fspath(path)
        if self.path in ("", ":memory:") or self.path.startswith("file:"):
            raise ValueError(f"SQLiteStore needs a file path, not {self.path!r} (use MemoryStore for memory)")
        if synchronous.upper() not in ("NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"synchronous must be NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._synchronous = synchronous.upper()
        self._timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._key: bytes | None = None
        self._sender: socket.socket | None = None
        self._migrate()

    # -- connections and schema ------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as error:
                raise JobStoreError(f"cannot open the job store {self.path!r}: {error}") from None
            try:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute(f"PRAGMA synchronous = {self._synchronous}")
                db.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error as error:
                db.close()  # (a file that is not a database, or a damaged one)
                raise JobStoreError(f"cannot open the job store {self.path!r}: {error}") from None
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the write lock from its start."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        self._local.ring = False
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        if self._local.ring:
            self._ring()

    def _migrate(self) -> None:
        with self._write() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise JobStoreError(
                    f"the job store {self.path!r} has schema version {current}, newer than this statek_vm "
                    f"understands ({SCHEMA_VERSION}): upgrade statek_vm"
                )
            for number, name, sql in migrations("sqlite"):
                if number > current:
                    for statement in _statements(sql):
                        try:
                            db.execute(statement)
                        except sqlite3.Error as error:
                            raise JobStoreError(f"migration {name} failed on {self.path!r}: {error}") from None
                    db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
            self._connections.clear()
            if self._sender is not None:
                self._sender.close()
                self._sender = None
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # -- identity and programs ------------------------------------------------

    def signing_key(self) -> bytes:
        if self._key is None:
            path = self.path + ".key"
            key = key_from_environment()
            source = f"${KEY_ENV}"
            if key is None:
                key = _load_key(path, self._holds_signed, self.path)
                source = f"the key file {path!r}"
            remedy = f"Restore the store's key file {path!r}, or set ${KEY_ENV} to its key (hex)."
            self._key = self._checked_key(key, source, remedy)
        return self._key

    # -- what the shared steps need ---------------------------------------------

    def _sql(self, statement: str) -> str:
        return _translate(statement)

    def _label(self) -> str:
        return repr(self.path)

    def _announce(self, tx: sqlite3.Connection) -> None:
        # Rung once the transaction commits (see _write): a worker woken
        # before then would find nothing.
        self._local.ring = True

    def _in(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return f"IN ({', '.join('?' * len(values))})", list(values)

    def _add_events(self, tx: sqlite3.Connection, job_id: str, events: Sequence[dict[str, Any]]) -> None:
        if not events:
            return
        (seq,) = tx.execute("SELECT coalesce(max(seq), 0) FROM events WHERE job_id = ?", (job_id,)).fetchone()
        tx.executemany(
            "INSERT INTO events (job_id, seq, at, event) VALUES (?, ?, ?, ?)",
            [(job_id, seq + n, e.get("at", 0.0), json.dumps(e, default=str)) for n, e in enumerate(events, 1)],
        )

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self._db().execute("SELECT event FROM events WHERE job_id = ? ORDER BY seq", (job_id,))
        return [json.loads(event) for (event,) in rows]

    # -- waking workers ------------------------------------------------------------

    def changes(self) -> int:
        return int(self._db().execute("PRAGMA data_version").fetchone()[0])

    def doorbell(self, worker_id: str) -> Doorbell | None:
        if not sys.platform.startswith("linux"):
            return None  # abstract Unix socket addresses are Linux's
        where = hashlib.sha256(os.path.realpath(self.path).encode()).hexdigest()[:16]
        address = f"\0statek-vm/{where}/{worker_id}/{secrets.token_hex(4)}".encode()[:100]
        try:
            bell = SocketDoorbell(address, self._forget_doorbell)
        except OSError:
            return None
        self._db().execute(
            "INSERT OR REPLACE INTO doorbells (address, worker, created) VALUES (?, ?, ?)",
            (address, worker_id, time.time()),
        )
        return bell

    def _forget_doorbell(self, address: bytes) -> None:
        self._db().execute("DELETE FROM doorbells WHERE address = ?", (address,))

    def _ring(self) -> None:
        """Ring every idle worker's doorbell: there may be work (after a commit)."""
        try:
            addresses = [a for (a,) in self._db().execute("SELECT address FROM doorbells")]
            if not addresses:
                return
            if self._sender is None:
                self._sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                self._sender.setblocking(False)
            gone = ring_addresses(self._sender, addresses)
            if gone:
                self._db().executemany("DELETE FROM doorbells WHERE address = ?", [(a,) for a in gone])
        except (OSError, sqlite3.Error):
            pass  # a doorbell is a fast path: workers still look for changes between waits


def _statements(sql: str) -> list[str]:
    """A migration's statements (no statement of ours holds a ';' in a literal)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@functools.lru_cache(maxsize=1024)
def _translate(statement: str) -> str:
    """A shared step's statement in SQLite's SQL: its writes are serialized
    (``BEGIN IMMEDIATE``), so it takes no row locks, and its booleans are 1 and 0."""
    statement = statement.replace(" FOR UPDATE SKIP LOCKED", "").replace(" FOR UPDATE", "")
    return _BOOLEANS.sub(lambda m: "1" if m.group() == "TRUE" else "0", statement)


_BOOLEANS = re.compile(r"\b(TRUE|FALSE)\b")


def _load_key(path: str, holds_signed: Callable[[], bool], store: str) -> bytes:
    """The store's signing key from its key file, made when the store has nothing signed yet.

    A store whose jobs have snapshots and that has lost its key file gets no
    new key: the snapshots were signed with the lost one, and a worker with
    another would leave every such job suspended.  (Jobs submitted and never
    run have nothing signed: the first worker makes the key.)
    """
    try:
        with open(path, "rb") as file:
            return bytes.fromhex(file.read().decode("ascii").strip())
    except FileNotFoundError:
        pass
    except OSError as error:
        raise JobStoreError(f"cannot read the key file {path!r} of the job store {store!r}: {error.strerror}") from None
    except ValueError:
        raise JobStoreError(f"the key file {path!r} is not a hex key") from None
    if holds_signed():
        raise JobStoreError(
            f"the job store {store!r} holds jobs, but its key file {path!r} is missing: restore the key file, "
            f"or set ${KEY_ENV} to the key (hex) its jobs were signed with. No new key is made: its suspended "
            "jobs could not resume with one."
        )
    # Written whole under another name, then linked into place: a process
    # that races us either makes the link or reads the complete file.
    key = secrets.token_bytes(32)
    temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as file:
            file.write(key.hex())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return _load_key(path, holds_signed, store)
    finally:
        os.unlink(temporary)
    return key
