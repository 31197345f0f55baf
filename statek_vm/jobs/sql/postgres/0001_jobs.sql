-- statek_vm job store on PostgreSQL, schema version 1.
--
-- The same model as the SQLite schema: one row per job, each program once,
-- the keys suspended jobs wait on, and every event of a job.  Every change
-- of a job bumps jobs.version; a writer names the version it read.

CREATE TABLE statek_vm_programs (
    hash        TEXT PRIMARY KEY,
    filename    TEXT NOT NULL,
    source      TEXT NOT NULL,
    created     DOUBLE PRECISION NOT NULL
);

CREATE TABLE statek_vm_jobs (
    id                TEXT PRIMARY KEY,
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'STARTED', 'SUSPENDED', 'READY',
                                                     'COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED')),
    python            TEXT NOT NULL,
    program_hash      TEXT NOT NULL REFERENCES statek_vm_programs (hash),
    filename          TEXT NOT NULL,
    path              TEXT,
    version           BIGINT NOT NULL DEFAULT 0,
    snapshot          BYTEA,
    awaited           BYTEA,
    awaited_summary   TEXT NOT NULL DEFAULT '',
    next_instr_num    INTEGER,
    line              INTEGER,
    function          TEXT,
    wait_timeout      DOUBLE PRECISION,
    deadline          DOUBLE PRECISION,
    not_before        DOUBLE PRECISION,
    attempts          INTEGER NOT NULL DEFAULT 0,
    max_attempts      INTEGER NOT NULL DEFAULT 1,
    recoveries        INTEGER NOT NULL DEFAULT 0,
    lease_owner       TEXT,
    lease_expires     DOUBLE PRECISION,
    cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE,
    wake              BOOLEAN NOT NULL DEFAULT FALSE,
    output            TEXT NOT NULL DEFAULT '',
    error             TEXT,
    condition_error   TEXT,
    created           DOUBLE PRECISION NOT NULL,
    updated           DOUBLE PRECISION NOT NULL
);

CREATE INDEX statek_vm_jobs_by_status ON statek_vm_jobs (python, status, created);
CREATE INDEX statek_vm_jobs_sweep ON statek_vm_jobs (python, status, id);
CREATE INDEX statek_vm_jobs_woken ON statek_vm_jobs (python) WHERE wake;
CREATE INDEX statek_vm_jobs_deadline ON statek_vm_jobs (python, deadline) WHERE status = 'SUSPENDED' AND deadline IS NOT NULL;
CREATE INDEX statek_vm_jobs_leases ON statek_vm_jobs (lease_expires) WHERE status = 'STARTED';

CREATE TABLE statek_vm_waits (
    key     TEXT NOT NULL,
    job_id  TEXT NOT NULL REFERENCES statek_vm_jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (key, job_id)
);

CREATE INDEX statek_vm_waits_by_job ON statek_vm_waits (job_id);

CREATE TABLE statek_vm_events (
    id      BIGSERIAL PRIMARY KEY,
    job_id  TEXT NOT NULL REFERENCES statek_vm_jobs (id) ON DELETE CASCADE,
    at      DOUBLE PRECISION NOT NULL,
    event   JSONB NOT NULL
);

CREATE INDEX statek_vm_events_by_job ON statek_vm_events (job_id, id);
