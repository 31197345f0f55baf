# Walk the manager chain of users recursively with a memo dict, asking the
# model about each manager; module counters are updated from functions with
# `global`.
import json

CALLS = 0
CACHE_HITS = 0
MEMO = {}
DEPTHS = {}


def manager_note(name):
    global CALLS
    CALLS += 1
    return llm(f"Classify: management style of {name}")


def chain(name):
    global CACHE_HITS
    if name in MEMO:
        CACHE_HITS += 1
        return MEMO[name]
    user = lookup_user(name)
    boss = user["manager"]
    if boss is None:
        result = [(name, manager_note(name))]
    else:
        result = [(name, manager_note(name))] + chain(boss)
    MEMO[name] = result
    DEPTHS[name] = len(result)
    return result


for who in ("ana", "ben", "dev", "ana", "cho"):
    print(who, "->", " > ".join(f"{n}({lab})" for n, lab in chain(who)))
print("calls", CALLS, "hits", CACHE_HITS)
print(json.dumps(DEPTHS, sort_keys=True))


def fib_pages(n, memo={}):
    if n in memo:
        return memo[n]
    if n < 2:
        value = len(fetch_page("https://docs.example/auth").split()) + n
    else:
        value = fib_pages(n - 1) + fib_pages(n - 2)
    memo[n] = value
    return value


print("fib_pages(6) =", fib_pages(6))
print("fib_pages(8) =", fib_pages(8))
print("memo keys:", sorted(fib_pages.__defaults__[0]))


TOTAL = 0


def add_scores(topics):
    global TOTAL
    if not topics:
        return 0
    head, *tail = topics
    score = int(llm(f"Give a score for {head}"))
    TOTAL += score
    return score + add_scores(tail)


print("sum", add_scores(["uploads", "billing", "search"]), "TOTAL", TOTAL)
print("globals ok:", globals()["CALLS"] == CALLS)
