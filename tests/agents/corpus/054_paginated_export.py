# Stream rows from several exports page by page with generators and
# yield from, and write every page.
import itertools


def pages(table, size):
    rows = export(table)
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def all_pages(tables, size):
    for table in tables:
        count = yield from numbered(table, pages(table, size))
        print(f"{table}: {count} page(s)")


def numbered(table, source):
    n = 0
    for n, page in enumerate(source, 1):
        yield table, n, page
    return n


written = 0
for table, number, page in all_pages(["customers", "invoices"], 4):
    written += db_write(page, table=table)
    print(table, number, [row.get("id", row.get("number")) for row in page])
print("written:", written)
flat = list(itertools.chain.from_iterable([[1, 2], [3], []]))
print(flat)
