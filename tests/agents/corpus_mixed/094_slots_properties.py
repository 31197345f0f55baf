# A rate-limited API client: __slots__ classes (one subclassing another),
# a property whose setter asks for approval and whose deleter logs an
# effect, and a read-only property computed from an export.
class Quota:
    __slots__ = ("name", "_limit", "used", "history")

    def __init__(self, name, limit):
        self.name = name
        self._limit = limit
        self.used = 0
        self.history = []

    @property
    def limit(self):
        return self._limit

    @limit.setter
    def limit(self, value):
        if value > self._limit * 2:
            decision = approval(f"Raise quota {self.name} from {self._limit} to {value}")
            self.history.append((value, decision))
            if decision != "approved":
                return
        self._limit = value

    @limit.deleter
    def limit(self):
        effect(f"reset {self.name}")
        self._limit = 10

    @property
    def remaining(self):
        return max(self._limit - self.used, 0)


class ExportQuota(Quota):
    __slots__ = ("table",)

    def __init__(self, table, limit):
        super().__init__(f"export:{table}", limit)
        self.table = table

    @property
    def rows(self):
        rows = export(self.table)
        self.used += len(rows)
        return rows


orders = ExportQuota("orders", 8)
tickets = ExportQuota("tickets", 20)
print(ExportQuota.__slots__, Quota.__slots__, hasattr(orders, "__dict__"))
try:
    orders.note = "x"
except AttributeError as exc:
    print("slots:", type(exc).__name__)
paid = [r["id"] for r in orders.rows if r["status"] == "paid"]
print(paid, orders.used, orders.remaining)
orders.limit = 30
tickets.limit = 25
print(orders.limit, tickets.limit, orders.history, tickets.history)
urgent = sorted(t["subject"] for t in tickets.rows if t["priority"] == 1)
print(urgent, tickets.remaining)
q = Quota("production writes", 5)
q.limit = 100
print(q.limit, q.history)
del orders.limit
print(orders.limit, orders.remaining, [getattr(orders, s) for s in ("name", "used")])
