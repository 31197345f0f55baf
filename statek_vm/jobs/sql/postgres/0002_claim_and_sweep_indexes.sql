-- statek_vm job store on PostgreSQL, schema version 2: indexes that claims
-- and sweeps follow (the READY job that became ready first; sweeps read
-- (id, version) from the index alone).

CREATE INDEX statek_vm_jobs_ready ON statek_vm_jobs (python, status, updated);
DROP INDEX statek_vm_jobs_sweep;
CREATE INDEX statek_vm_jobs_sweep ON statek_vm_jobs (python, status, id) INCLUDE (version);
