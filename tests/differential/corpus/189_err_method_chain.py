# expect-error: TypeError
class Query:
    def __init__(self, table):
        self.table = table
        self.filters = []
        self.limit_value = None
    def where(self, **conditions):
        self.filters.extend(sorted(conditions.items()))
        return self
    def limit(self, n):
        self.limit_value = n
        return self
    def render(self):
        sql = f"SELECT * FROM {self.table}"
        if self.filters:
            sql += " WHERE " + " AND ".join(f"{k} = {v!r}" for k, v in self.filters)
        if self.limit_value is not None:
            sql += " LIMIT " + self.limit_value
        return sql
print(Query("users").where(active=True).render())
print(Query("orders").where(status="new", user=7).render())
print(Query("logs").limit(10).render())
