# Deduplicate a contact list whose Address class folds case: __eq__ accepts
# another Address or a plain string and __hash__ hashes the folded string, so
# dicts keyed by addresses are looked up with strings in a hot loop.
import json


class Address:
    __slots__ = ("raw",)

    def __init__(self, raw):
        self.raw = raw.strip()

    @property
    def folded(self):
        return self.raw.casefold()

    def __eq__(self, other):
        if isinstance(other, Address):
            return self.folded == other.folded
        if isinstance(other, str):
            return self.folded == other.casefold()
        return NotImplemented

    def __hash__(self):
        return hash(self.folded)

    def __repr__(self):
        return f"Address({self.raw!r})"


USERS = ["ana", "ben", "cho", "dev"]
book = {}
for i in range(80):
    user = USERS[i % 4]
    raw = f"{user.upper() if i % 3 == 0 else user}@Example.com"
    addr = Address(raw)
    book[addr] = book.get(addr, 0) + 1

print(len(book), sorted((a.raw, n) for a, n in book.items()))
hits = 0
for i in range(60):
    key = f"{USERS[i % 4]}@example.com"
    if key in book:
        hits += book[key]
print("hits:", hits)
replies = {}
for user in USERS:
    key = f"{user}@example.com"
    if book.get(key, 0) >= 20:
        replies[user] = approval(f"Send the newsletter to {key}")
print(json.dumps(replies, sort_keys=True))
