# Recursion through builtins that run script code (map, filter, sorted, list of a generator) hits the limit.
import sys


def through_map(x):
    return list(map(through_map, [x]))


def through_filter(x):
    return list(filter(through_filter, [x]))


def through_sorted(x):
    return sorted([x], key=through_sorted)


def through_genexpr(x):
    return list(through_genexpr(y) for y in [x])


for fn in (through_map, through_filter, through_sorted, through_genexpr):
    try:
        fn(1)
    except RecursionError as e:
        print(fn.__name__, "RecursionError", "maximum recursion depth exceeded" in str(e))
print(sys.getrecursionlimit())
