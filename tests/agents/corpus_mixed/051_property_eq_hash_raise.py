# Accounts whose properties and __eq__/__hash__ raise for bad data while a
# model answer is pending; the agent recovers and then uses that answer.
class Account:
    def __init__(self, name, email, tier):
        self.name, self.email, self.tier = name, email, tier

    @property
    def domain(self):
        if "." not in self.email.split("@")[-1]:
            raise ValueError(f"{self.name} has no valid domain")
        return self.email.split("@")[-1]

    def __eq__(self, other):
        if not isinstance(other, Account):
            raise TypeError(f"cannot compare Account with {type(other).__name__}")
        return self.email == other.email

    def __hash__(self):
        if self.tier == "bronze":
            raise RuntimeError(f"{self.name}: bronze accounts are not cached")
        return hash(self.email)


rows = export("customers")
accounts = [Account(r["name"], r["email"], r["tier"]) for r in rows]
summary = llm("Summarize: the customer accounts")
domains = {}
for account in accounts:
    try:
        domains[account.name] = account.domain
    except ValueError as err:
        print("property failed:", err, "| pending answer:", summary[:30])
        domains[account.name] = None

cache = {}
for account in accounts:
    label = llm(f"Classify account {account.name}")
    try:
        cache[account] = label
    except RuntimeError as err:
        print("hash failed:", err, "| label", label)

decision = approval("Merge duplicate accounts")
try:
    same = accounts[0] == "ops@acme.example"
except TypeError as err:
    print("eq failed:", err, "| decision", decision)
    same = accounts[0] == Account("Acme", "ops@acme.example", "gold")
print("same:", same, "cached:", sorted(a.name for a in cache), "domains:", sorted(k for k, v in domains.items() if v))
try:
    print(Account("X", "x@y.z", "bronze") in cache)
except RuntimeError as err:
    print("lookup failed:", err, llm("yes or no: skip bronze?"))
