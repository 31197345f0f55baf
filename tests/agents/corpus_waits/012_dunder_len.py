# Plan export batches: a backlog's __len__ exports its table on first use,
# and len() calls it.
class Backlog:
    def __init__(self, table):
        self.table = table
        self._rows = None

    def __len__(self):
        if self._rows is None:
            self._rows = export(self.table)
        return len(self._rows)


for table in ("orders", "tickets"):
    backlog = Backlog(table)
    n = len(backlog)
    batches = -(-n // 4)
    print(f"{table}: {n} rows in {batches} batch(es) of 4")
