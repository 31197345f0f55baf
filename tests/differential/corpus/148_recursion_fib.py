def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
print(fib(20))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25))
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(power_set(["a", "b", "c"]))
def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    out = []
    for i, ch in enumerate(seq):
        for perm in permutations(seq[:i] + seq[i + 1:]):
            out.append(ch + perm)
    return out
print(permutations("abc"))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(17, 5))
def binary_search(items, target, lo=0, hi=None):
    hi = len(items) - 1 if hi is None else hi
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return binary_search(items, target, mid + 1, hi)
    return binary_search(items, target, lo, mid - 1)
sorted_items = list(range(0, 100, 3))
print(binary_search(sorted_items, 27), binary_search(sorted_items, 28))
def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max((depth(t) for t in tree), default=0)
print(depth([1, [2, [3, [4]]], []]))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(200))
