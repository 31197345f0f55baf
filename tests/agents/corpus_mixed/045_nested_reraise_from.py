# expect-error: __main__.ExportAborted
# An export agent with its own exception hierarchy: errors carry attributes
# and a __str__, nested handlers wait for a model's diagnosis, re-raise, and
# wrap with `raise ... from e`; the last table aborts the run.
class AgentError(Exception):
    def __init__(self, step, detail):
        super().__init__(step, detail)
        self.step = step
        self.detail = detail

    def __str__(self):
        return f"[{self.step}] {self.detail}"


class ExportFailed(AgentError):
    pass


class ExportAborted(ExportFailed):
    def __str__(self):
        return "aborted: " + super().__str__()


def load(table):
    try:
        return export(table)
    except ToolError as e:
        diagnosis = llm(f"Classify this error: {e.message}")
        raise ExportFailed("load", f"{table}: {e.code} ({diagnosis})") from e


def checked_total(table):
    try:
        try:
            rows = load(table)
            return sum(float(r.get("amount", r.get("net", 0))) for r in rows)
        except ExportFailed:
            note = llm(f"Summarize: load of {table} failed")
            print("inner handler:", note[:40])
            raise
    except ExportFailed as e:
        print("outer handler:", e, "| cause:", type(e.__cause__).__name__, e.__cause__.code)
        if approval(f"Continue without {table}?") == "approved":
            return 0.0
        raise


totals = {}
for table in ["orders", "ledger", "invoices"]:
    totals[table] = round(checked_total(table), 2)
    print(table, totals[table])

try:
    checked_total("drop_all_customers")
except ExportFailed as e:
    reason = approval(f"Delete partial exports after {e.step} failure")
    print("decision:", reason, "| context kept:", e.__context__ is e.__cause__)
    raise ExportAborted("finish", f"{reason}; totals {sorted(totals.items())}") from e
