# Render 2400 notification lines with str.format_map (a dict subclass whose
# __missing__ fills unknown fields) and string.Template, wrap them with
# textwrap, and stamp each with a deterministic id from uuid.uuid5, blake2b
# and base64 in a generator that spot-checks every 300th line with the model;
# each batch of 600 is a `with` block whose __exit__ asks the model for a
# summary and a human for approval before it counts as sent.
import base64
import hashlib
import textwrap
import uuid
from collections import Counter
from string import Template

NS = uuid.uuid5(uuid.NAMESPACE_DNS, "notify.example")
LINE = "{user:<5}|{plan:>10}|{amount:>7.2f}|{region}"
HEADER = Template(
    textwrap.dedent("""\
    Hello $name,
      your $plan plan renews on ${day}; $$${price} will be charged.
    """)
)


class Defaults(dict):
    def __missing__(self, key):
        return "<" + key + "?>"


class Batch:
    def __init__(self, n):
        self.n, self.lines, self.sent, self.note = n, [], 0, ""

    def __enter__(self):
        return self

    def __exit__(self, etype, exc, tb):
        if etype is None and self.lines:
            self.note = llm(
                f"Summarize: batch {self.n} of {len(self.lines)} lines from {self.lines[0]}"
            )
            verdict = approval(f"Send batch {self.n} ({self.note[:30]})")
            self.sent = len(self.lines) if verdict == "approved" else 0
        return False


def render(i):
    values = Defaults(
        user=("ana", "ben", "cho", "dev")[i % 4],
        plan=("starter", "team", "enterprise")[i % 3],
    )
    values["amount"] = i * 1.25 % 97
    if i % 5 == 0:
        values["region"] = "eu"
    return LINE.format_map(values)


def stamped(lines, start):
    for k, line in enumerate(lines, start):
        digest = hashlib.blake2b(line.encode(), digest_size=6).digest()
        tag = f"{uuid.uuid5(NS, f'{k}:{line}').hex[:8]}-{base64.urlsafe_b64encode(digest).decode()}"
        if k % 300 == 150 and int(llm(f"Give a score for line {k}: {line}")) < 30:
            tag += "!"
        yield tag, line


sent, regions, ids, flagged = 0, Counter(), {}, []
for b in range(4):
    with Batch(b) as batch:
        for i in range(b * 600, (b + 1) * 600):
            batch.lines.append(render(i))
            regions[batch.lines[-1].rsplit("|", 1)[1]] += 1
        for tag, line in stamped(batch.lines, b * 600):
            ids[tag.rstrip("!")] = line
            if tag.endswith("!"):
                flagged.append(tag)
    sent += batch.sent
    print(b, batch.sent, textwrap.shorten(batch.note, 40), batch.lines[7])
print(
    sent,
    sorted(regions.items()),
    len(ids),
    flagged,
    min(ids),
    uuid.UUID(int=int(min(ids)[:8], 16)),
)
print(HEADER.safe_substitute(name="ana", plan="team"), end="")
try:
    HEADER.substitute({"name": "ben", "plan": "starter", "price": "9.99"})
except KeyError as exc:
    print("missing", exc)
print(
    textwrap.fill(
        " ".join(sorted(set(line.split("|")[1].strip() for line in ids.values()))) * 3,
        width=30,
    )
)
print(
    textwrap.indent(
        HEADER.substitute(
            name="cho", plan="enterprise", day="2024-07-01", price="199.00"
        ),
        "> ",
    )
)
