class Queue:
    def __init__(self, items=()):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
q = Queue()
print(len(q), bool(q), "empty" if not q else "full")
q.items.append(1)
print(len(q), bool(q))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
    def __len__(self):
        return 100
print(bool(Flag(False)), len(Flag(False)))
items = [Flag(True), Flag(False), Flag(True)]
print(sum(1 for f in items if f), [bool(f) for f in items])
count = 0
while Queue([1] * (3 - count)):
    count += 1
print("looped", count)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print("ValueError:", e)
class Huge:
    def __len__(self):
        return 2 ** 70
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError:", e)
print(Flag(True) and "yes", Flag(False) or "no")
print(not Flag(True), not Queue())
x = Queue([1]) if Queue() else Queue([1, 2])
print(len(x))
class LenOnly:
    def __len__(self):
        return 0
print(any([LenOnly()]), all([LenOnly()]), list(filter(None, [LenOnly(), Queue([1])]))[0].items)
