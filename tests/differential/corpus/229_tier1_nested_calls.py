# Calls between hot script functions run nested in tier 1: returns, errors
# through several levels, recursion past the nesting depth, __init__ results.
def leaf(x):
    if x % 7 == 6:
        raise ValueError(f"bad {x}")
    return x * 2

def middle(x):
    return leaf(x) + 1

def top(values):
    out = []
    for v in values:
        try:
            out.append(middle(v))
        except ValueError as e:
            out.append(str(e))
    return out

print(top(range(20)))

def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1

print([depth(k) for k in (0, 5, 39, 40, 41, 80, 150)])

def countdown(n):
    if n == 0:
        raise RecursionError("bottom")
    return countdown(n - 1)

for n in (3, 45, 90):
    try:
        countdown(n)
    except RecursionError as e:
        print("caught", n, e)
