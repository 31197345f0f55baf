# Count messages per account: an account's __hash__ uses the label the
# model gave the account, so the dict operations call it.
class Account:
    def __init__(self, name):
        self.name = name
        self.label = llm(f"Classify: account {name}")

    def __hash__(self):
        return sum(map(ord, self.label.upper())) + len(self.name)

    def __eq__(self, other):
        return isinstance(other, Account) and self.name == other.name


messages = [("Acme", "invoice missing"), ("Globex", "login broken"), ("Acme", "thanks!")]
accounts = {}
counts = {}
for name, text in messages:
    if name not in accounts:
        accounts[name] = Account(name)
    account = accounts[name]
    counts[account] = counts.get(account, 0) + 1
for account, n in counts.items():
    print(account.name, n)
print(Account("Initech") in counts)
