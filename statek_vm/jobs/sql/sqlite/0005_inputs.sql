-- statek_vm job store, schema version 5: each job's inputs, the globals its
-- script starts with (a JSON object of name: value; NULL: none).

ALTER TABLE jobs ADD COLUMN inputs TEXT;
