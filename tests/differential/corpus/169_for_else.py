def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
        return -1
    return i
print(find([4, 5, 6], 5), find([4, 5, 6], 9))
for x in []:
    print("never")
else:
    print("else on empty iterable")
def primes_below(n):
    out = []
    for candidate in range(2, n):
        for d in range(2, candidate):
            if candidate % d == 0:
                break
        else:
            out.append(candidate)
    return out
print(primes_below(30))
for i in range(3):
    if i == 5:
        break
else:
    print("completed without break, i =", i)
for ch in "abc":
    continue
else:
    print("continue does not skip else, last ch =", ch)
def return_in_loop():
    for v in range(5):
        if v == 3:
            return f"returned at {v}"
    else:
        return "else"
print(return_in_loop())
results = []
for a in range(3):
    for b in range(3):
        if a + b == 3:
            results.append((a, b))
            break
    else:
        results.append((a, "no match"))
print(results)
try:
    for k in [1, 2]:
        if k == 2:
            raise ValueError("inside for")
    else:
        print("not reached")
except ValueError as e:
    print("ValueError:", e, "k =", k)
