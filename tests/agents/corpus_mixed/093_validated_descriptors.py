# Validated fields: descriptors that learn their names with __set_name__,
# check values in __set__ (one asks a human above a limit) and compute a
# lazy label in __get__ from a model answer.
class Field:
    def __init__(self, kind, *, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        owner.fields = [*getattr(owner, "fields", []), name]
        if self.kind is int:
            self.unit = llm(f"Classify: the unit of {owner.__name__}.{name}").title()

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.private, self.validate(obj, value))

    def validate(self, obj, value):
        return value


class Budget(Field):
    def __init__(self, limit):
        super().__init__(int, default=0)
        self.limit = limit

    def validate(self, obj, value):
        if value > self.limit:
            decision = approval(f"Raise {self.name} of {obj.name} to {value}")
            if decision != "approved":
                raise ValueError(f"{self.name} {value} rejected")
        return value


class Label:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        label = llm(f"Classify: {obj.name} campaign")
        obj.__dict__[self.name] = label
        return label


class Campaign:
    name = Field(str)
    budget = Budget(limit=1000)
    channel = Field(str, default="email")
    label = Label()

    def __init__(self, name, budget, **extra):
        self.name = name
        self.budget = budget
        for key, value in extra.items():
            setattr(self, key, value)

    def __repr__(self):
        return f"Campaign({', '.join(f'{f}={getattr(self, f)!r}' for f in self.fields)})"


spring = Campaign("spring", 400)
summer = Campaign("summer", 2500, channel="ads")
print(Campaign.fields, spring, summer, Campaign.budget.unit)
print(spring.label, summer.label, "label" in vars(spring))
try:
    spring.budget = "lots"
except TypeError as exc:
    print("type:", exc)
try:
    Campaign("delete all customers", 5000)
except ValueError as exc:
    print("value:", exc)
spring.budget = 1200
print(spring.budget, spring.label, Campaign.budget.limit, type(Campaign.__dict__["label"]).__name__)
