# Schedule work from the ops queue: 1500 synthetic jobs stream through
# heappushpop to keep the 8 most expensive, heapreplace rotates a rolling
# window, bisect buckets their costs; leased tasks (each lease a wait) enter
# a heap of (priority, id, task) tuples and deploys wait for approval when
# popped; nsmallest and merge summarize.
import bisect
import heapq
import json

BOUNDS = [10, 25, 50, 100, 250]
NAMES = ("tiny", "small", "medium", "large", "huge", "giant")


def bucket(cost):
    return NAMES[bisect.bisect_left(BOUNDS, cost)]


top, rolling, histogram = [], [], dict.fromkeys(NAMES, 0)
for i in range(1500):
    cost = (i * 7919) % 300 + (i % 13) * 3
    histogram[bucket(cost)] += 1
    if len(top) < 8:
        heapq.heappush(top, (cost, i))
    else:
        heapq.heappushpop(top, (cost, i))
    if len(rolling) < 5:
        heapq.heappush(rolling, (i % 17, cost))
    elif i % 17 > rolling[0][0]:
        heapq.heapreplace(rolling, (i % 17, cost))
print(json.dumps(histogram), sorted(top, reverse=True)[:3], sorted(rolling))
print([bisect.bisect_right(BOUNDS, c) for c in (0, 10, 11, 250, 999)], heapq.nsmallest(3, top))

ready = []
while (task := next_task("ops")) is not None:
    heapq.heappush(ready, (task["payload"]["priority"], task["id"], task))
done = []
while ready:
    prio, tid, task = heapq.heappop(ready)
    service = task["payload"]["service"]
    if task["kind"] == "deploy":
        verdict = approval(f"Deploy {service} now (priority {prio})")
    else:
        verdict = "auto"
    done.append((tid, task["kind"], service, verdict))
    effect({"ran": tid, "verdict": verdict})
print(done)
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [t for t, *_ in done])))
