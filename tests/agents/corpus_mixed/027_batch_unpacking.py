# Work on exported rows through a Batch whose __iter__ is a generator
# method that waits for the export: the script unpacks batches with starred
# targets, passes them to zip()/dict()/print(*...), and iterates them twice.
class Batch:
    def __init__(self, table, size):
        self.table = table
        self.size = size

    def __iter__(self):
        rows = export(self.table)
        for row in rows[: self.size]:
            yield row

    def __len__(self):
        return self.size


orders = Batch("orders", 3)
first, *rest = orders
print(first["id"], [r["id"] for r in rest], len(orders))

customers = Batch("customers", 3)
names = dict(zip((c["id"] for c in customers), (c["name"] for c in Batch("customers", 2))))
print(names)

a, b = Batch("invoices", 2)
print(a["number"], b["number"], sorted({**a, **b}))
print(*(row["id"] for row in Batch("tickets", 2)), sep=" | ")

ids = [row["id"] for row in Batch("orders", 4)]
(x, y), z = (ids[:2], ids[2])
print(x, y, z, [*Batch("events", 1)][0]["user"])
