# An exporter configured by a frozen dataclass: it starts its export in
# __init__ and batches the rows into slotted batch records.
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Config:
    table: str
    batch_size: int = 4
    columns: tuple = ("id",)


@dataclass(slots=True)
class Batch:
    number: int
    rows: list = field(default_factory=list)

    def ids(self):
        return [row["id"] for row in self.rows]


class Exporter:
    def __init__(self, config):
        self.config = config
        self.rows = export(config.table)
        self.count = len(self.rows)
        print(f"exporter for {config.table}: {self.count} rows")

    def batches(self):
        batch = Batch(1)
        for row in self.rows:
            batch.rows.append({c: row[c] for c in self.config.columns})
            if len(batch.rows) == self.config.batch_size:
                yield batch
                batch = Batch(batch.number + 1)
        if batch.rows:
            yield batch


base = Config("orders", columns=("id", "status"))
for config in (base, replace(base, table="tickets", batch_size=3, columns=("id", "priority"))):
    exporter = Exporter(config)
    for batch in exporter.batches():
        written = db_write(batch.rows, table=config.table)
        print(f"  batch {batch.number}: {batch.ids()} ({written} rows)")
try:
    base.table = "invoices"
except Exception as err:
    print(type(err).__name__, err)
