# Script __hash__ and __eq__ that native dict, set and list operations call,
# and that wait: each call runs once, in the native order, the operation run
# again with the answers (statek_vm/vm/replay.py).  One lookup waits in its
# second __eq__; every wait resumes in a fresh process.
import collections


class Account:
    def __init__(self, name, bucket):
        self.name = name
        self.bucket = bucket

    def __hash__(self):
        effect(["hash", self.name])
        return wait(self.bucket)

    def __eq__(self, other):
        effect(["eq", self.name, other.name])
        return isinstance(other, Account) and wait(self.name) == other.name

    def __repr__(self):
        return f"Account({self.name!r})"


acme, globex, initech = Account("acme", 1), Account("globex", 1), Account("initech", 2)
owners = {acme: "ana", globex: "ben", initech: "cy"}
# Hashes to 1: compared with acme, then globex (the second __eq__ waits too).
effect(owners[Account("globex", 1)])
effect(Account("umbrella", 1) in owners)
seen = set()
seen.add(initech)
seen.add(Account("initech", 2))
effect(len(seen))
counts = collections.Counter([acme, Account("acme", 1), initech])
effect(sorted(counts.values()))
accounts = [acme, globex, initech]
effect([accounts.index(Account("initech", 2)), accounts.count(Account("acme", 1))])
accounts.remove(Account("globex", 1))
effect([a.name for a in accounts])


class Strict(Account):
    __hash__ = Account.__hash__

    def __eq__(self, other):
        effect(["strict eq", self.name])
        raise ValueError(wait("cannot compare " + self.name))


strict = {Strict("x", 3): 1}
try:
    strict[Strict("y", 3)]
except ValueError as error:
    effect(str(error))
print(owners[acme], len(owners), sorted(a.name for a in owners))
