# Campaign drafts as dataclasses: a base with defaults, subclasses adding
# fields, field(init=False) filled in __post_init__ (which chains through
# super() and waits), replace() running __post_init__ again, asdict of a
# record whose field holds an answer never read before, and frozen keys.
import json
from dataclasses import asdict, dataclass, field, fields, replace


@dataclass
class Draft:
    topic: str
    audience: str = "customers"
    tags: list = field(default_factory=list)
    plan: str = field(init=False, repr=False)

    def __post_init__(self):
        self.plan = llm(f"Plan: {self.topic} for {self.audience}")


@dataclass
class EmailDraft(Draft):
    subject: str = ""
    approved: str = field(init=False, default="pending")
    body: str = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        super().__post_init__()
        self.body = llm(f"Summarize: {self.topic} written for {self.audience}")
        if not self.subject:
            self.subject = self.topic.title()

    def approve(self):
        self.approved = approval(f"Send the email {self.subject!r} to {self.audience}")
        return self.approved


@dataclass(frozen=True, order=True)
class Slot:
    day: str
    hour: int = 9


first = EmailDraft("export api launch", tags=["launch"])
second = EmailDraft("export api launch", tags=["launch"], subject="Export Api Launch")
print(first)
print(first == second, first.plan.splitlines()[0], len(first.plan.splitlines()))
third = replace(first, audience="all customers")
print(third.audience, third.body[:40], third.approved)
print([first.approve(), third.approve()], first != third)
plain = Draft("pricing update", tags=["pricing"])
record = asdict(plain)
print(json.dumps(record, sort_keys=True)[:120])
print([f.name for f in fields(EmailDraft)], [f.name for f in fields(EmailDraft) if not f.init])
schedule = {Slot("tue", 10): first.subject, Slot("mon"): third.subject}
print(sorted(schedule.items()), Slot("mon") in schedule)
