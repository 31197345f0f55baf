# Register 40 data connectors: a __slots__ base class with a classmethod
# factory, subclasses that call super().__init__ and override a property,
# and a sync loop that calls connector methods which call helpers which
# wait for the model or an approval.
import json


class Connector:
    __slots__ = ("name", "rows", "synced")
    kind = "base"

    def __init__(self, name, rows):
        self.name = name
        self.rows = rows
        self.synced = 0

    @classmethod
    def from_spec(cls, spec):
        kind, name, rows = spec.split(":")
        sub = {c.kind: c for c in (SqlConnector, ApiConnector)}.get(kind, cls)
        return sub(name, int(rows))

    @property
    def batch(self):
        return 10

    def sync(self):
        while self.synced < self.rows:
            self.synced += min(self.batch, self.rows - self.synced)
        return self.check()

    check = lambda self: "ok"


class SqlConnector(Connector):
    __slots__ = ("schema",)
    kind = "sql"

    def __init__(self, name, rows):
        super().__init__(name, rows)
        self.schema = name.upper()

    @property
    def batch(self):
        return 25 if self.rows > 100 else 5

    def check(self):
        return review(self, "schema") if self.rows % 3 == 0 else super().check()


class ApiConnector(Connector):
    __slots__ = ()
    kind = "api"

    def check(self):
        return review(self, "quota") if self.rows % 2 == 0 else "ok"


def review(conn, what):
    if what == "quota":
        return llm(f"Classify: API quota of {conn.name} after {conn.synced} rows")
    return approval(f"Apply the {conn.schema} schema migration for {conn.rows} rows")


specs = [f"{('sql', 'api', 'file')[i % 3]}:src{i}:{(i * 53) % 211 + 10}" for i in range(40)]
connectors = [Connector.from_spec(s) for s in specs]
results = {c.name: c.sync() for c in connectors}
print(json.dumps({k: v for k, v in results.items() if v != "ok"}, sort_keys=True))
print("rows:", sum(c.synced for c in connectors), "kinds:", sorted({type(c).__name__ for c in connectors}))
print("batches:", [c.batch for c in connectors[:6]], hasattr(connectors[0], "__dict__"))
