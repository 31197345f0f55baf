"""The job store contract, run against every store."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from statek_vm.exceptions import CapacityError, JobNotFoundError, JobStoreError
from statek_vm.jobs import JobRecord, JobStore, MemoryStore, SQLiteStore, Status, open_store
from statek_vm.jobs.sqlite import SCHEMA_VERSION

PY = "3.11"


def _new(store: JobStore, job_id: str, *, created: float = 0.0, python: str = PY, max_live: int | None = None) -> None:
    store.add_program("h" * 64, "agent.py", "x = 1\n")
    now = created or time.time()
    record = JobRecord(
        id=job_id,
        status=Status.PENDING,
        python=python,
        program_hash="h" * 64,
        filename="agent.py",
        created=now,
        updated=now,
    )
    store.insert(record, max_live=max_live)


def _claim(store: JobStore, owner: str = "w1", **kw: object) -> JobRecord | None:
    return store.claim(owner, python=PY, lease=30.0, now=time.time(), **kw)  # type: ignore[arg-type]


def _suspend(store: JobStore, record: JobRecord, *, keys: tuple[str, ...] = (), owner: str = "w1") -> Status | None:
    outcome = JobRecord(**{**record.__dict__})
    outcome.status = Status.SUSPENDED
    outcome.snapshot = b"snapshot"
    outcome.awaited = b"awaited"
    outcome.keys = keys
    outcome.line = 3
    outcome.updated = time.time()
    return store.commit(outcome, version=record.version, owner=owner, events=[{"event": "suspended", "at": 1.0}])


def test_insert_get_and_prefix(store: JobStore) -> None:
    _new(store, "abc123")
    _new(store, "abd456")
    assert store.get("abc123").status == Status.PENDING
    assert store.get("abc").id == "abc123"
    with pytest.raises(JobNotFoundError, match="several jobs"):
        store.get("ab")
    with pytest.raises(JobNotFoundError, match="no job"):
        store.get("ffff")
    assert store.program("h" * 64) == ("x = 1\n", "agent.py")
    with pytest.raises(JobStoreError, match="no program"):
        store.program("0" * 64)


def test_claim_takes_ready_before_pending_and_bumps_the_version(store: JobStore) -> None:
    _new(store, "a1", created=1.0)
    _new(store, "a2", created=2.0)
    first = _claim(store)
    assert first is not None and first.id == "a1" and first.status == Status.STARTED and first.version == 1
    assert _suspend(store, first) == Status.SUSPENDED
    assert store.mark_ready([("a1", 2)], now=time.time()) == 1
    again = _claim(store)
    assert again is not None and again.id == "a1", "a READY job comes before a PENDING one"
    assert again.snapshot == b"snapshot"
    other = _claim(store)
    assert other is not None and other.id == "a2"
    assert _claim(store) is None


def test_claim_only_own_python_version(store: JobStore) -> None:
    _new(store, "b1", python="3.12")
    assert _claim(store) is None
    assert store.claim("w", python="3.12", lease=5, now=time.time()) is not None


def test_a_stale_writer_changes_nothing(store: JobStore) -> None:
    _new(store, "c1")
    claimed = _claim(store)
    assert claimed is not None
    assert _suspend(store, claimed, owner="intruder") is None, "another owner cannot commit"
    assert _suspend(store, claimed) == Status.SUSPENDED
    assert _suspend(store, claimed) is None, "the same claim cannot commit twice"
    assert store.get("c1").version == 2
    assert store.mark_ready([("c1", 1)], now=time.time()) == 0, "stale version"
    assert store.get("c1").status == Status.SUSPENDED


def test_max_live_bounds_claims_and_refuses_inserts(store: JobStore) -> None:
    for n in range(3):
        _new(store, f"d{n}", created=float(n + 1))
    for _ in range(2):
        claimed = _claim(store, max_live=2)
        assert claimed is not None
        _suspend(store, claimed)
    assert _claim(store, max_live=2) is None, "two live jobs: the third waits PENDING"
    assert store.get("d2").status == Status.PENDING
    with pytest.raises(CapacityError, match="max_live=3"):
        _new(store, "d3", max_live=3)
    with pytest.raises(JobNotFoundError):
        store.get("d3")
    assert store.cancel("d0", now=time.time()) == Status.CANCELLED
    claimed = _claim(store, max_live=2)
    assert claimed is not None and claimed.id == "d2", "a place freed"


def test_wake_by_key_and_take_woken(store: JobStore) -> None:
    _new(store, "e1")
    _new(store, "e2")
    for _ in range(2):
        claimed = _claim(store)
        assert claimed is not None
        _suspend(store, claimed, keys=("gate:" + claimed.id,))
    # A job committed as suspended is checked once at once.
    assert sorted(i for i, _ in store.take_woken(python=PY)) == ["e1", "e2"]
    assert store.take_woken(python=PY) == []
    assert store.get("e1").keys == ("gate:e1",)
    assert store.wake(key="gate:e2") == 1
    assert store.wake(key="nobody") == 0
    assert store.take_woken(python=PY) == [("e2", 2)]
    assert store.wake(job_id="e1") == 1
    assert store.take_woken(python=PY) == [("e1", 2)]
    with pytest.raises(ValueError, match="exactly one"):
        store.wake()


def test_a_jobs_limits_are_kept_and_reopening_replaces_them(store: JobStore) -> None:
    store.add_program("h" * 64, "agent.py", "x = 1\n")
    now = time.time()
    record = JobRecord(
        id="lim1", status=Status.PENDING, python=PY, program_hash="h" * 64, filename="agent.py",
        created=now, updated=now, limits={"instructions": 1000, "seconds": 2.5},
    )  # fmt: skip
    store.insert(record)
    _new(store, "lim2")
    assert store.get("lim1").limits == {"instructions": 1000, "seconds": 2.5}
    assert store.get("lim2").limits is None
    running = _claim(store)
    assert running is not None and running.limits == {"instructions": 1000, "seconds": 2.5}
    failed = JobRecord(**{**running.__dict__})
    failed.status, failed.snapshot, failed.error = Status.FAILED, b"snapshot", "LimitExceeded: ..."
    assert store.commit(failed, version=running.version, owner="w1", events=[]) == Status.FAILED
    assert store.reopen("lim1", now=time.time(), limits={"instructions": 5000})
    assert store.get("lim1").status == Status.READY
    assert store.get("lim1").limits == {"instructions": 5000}
    assert [job.limits for job in store.jobs() if job.id == "lim1"] == [{"instructions": 5000}]


def test_cancel_at_each_stage(store: JobStore) -> None:
    _new(store, "f1")
    assert store.cancel("f1", now=time.time()) == Status.CANCELLED
    assert store.cancel("f1", now=time.time()) == Status.CANCELLED, "final jobs stay as they are"
    _new(store, "f2")
    running = _claim(store)
    assert running is not None
    assert store.cancel("f2", now=time.time()) == Status.STARTED
    assert _suspend(store, running) == Status.CANCELLED, "cancelled when its run ends"
    assert store.get("f2").status == Status.CANCELLED
    events = [e["event"] for e in store.events("f2")]
    assert events == ["submitted", "claimed", "cancel_requested", "suspended", "cancelled"]


def test_expired_leases_are_recovered_then_failed(store: JobStore) -> None:
    _new(store, "g1")
    claimed = _claim(store)
    assert claimed is not None
    assert store.expire_leases(now=time.time()) == [], "lease still valid"
    assert store.expire_leases(now=time.time() + 60) == ["g1"]
    assert store.get("g1").status == Status.PENDING, "no snapshot yet: starts again"
    claimed = _claim(store)
    assert claimed is not None
    _suspend(store, claimed)
    ready = store.get("g1")
    store.mark_ready([("g1", ready.version)], now=time.time())
    claimed = _claim(store)
    assert claimed is not None
    store.expire_leases(now=time.time() + 60, max_recoveries=3)
    record = store.get("g1")
    assert record.status == Status.READY and record.recoveries == 2, "resumes from its last snapshot"
    assert any("run again" in str(e.get("note")) for e in store.events("g1"))
    claimed = _claim(store)
    assert claimed is not None
    store.expire_leases(now=time.time() + 60, max_recoveries=2)
    record = store.get("g1")
    assert record.status == Status.FAILED and record.error is not None and "lost 3 times" in record.error


def test_wait_timeouts_extend_or_end(store: JobStore) -> None:
    _new(store, "h1")
    claimed = _claim(store)
    assert claimed is not None
    outcome = JobRecord(**{**claimed.__dict__})
    outcome.status, outcome.snapshot, outcome.deadline = Status.SUSPENDED, b"s", time.time() - 1
    store.commit(outcome, version=claimed.version, owner="w1", events=[])
    due = store.due_timeouts(python=PY, now=time.time())
    assert [r.id for r in due] == ["h1"]
    assert store.end_wait("h1", due[0].version, status=None, deadline=time.time() + 60, reason="more", now=time.time())
    assert store.due_timeouts(python=PY, now=time.time()) == []
    record = store.get("h1")
    assert store.end_wait("h1", record.version, status=Status.TIMED_OUT, deadline=None, reason="late", now=time.time())
    record = store.get("h1")
    assert record.status == Status.TIMED_OUT and record.error == "late"
    assert not store.end_wait("h1", record.version, status=Status.TIMED_OUT, deadline=None, reason="x", now=0.0)


def test_condition_errors_are_recorded_and_cleared(store: JobStore) -> None:
    _new(store, "i1")
    claimed = _claim(store)
    assert claimed is not None
    _suspend(store, claimed)
    store.record_condition_error("i1", 2, "ValueError: boom", now=time.time())
    assert store.get("i1").condition_error == "ValueError: boom"
    assert store.get("i1").status == Status.SUSPENDED
    store.mark_ready([("i1", 2)], now=time.time())
    assert store.get("i1").condition_error is None


def test_listing_and_counts(store: JobStore) -> None:
    for n in range(4):
        _new(store, f"j{n}", created=float(n + 1))
    claimed = _claim(store)
    assert claimed is not None
    _suspend(store, claimed)
    counts = store.counts()
    assert counts[Status.PENDING] == 3 and counts[Status.SUSPENDED] == 1 and sum(counts.values()) == 4
    assert [r.id for r in store.jobs(limit=2)] == ["j3", "j2"]
    listed = store.jobs(statuses=["SUSPENDED"])
    assert [r.id for r in listed] == ["j0"] and listed[0].snapshot is None, "listings carry no snapshots"
    assert store.suspended(python=PY) == [("j0", 2)]
    assert store.suspended(python=PY, after="j0") == []
    awaited = store.awaited(["j0", "j1"])
    assert list(awaited) == ["j0"] and awaited["j0"][:2] == (2, b"awaited")


def test_open_store_specs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(open_store(":memory:"), MemoryStore)
    assert isinstance(open_store(f"sqlite:///{tmp_path / 'a.db'}"), SQLiteStore)
    monkeypatch.setenv("STATEK_VM_STORE", str(tmp_path / "env.db"))
    store = open_store()
    assert isinstance(store, SQLiteStore) and store.path == str(tmp_path / "env.db")
    with pytest.raises(ValueError, match="unknown store"):
        open_store("mysql://x")
    with pytest.raises(JobStoreError, match="cannot connect to the job store"):
        open_store("postgresql://statek:secret@127.0.0.1:1/jobs?connect_timeout=2")
    with pytest.raises(ValueError, match="file path"):
        SQLiteStore(":memory:")


def test_sqlite_schema_is_versioned_and_newer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "jobs.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(JobStoreError, match="newer than this statek_vm"):
        SQLiteStore(path)


def test_sqlite_store_survives_reopening_and_shares_its_key(tmp_path: Path) -> None:
    path = tmp_path / "jobs.db"
    first = SQLiteStore(path)
    _new(first, "k1")
    key = first.signing_key()
    first.close()
    second = SQLiteStore(path)
    assert second.get("k1").status == Status.PENDING
    assert second.signing_key() == key and len(key) == 32
    assert (tmp_path / "jobs.db.key").stat().st_mode & 0o777 == 0o600


def test_postgres_store_needs_a_key_outside_the_database(postgres_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from statek_vm.jobs import PostgresStore

    monkeypatch.delenv("STATEK_VM_KEY", raising=False)
    store = PostgresStore(postgres_server.database())
    with pytest.raises(JobStoreError, match="needs a signing key"):
        store.signing_key()
    monkeypatch.setenv("STATEK_VM_KEY", "cd" * 16)
    assert store.signing_key() == b"\xcd" * 16
    store.close()


def test_postgres_schema_is_versioned_and_newer_is_refused(postgres_server: Any) -> None:
    import psycopg

    from statek_vm.jobs import PostgresStore
    from statek_vm.jobs.postgres import SCHEMA_VERSION as PG_SCHEMA

    dsn = postgres_server.database()
    PostgresStore(dsn, key=b"k" * 32).close()
    PostgresStore(dsn, key=b"k" * 32).close()  # a second open applies nothing again
    with psycopg.connect(dsn, autocommit=True) as db:
        assert db.execute("SELECT version FROM statek_vm_schema").fetchall() == [(PG_SCHEMA,)]
        db.execute("UPDATE statek_vm_schema SET version = version + 1")
    with pytest.raises(JobStoreError, match="newer than this statek_vm"):
        PostgresStore(dsn, key=b"k" * 32)


def test_sqlite_key_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATEK_VM_KEY", "ab" * 16)
    assert SQLiteStore(tmp_path / "jobs.db").signing_key() == b"\xab" * 16
    monkeypatch.setenv("STATEK_VM_KEY", "not hex")
    with pytest.raises(JobStoreError, match="hex"):
        SQLiteStore(tmp_path / "other.db").signing_key()


def test_a_suspended_job_seen_ready_is_claimed_in_one_step(store: JobStore) -> None:
    _new(store, "m1")
    claimed = _claim(store)
    assert claimed is not None
    _suspend(store, claimed)
    assert _claim(store, job_id="m1") is None, "suspended: not runnable"
    assert _claim(store, job_id="m1", ready_version=1) is None, "a stale version"
    taken = _claim(store, job_id="m1", ready_version=2)
    assert taken is not None and taken.status == Status.STARTED and taken.version == 3
    assert [e["event"] for e in store.events("m1")][-2:] == ["ready", "claimed"]
    assert _claim(store, job_id="m1", ready_version=2) is None, "taken once"


def test_doorbells_ring_when_there_is_work(store: JobStore) -> None:
    bell = store.doorbell("w1")
    if bell is None:
        pytest.skip("this store has no doorbell on this platform")
    assert not bell.wait(0.05), "quiet while nothing happens"
    _new(store, "n1")
    assert bell.wait(5), "a submitted job rings"
    assert not bell.wait(0.05), "one wake-up serves the rings that arrived"
    claimed = _claim(store)
    assert claimed is not None
    bell.wait(0.05)  # the claim's ring, if the store rings for one
    _suspend(store, claimed, keys=("gate:n1",))
    assert bell.wait(5), "a commit rings (the job may be ready already)"
    assert store.wake(key="gate:n1") == 1
    assert bell.wait(5), "a notify rings"
    bell.close()


def test_a_dead_workers_doorbell_is_forgotten(tmp_path: Path) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("abstract Unix sockets are Linux's")
    store = SQLiteStore(tmp_path / "jobs.db")
    other = SQLiteStore(tmp_path / "jobs.db")  # another process's view of the store
    alive = store.doorbell("alive")
    dead = store.doorbell("dead")
    assert alive is not None and dead is not None
    dead._socket.close()  # type: ignore[attr-defined]  # the worker died without unregistering
    db = sqlite3.connect(tmp_path / "jobs.db")
    assert db.execute("SELECT count(*) FROM doorbells").fetchone()[0] == 2
    _new(other, "o1")
    assert alive.wait(5), "rung by another store instance, through the socket"
    assert db.execute("SELECT worker FROM doorbells").fetchall() == [("alive",)]
    alive.close()
    assert db.execute("SELECT count(*) FROM doorbells").fetchone()[0] == 0, "a closed doorbell unregisters"


def test_the_shared_steps_translate_to_each_database() -> None:
    from statek_vm.jobs import postgres, sqlite

    step = "SELECT id FROM jobs WHERE wake = TRUE AND id LIKE ? LIMIT 1 FOR UPDATE SKIP LOCKED"
    assert sqlite._translate(step) == "SELECT id FROM jobs WHERE wake = 1 AND id LIKE ? LIMIT 1"
    assert (
        postgres._translate(step)
        == "SELECT id FROM statek_vm_jobs WHERE wake = TRUE AND id LIKE %s LIMIT 1 FOR UPDATE SKIP LOCKED"
    )
    # Only whole table names are prefixed (job_id is a column); a '%' in a statement stays itself for psycopg.
    joined = "SELECT job_id FROM waits JOIN events USING (job_id) WHERE key = ? AND job_id || '%' = ?"
    assert postgres._translate(joined) == (
        "SELECT job_id FROM statek_vm_waits JOIN statek_vm_events USING (job_id) WHERE key = %s AND job_id || '%%' = %s"
    )
    assert sqlite._translate("UPDATE jobs SET wake = FALSE WHERE id = ? FOR UPDATE") == (
        "UPDATE jobs SET wake = 0 WHERE id = ?"
    )


def test_a_duplicate_id_is_refused_alike_by_every_store(store: JobStore) -> None:
    _new(store, "d1")
    with pytest.raises(JobStoreError, match="exists already"):
        _new(store, "d1")
    assert store.counts()[Status.PENDING] == 1


def test_a_job_made_final_rings_idle_workers_in_every_store(store: JobStore) -> None:
    # Cancelling a job or ending its wait frees a place under max_live: an
    # idle worker may claim a queued job now.
    bell = store.doorbell("w1")
    if bell is None:
        pytest.skip("this store has no doorbell on this platform")
    _new(store, "q1")
    bell.wait(5)
    assert store.cancel("q1", now=time.time()) == Status.CANCELLED
    assert bell.wait(5), "a cancellation rings"
    _new(store, "q2")
    claimed = _claim(store)
    assert claimed is not None
    _suspend(store, claimed)
    while bell.wait(0.1):
        pass
    record = store.get("q2")
    assert store.end_wait("q2", record.version, status=Status.TIMED_OUT, deadline=None, reason="late", now=time.time())
    assert bell.wait(5), "a wait that ends rings"
    bell.close()


def _signed_suspension(store: JobStore, key: bytes) -> None:
    """A suspended job whose snapshot is signed with ``key`` (a sealed body: only its tag is checked)."""
    from statek_vm.snapshot.envelope import FIELDS, seal

    _new(store, "signed")
    record = _claim(store)
    assert record is not None
    outcome = JobRecord(**{**record.__dict__})
    outcome.status = Status.SUSPENDED
    outcome.snapshot = seal([None] * (len(FIELDS) - 1) + [b""], key)
    outcome.awaited = b"awaited"
    assert store.commit(outcome, version=record.version, owner="w1", events=[]) == Status.SUSPENDED


def test_sqlite_store_refuses_a_key_that_did_not_sign_its_snapshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STATEK_VM_KEY", raising=False)
    path = tmp_path / "jobs.db"
    first = SQLiteStore(path)
    key = first.signing_key()
    _signed_suspension(first, key)
    first.close()
    (tmp_path / "jobs.db.key").write_text("ab" * 32)
    with pytest.raises(JobStoreError, match=r"the signing key \(the key file .*\) is not the key of the job store"):
        SQLiteStore(path).signing_key()
    (tmp_path / "jobs.db.key").unlink()
    with pytest.raises(JobStoreError, match="holds jobs, but its key file .* is missing"):
        SQLiteStore(path).signing_key()
    assert not (tmp_path / "jobs.db.key").exists(), "no new key for a store with snapshots"
    monkeypatch.setenv("STATEK_VM_KEY", key.hex())
    assert SQLiteStore(path).signing_key() == key


def test_sqlite_store_makes_a_key_while_nothing_is_signed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STATEK_VM_KEY", raising=False)
    store = SQLiteStore(tmp_path / "jobs.db")
    _new(store, "submitted")  # (a manager submits before any worker made the key)
    assert len(store.signing_key()) == 32
    store.close()


def test_postgres_store_refuses_a_key_that_did_not_sign_its_snapshots(
    postgres_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statek_vm.jobs import PostgresStore

    monkeypatch.delenv("STATEK_VM_KEY", raising=False)
    dsn = postgres_server.database()
    first = PostgresStore(dsn, key=b"k" * 32)
    _signed_suspension(first, first.signing_key())
    first.close()
    other = PostgresStore(dsn, key=b"o" * 32)
    with pytest.raises(JobStoreError, match=r"the signing key \(the key given to PostgresStore\) is not the key"):
        other.signing_key()
    other.close()
    monkeypatch.setenv("STATEK_VM_KEY", ("o" * 32).encode().hex())
    by_environment = PostgresStore(dsn)
    with pytest.raises(JobStoreError, match=r"\(\$STATEK_VM_KEY\) is not the key .* Set \$STATEK_VM_KEY"):
        by_environment.signing_key()
    by_environment.close()
    right = PostgresStore(dsn, key=b"k" * 32)
    assert right.signing_key() == b"k" * 32
    right.close()
