# A ticket model whose fields are descriptors: __set_name__ records each field,
# __set__ validates a value (the label asks the model to classify it, a wait),
# and a non-data descriptor fetches a summary the first time it is read.
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        owner.fields = getattr(owner, "fields", ()) + (name,)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        setattr(obj, self.private, self.validate(value))

    def validate(self, value):
        return value


class Label(Field):
    def validate(self, value):
        label = llm(f"Classify: {value}")
        if label not in ("bug", "feature", "question"):
            raise ValueError(f"{self.name}: label {label!r} not handled here")
        return label


class Priority(Field):
    def __init__(self, low=1, high=5):
        self.low, self.high = low, high

    def validate(self, value):
        if not self.low <= value <= self.high:
            raise ValueError(f"{self.name} must be in {self.low}..{self.high}, got {value}")
        return value


class LazySummary:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = llm(f"Summarize: {obj.subject}")
        obj.__dict__[self.name] = value
        return value


class Ticket:
    kind = Label()
    priority = Priority(1, 3)
    summary = LazySummary()

    def __init__(self, subject, priority):
        self.subject = subject
        self.kind = subject
        self.priority = priority

    def __repr__(self):
        return f"Ticket({self.subject[:18]!r}, {self.kind}, p{self.priority})"


tickets = []
for row in export("tickets"):
    try:
        tickets.append(Ticket(row["subject"], row["priority"]))
    except ValueError as error:
        print("rejected:", error)
print(Ticket.fields, tickets)
print(sorted(vars(tickets[0])))
print(tickets[-1].summary)
print("summary" in vars(tickets[-1]), tickets[-1].summary is vars(tickets[-1])["summary"])
print({t.kind: t.priority for t in sorted(tickets, key=lambda t: (t.priority, t.subject))})
print(type(Ticket.__dict__["kind"]).__name__, Ticket.kind.private, Ticket.priority.high)
