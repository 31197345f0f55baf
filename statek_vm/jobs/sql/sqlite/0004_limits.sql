-- statek_vm job store, schema version 4: each job's budgets
-- (statek_vm.Limits as JSON; NULL: the worker's defaults).

ALTER TABLE jobs ADD COLUMN limits TEXT;
