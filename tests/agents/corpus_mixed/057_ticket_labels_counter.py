# Triage statistics: the model labels each ticket inside a comprehension;
# Counter.most_common, defaultdict(list) buckets, an OrderedDict used as an
# LRU with move_to_end, a ChainMap of settings, and an enum.Flag of routes
# combined from approvals.
import enum
from collections import ChainMap, Counter, OrderedDict, defaultdict


class Route(enum.Flag):
    NONE = 0
    EMAIL = enum.auto()
    PAGER = enum.auto()
    MANAGER = enum.auto()
    URGENT = PAGER | MANAGER


tickets = export("tickets")
labels = {t["id"]: llm(f"Classify this ticket: {t['subject']}") for t in tickets}
counts = Counter(labels.values())
print(counts.most_common(2), sorted(counts.elements())[:3], counts.total())

buckets = defaultdict(list)
for t in tickets:
    buckets[labels[t["id"]]].append(t["id"])
print(dict(sorted(buckets.items())))

defaults = {"notify": "email", "limit": 2, "team": "support"}
overrides = {"limit": 3}
settings = ChainMap(overrides, defaults)
settings["team"] = "tier-2"
print(settings["limit"], settings["team"], defaults["team"], sorted(settings), len(settings.maps))

cache = OrderedDict()
for t in sorted(tickets, key=lambda t: t["priority"]):
    if t["customer_id"] in cache:
        cache.move_to_end(t["customer_id"])
    cache[t["customer_id"]] = t["id"]
    if len(cache) > settings["limit"]:
        evicted = cache.popitem(last=False)
        print("evict", evicted)
cache.move_to_end(next(iter(cache)), last=True)
print(list(cache.items()))

routes = {}
for t in tickets:
    route = Route.EMAIL if labels[t["id"]] != "feature" else Route.NONE
    if t["priority"] == 1:
        route |= Route.PAGER
        if approval(f"Escalate ticket {t['id']} to a manager") == "approved":
            route |= Route.MANAGER
    routes[t["id"]] = route
for tid, route in routes.items():
    print(tid, route, Route.URGENT in route, bool(route & Route.EMAIL), route.value)
urgent = Counter(str(r) for r in routes.values() if r & Route.URGENT)
print(sorted(urgent.items()), ~Route.EMAIL & Route.URGENT)
