-- statek_vm job store on PostgreSQL, schema version 4: each job's inputs, the
-- globals its script starts with (a JSON object of name: value; NULL: none).

ALTER TABLE statek_vm_jobs ADD COLUMN inputs TEXT;
