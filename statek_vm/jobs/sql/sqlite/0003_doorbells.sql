-- statek_vm job store, schema version 3: the doorbells of idle workers.
--
-- An idle worker registers the address of its doorbell (a Unix datagram
-- socket); whatever makes work for workers rings every registered address.
-- A row whose worker died is removed by the first ring that finds nobody.

CREATE TABLE doorbells (
    address  BLOB PRIMARY KEY,
    worker   TEXT NOT NULL,
    created  REAL NOT NULL
) WITHOUT ROWID;
