-- statek_vm job store on PostgreSQL, schema version 5: a completed job's
-- result, and the type and message of the error that ended a job
-- (statek_vm.JobError).
--
-- The result is kept three ways (statek_vm/jobs/results.py): pickled with an
-- HMAC tag (NULL when it does not pickle), as JSON (NULL when json.dumps
-- refuses it) and as its repr.  Rows written before have none of these.

ALTER TABLE statek_vm_jobs ADD COLUMN result BYTEA;
ALTER TABLE statek_vm_jobs ADD COLUMN result_json TEXT;
ALTER TABLE statek_vm_jobs ADD COLUMN result_repr TEXT;
ALTER TABLE statek_vm_jobs ADD COLUMN error_type TEXT;
ALTER TABLE statek_vm_jobs ADD COLUMN error_message TEXT;
