# Connectors as classes: __init_subclass__ registers each `kind`, __set_name__
# descriptors coerce fields, a Secret descriptor's __set__ waits for approval
# of plain values (via setattr and assignment), a non-data descriptor asks the
# model once; a class decorator adds describe(); 800 connectors in a hot loop.
from collections import Counter


class Field:
    def __init__(self, kind, default=None):
        self.kind, self.default = kind, default

    def __set_name__(self, owner, name):
        self.name, self.slot = name, "_" + name
        owner.FIELDS = getattr(owner, "FIELDS", ()) + (name,)

    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.slot, self.default)

    def __set__(self, obj, value):
        setattr(obj, self.slot, self.kind(value))


class Secret(Field):
    def __set__(self, obj, value):
        if not str(value).startswith("vault:"):
            if (
                approval(
                    f"Store a plain {self.name} on {type(obj).__name__} {obj.name}"
                )
                != "approved"
            ):
                raise ValueError(
                    f"{type(obj).__name__}.{self.name} must come from the vault"
                )
        super().__set__(obj, value)


class Summary:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        text = obj.__dict__[self.name] = llm(
            f"Summarize: connector {obj.name} of kind {obj.kind} at {obj.url}"
        )
        return text


REGISTRY = {}


def describe(cls):
    cls.describe = lambda self: {
        f: getattr(self, f)
        for f in self.FIELDS
        if not isinstance(vars(cls).get(f), Secret)
    }
    return cls


class Connector:
    name, url, timeout = Field(str, "unnamed"), Field(str, ""), Field(float, 10.0)
    summary = Summary()

    def __init_subclass__(cls, /, kind, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        REGISTRY[kind] = cls

    def __init__(self, **values):
        for key, value in values.items():
            if key not in self.FIELDS:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
            setattr(self, key, value)


@describe
class HttpApi(Connector, kind="http"):
    token = Secret(str)
    retries = Field(int, 3)


@describe
class ProductionDb(Connector, kind="db"):
    password = Secret(str)


print(sorted(REGISTRY), HttpApi.FIELDS, ProductionDb.FIELDS, Connector.FIELDS)
made, errors, kinds = [], Counter(), Counter()
for i in range(800):
    kind = ("http", "db")[i % 2]
    secret = "vault:k%d" % i if i % 200 not in (0, 1) else "plain-%d" % i
    try:
        conn = REGISTRY[kind](
            name=f"{kind}-{i}",
            url=f"https://{kind}.example/{i % 7}",
            timeout=str(i % 30 + 0.5),
        )
        if kind == "http":
            conn.token, conn.retries = secret, "%d" % (i % 5)
        else:
            setattr(conn, "password", secret)
        made.append(conn)
        kinds[(kind, conn.timeout > 15)] += 1
    except (ValueError, TypeError) as exc:
        errors[str(exc)] += 1
print(len(made), sorted(kinds.items()), sorted(errors.items()))
for conn in (made[0], made[1], made[0]):
    print(conn.describe(), conn.summary[:48], "summary" in vars(conn))
try:
    HttpApi(name="x", colour="red")
except TypeError as exc:
    print(exc, HttpApi.token.slot, HttpApi.__mro__[1].__name__)
