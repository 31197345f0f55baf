-- statek_vm job store, schema version 2: indexes that claims and sweeps follow.
--
-- A claim takes the READY job that became ready first: without an index on
-- `updated` it sorted every ready job.  A sweep reads (id, version) of the
-- suspended jobs: with `version` in the index it never reads the rows.

CREATE INDEX jobs_ready ON jobs (python, status, updated);
DROP INDEX jobs_sweep;
CREATE INDEX jobs_sweep ON jobs (python, status, id, version);
