class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
    def __getattr__(self, name):
        return f"<missing {name}>"
    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"Record({inner})"

class Table:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, key):
        return self.rows[key]
    def __len__(self):
        return len(self.rows)
    def __iter__(self):
        return iter(self.rows)
    def __contains__(self, value):
        return any(value == r.name for r in self.rows)

r = Record(name="ana", age=31)
print(r, r.name, r.email, getattr(r, "age"), hasattr(r, "zzz"))
setattr(r, "age", 32)
t = Table([r, Record(name="bo")])
print(len(t), t[0].age, t[-1].name, [x.name for x in t], "bo" in t, t[0:1])
