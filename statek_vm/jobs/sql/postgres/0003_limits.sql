-- statek_vm job store on PostgreSQL, schema version 3: each job's budgets
-- (statek_vm.Limits as JSON; NULL: the worker's defaults).

ALTER TABLE statek_vm_jobs ADD COLUMN limits TEXT;
