import datetime as dt
class Span:
    def __init__(self, a, b): self.a, self.b = a, b
    def __contains__(self, t): return self.a <= t < self.b
    def __iter__(self):
        t = self.a
        while t < self.b:
            yield t
            t += dt.timedelta(days=1)
s = Span(dt.date(2024, 2, 27), dt.date(2024, 3, 2))
print([d.isoformat() for d in s], dt.date(2024, 2, 29) in s)
print(sorted([dt.datetime(2024, 1, 1, 10), dt.datetime(2023, 5, 5)], key=lambda d: d.timestamp() if d.tzinfo else d.toordinal()))
print(dt.datetime.strptime("2024-03-01 14:05", "%Y-%m-%d %H:%M").strftime("%d/%m %I%p"))
print(dt.time(9, 30) < dt.time(10), dt.timedelta(hours=25) // dt.timedelta(hours=1), dt.timezone(dt.timedelta(hours=-5)))
