# Reserve resources for a migration; whatever happens, the cleanup in the
# finally blocks releases them and reports.
reserved = []


def reserve(name):
    reserved.append(name)
    effect({"reserve": name})


def migrate(table):
    reserve(f"lock:{table}")
    try:
        rows = export(table)
        if len(rows) > 8:
            raise RuntimeError(f"{table} too large to migrate ({len(rows)} rows)")
        db_write(rows[:2], table=f"new_{table}")
        return len(rows)
    finally:
        reserved.remove(f"lock:{table}")
        status = approval(f"Release the lock on {table}")
        effect({"release": table, "status": status})


for table in ["customers", "orders", "invoices"]:
    try:
        print(table, "migrated", migrate(table))
    except RuntimeError as err:
        print("failed:", err)
    finally:
        print("reserved now:", reserved)
