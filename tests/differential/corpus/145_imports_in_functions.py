def parse_json(text):
    import json
    return json.loads(text)
print(parse_json('{"k": [1, 2]}'))
print("json" in globals())
def lazy_math(values):
    from statistics import mean, pstdev
    return round(mean(values), 3), round(pstdev(values), 3)
print(lazy_math([2, 4, 4, 4, 5, 5, 7, 9]))
def use_alias():
    import collections as c
    from collections import namedtuple as nt
    P = nt("P", "a b")
    return c.Counter("hello").most_common(2), P(1, 2)
print(use_alias())
class Uses:
    import textwrap
    def wrap(self, text):
        return self.textwrap.fill(text, 10)
print(Uses().wrap("a fairly long sentence to wrap"))
def conditional(kind):
    if kind == "json":
        import json as codec
    else:
        import pickle as codec
    return codec.__name__
print(conditional("json"), conditional("other"))
def missing():
    try:
        import not_a_real_module_xyz
    except ImportError as e:
        return f"ImportError: {e}"
print(missing())
def from_missing():
    try:
        from json import no_such_name
    except ImportError as e:
        return "ImportError: " + str(e).split(" (")[0]
print(from_missing())
def relative_attempt():
    try:
        exec("from . import sibling", {"__name__": "top", "__package__": None})
    except ImportError as e:
        return type(e).__name__ + ": " + str(e)
print(relative_attempt())
import datetime as dt
def date_math():
    d = dt.date(2024, 2, 28) + dt.timedelta(days=2)
    return d.isoformat(), d.weekday(), (dt.date(2025, 1, 1) - dt.date(2024, 1, 1)).days
print(date_math())
