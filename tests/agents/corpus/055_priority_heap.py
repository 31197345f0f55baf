# Schedule ops tasks by priority with a heap; equal priorities keep queue
# order thanks to a sequence number.
import heapq
import itertools

heap = []
sequence = itertools.count()
while True:
    task = next_task("ops")
    if task is None:
        break
    priority = task["payload"]["priority"]
    heapq.heappush(heap, (priority, next(sequence), task["kind"], task["payload"]["service"]))
    print("queued", task["id"], "priority", priority)

print("order:", [item[2:] for item in sorted(heap)])
while heap:
    priority, _, kind, service = heapq.heappop(heap)
    decision = approval(f"Run {kind} on {service} now")
    print(f"p{priority} {kind:<12} {service:<15} {decision}")
print(heapq.nsmallest(2, [5, 1, 4, 2]), heapq.nlargest(1, ["b", "a"]))
