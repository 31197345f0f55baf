# Schedule ops tasks with a heapq priority queue of tuples drained across
# waits, record completion times with bisect into sorted slots, and keep an
# array.array of durations.
import bisect
import heapq
from array import array

heap = []
counter = 0
while True:
    task = next_task("ops")
    if task is None:
        break
    heapq.heappush(heap, (task["payload"]["priority"], counter, task["kind"], task["payload"]["service"]))
    counter += 1
print("heap:", sorted(heap))
print("smallest 2:", heapq.nsmallest(2, heap), heapq.nlargest(1, heap))

slots = [9, 11, 13, 15]
durations = array("d")
schedule = []
while heap:
    prio, n, kind, service = heapq.heappop(heap)
    verdict = approval(f"{kind} {service} at priority {prio}")
    hour = 8 + prio * 2 + n % 2
    i = bisect.bisect_left(slots, hour)
    bisect.insort(slots, hour)
    durations.append(prio * 1.5 + n)
    schedule.append((service, verdict, hour, i))
    print(service, verdict, hour, "slot index", i, slots)

print(schedule)
print(durations.tolist(), durations.typecode, durations.itemsize, sum(durations))
ints = array("i", [3, 1, 2])
ints.extend([7, 5])
ints.reverse()
print(ints, ints.tobytes()[:8].hex(), ints.index(7), ints.count(1))
merged = list(heapq.merge([1, 4, 9], [2, 3, 10]))
print(merged, bisect.bisect_right(merged, 4), bisect.bisect(merged, 100))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 99, 77, 70, 89, 90)])
