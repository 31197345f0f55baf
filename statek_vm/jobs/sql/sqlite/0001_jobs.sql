-- statek_vm job store, schema version 1.
--
-- One row per job in `jobs`; each program once in `programs`; the keys a
-- suspended job waits on in `waits` (for notify); every event of a job in
-- `events`.  Every change of a job is one transaction that also bumps
-- `jobs.version`: a writer names the version it read, so a stale writer
-- (a worker whose lease expired) changes nothing.

CREATE TABLE programs (
    hash        TEXT PRIMARY KEY,
    filename    TEXT NOT NULL,
    source      TEXT NOT NULL,
    created     REAL NOT NULL
);

CREATE TABLE jobs (
    id                TEXT PRIMARY KEY,
    status            TEXT NOT NULL,
    python            TEXT NOT NULL,            -- 'major.minor' of the CPython that runs it
    program_hash      TEXT NOT NULL REFERENCES programs (hash),
    filename          TEXT NOT NULL,
    path              TEXT,                     -- the script's folder, put on sys.path to import its neighbours
    version           INTEGER NOT NULL DEFAULT 0,
    snapshot          BLOB,                     -- signed snapshot of the last suspension
    awaited           BLOB,                     -- signed awaited future alone, for polling
    awaited_summary   TEXT NOT NULL DEFAULT '',
    next_instr_num    INTEGER,
    line              INTEGER,
    function          TEXT,
    wait_timeout      REAL,                     -- seconds a suspension may last
    deadline          REAL,                     -- when the current suspension times out
    not_before        REAL,                     -- a retried job waits until then
    attempts          INTEGER NOT NULL DEFAULT 0,   -- failed runs
    max_attempts      INTEGER NOT NULL DEFAULT 1,   -- runs allowed in total (the retry policy)
    recoveries        INTEGER NOT NULL DEFAULT 0,   -- runs lost with their worker (lease expired)
    lease_owner       TEXT,
    lease_expires     REAL,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    wake              INTEGER NOT NULL DEFAULT 0,   -- check the condition now (notify)
    output            TEXT NOT NULL DEFAULT '',
    error             TEXT,
    condition_error   TEXT,
    created           REAL NOT NULL,
    updated           REAL NOT NULL,
    CHECK (status IN ('PENDING', 'STARTED', 'SUSPENDED', 'READY',
                      'COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED'))
);

-- Claiming: runnable jobs of one Python version, oldest first.
CREATE INDEX jobs_by_status ON jobs (python, status, created);
-- Sweeps: suspended jobs in id order, in batches.
CREATE INDEX jobs_sweep ON jobs (python, status, id);
-- Notify: suspended jobs marked to be checked now.
CREATE INDEX jobs_woken ON jobs (python, wake) WHERE wake = 1;
-- Wait timeouts.
CREATE INDEX jobs_deadline ON jobs (python, deadline) WHERE status = 'SUSPENDED' AND deadline IS NOT NULL;
-- Lease expiry.
CREATE INDEX jobs_leases ON jobs (lease_expires) WHERE status = 'STARTED';

CREATE TABLE waits (
    key     TEXT NOT NULL,
    job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (key, job_id)
) WITHOUT ROWID;

CREATE INDEX waits_by_job ON waits (job_id);

CREATE TABLE events (
    job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    at      REAL NOT NULL,
    event   TEXT NOT NULL,                      -- JSON object
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
