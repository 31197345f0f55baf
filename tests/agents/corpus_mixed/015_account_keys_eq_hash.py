# Deduplicate accounts across two exports: Account defines __eq__ and
# __hash__ on a normalized key, and is used as a dict key, in sets, in a
# Counter and in dict.fromkeys; the model labels each distinct account.
import collections


class Account:
    def __init__(self, name, country):
        self.name = name
        self.country = country

    @property
    def key(self):
        return (self.name.lower().removesuffix(" corp"), self.country)

    def __eq__(self, other):
        return isinstance(other, Account) and self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return f"Account({self.name!r}, {self.country!r})"


crm = [Account(c["name"], c["country"]) for c in export("customers")]
billing = [Account(name, country) for name, country in [("acme", "DE"), ("Globex", "US"), ("Hooli", "UK")]]

labels = {account: llm(f"Classify: account {account.name}") for account in crm[:3]}
print(sorted(labels.items(), key=lambda kv: kv[0].name))
print(Account("ACME Corp", "DE") in labels, labels.get(Account("acme", "DE")))

both = set(crm) & set(billing)
only_billing = set(billing) - set(crm)
print(sorted(a.name for a in both), sorted(a.name for a in only_billing))

seen = collections.Counter(crm + billing)
print(sorted((a.name, n) for a, n in seen.items() if n > 1))
flags = dict.fromkeys(billing, "unchecked")
for account in billing:
    if account in labels:
        flags[account] = labels[account]
    else:
        flags[account] = approval(f"Create the billing-only account {account.name}")
print(sorted((a.name, f) for a, f in flags.items()))
