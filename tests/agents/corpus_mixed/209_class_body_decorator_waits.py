# Tool classes whose definitions wait: statements in a class body ask the
# model and an approval (also in a class-body comprehension and a nested
# class), decorator expressions and default argument values are computed by
# waiting calls, a class decorator factory waits before it registers the
# class, __class_getitem__ waits when a tool is specialised (Tool["orders"]),
# a metaclass __prepare__ hands the body a dict subclass whose __setitem__
# waits for an approval when the body stores a large limit, and a
# __mro_entries__ base stand-in waits while the class statement runs.
import functools

REGISTRY = {}


def register(kind):
    def deco(cls):
        cls.kind = kind
        REGISTRY[kind] = cls
        print(f"registered {cls.__name__} as {kind!r}")
        return cls

    return deco


def logged(label):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            print(f"  [{label}] {fn.__name__}{args[1:]}")
            return fn(*args, **kwargs)

        return wrapper

    return deco


class Namespace(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if key == "limit" and value > 50:
            value = 50 if approval(f"Cap the limit {value} of a plugin at 50") == "approved" else value
        self.order.append(key)
        super().__setitem__(key, value)


class Recording(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return Namespace()

    def __new__(mcls, name, bases, ns, **kw):
        fields = tuple(k for k in getattr(ns, "order", ns) if not k.startswith("_"))
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls._fields = fields
        return cls


class Plugin:
    def __init__(self, source):
        self.source = source

    def __mro_entries__(self, bases):
        print("mro entries for", self.source, approval(f"Load plugin base from {self.source}"))
        return (Base,)


class Base(metaclass=Recording):
    def __class_getitem__(cls, table):
        rows = export(table)
        return type(f"{cls.__name__}_{table}", (cls,), {"rows": len(rows), "first": rows[0]})


@register(llm("Classify: exporter of orders"))
class Exporter(Plugin("https://plugins.example/exporter")):
    label = llm("Summarize: the exporter plugin exports orders as csv")
    allowed = approval("Let the exporter write to the shared drive") == "approved"
    tiers = [t for t in ("gold", "silver", "bronze") if llm(f"Give a score for {t}") > "40"]
    limit = len(label) if allowed else 0

    class Settings:
        retries = int(llm("Give a score for retries")) % 5

    @logged(llm("Classify: the run method"))
    def run(self, table, *, batch=int(llm("Give a score for batch size")) % 50 + 1):
        return f"{self.kind} {table} batch={batch} limit={self.limit}"


print(Exporter.__name__, Exporter.__mro__[1].__name__, Exporter._fields, sorted(REGISTRY))
print(Exporter.label, Exporter.allowed, Exporter.tiers, Exporter.limit, Exporter.Settings.retries)
print(Exporter().run("orders"), Exporter().run("tickets", batch=7))
Special = Exporter["customers"]
print(Special.__name__, Special.rows, Special.first["name"], Special.kind, issubclass(Special, Base))
print(Base["tickets"].rows, type(Special).__name__, Special._fields)
