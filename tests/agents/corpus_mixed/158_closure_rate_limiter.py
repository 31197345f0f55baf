# Rate-limit 120 outgoing calls with closures: a token bucket made by a
# factory keeps `nonlocal` state, a memoizing wrapper keeps its cache in a
# cell, and the wrapped call asks the model when the bucket runs dry.
import json


def make_bucket(capacity, refill_every):
    tokens = capacity
    ticks = 0

    def take():
        nonlocal tokens, ticks
        ticks += 1
        if ticks % refill_every == 0:
            tokens = min(capacity, tokens + 2)
        if tokens == 0:
            return False
        tokens -= 1
        return True

    def level():
        return tokens, ticks

    return take, level


def memoize(fn):
    cache = {}

    def wrapper(key):
        if key not in cache:
            cache[key] = fn(key)
        return cache[key]

    wrapper.cache = cache
    return wrapper


take, level = make_bucket(5, 4)
throttled = []


@memoize
def plan_for(topic):
    return llm(f"Classify: backlog topic {topic}")


sent = []
for i in range(120):
    topic = f"t{i % 9}"
    if take():
        sent.append((i, topic))
    else:
        throttled.append(plan_for(topic))

print("sent:", len(sent), sent[:5], "level:", level())
print("throttled:", len(throttled), sorted(set(throttled)))
print(json.dumps(plan_for.cache, sort_keys=True))
adders = [lambda x, k=k: x + k for k in range(5)]
print([f(10) for f in adders], sum(map(lambda f: f(1), adders)))
