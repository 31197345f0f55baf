# Draft customer notices: a string.Template subclass with its own delimiter
# substitutes from a script Mapping whose __getitem__ asks the model for
# fields it does not know (Template calls it), textwrap.fill/shorten lay the
# drafts out, textwrap.indent marks lines through a predicate that waits for
# an approval, and difflib compares a first and a revised draft
# (unified_diff, SequenceMatcher.ratio, get_close_matches on model labels).
import difflib
import string
import textwrap
from collections.abc import Mapping


class Notice(string.Template):
    delimiter = "%"
    idpattern = r"[a-z][a-z_]*"


class Fields(Mapping):
    def __init__(self, **known):
        self.known = dict(known)
        self.asked = []

    def __getitem__(self, key):
        if key not in self.known:
            if key.startswith("x_"):
                raise KeyError(key)
            self.asked.append(key)
            self.known[key] = llm(f"Classify: the {key} of {self.known.get('customer', 'someone')}")
        return self.known[key]

    def __iter__(self):
        return iter(sorted(self.known))

    def __len__(self):
        return len(self.known)


BODY = Notice(
    "Dear %customer, your %{plan} plan renews on %date. Our records list your"
    " issue as %category and your account tier as %tier. Reply to %contact"
    " with questions. Unknown: %x_extra. Cost: 100%% of list price."
)
drafts = {}
for row in export("customers")[:3]:
    fields = Fields(customer=row["name"], plan=row["tier"].title(), date="2024-07-01", contact="help@shop.example")
    first = BODY.safe_substitute(fields)
    fields.known["tier"] = row["tier"].upper()
    second = BODY.safe_substitute(fields)
    drafts[row["name"]] = (first, second)
    print(row["name"], "asked:", fields.asked, "len:", len(fields), sorted(fields)[:3])

for name, (first, second) in drafts.items():
    wrapped = textwrap.fill(second, width=52, initial_indent="> ", subsequent_indent="  ")
    print(wrapped)
    print(textwrap.shorten(first, width=60, placeholder=" [...]"))
    diff = list(difflib.unified_diff(textwrap.wrap(first, 40), textwrap.wrap(second, 40), "first", "second", lineterm="", n=0))
    print(*diff, sep="\n")
    print(f"ratio={difflib.SequenceMatcher(None, first, second).ratio():.4f}")

marked = textwrap.indent(
    textwrap.fill(next(iter(drafts.values()))[1], 44),
    "!! ",
    predicate=lambda line: "%" in line or approval(f"Flag the line: {line.strip()[:30]}") == "approved" and "issue" in line,
)
print(marked)
labels = [llm(f"Classify: notice {i}") for i in range(4)]
print(labels, difflib.get_close_matches("features", labels, n=2, cutoff=0.5))
try:
    BODY.substitute(Fields(customer="x"))
except KeyError as exc:
    print("missing:", exc)
