# Schedule 150 maintenance jobs on a heap of dataclass(order=True) entries:
# heapq compares them (their generated __lt__) thousands of times, the
# scheduler re-queues deferred jobs, and risky services wait for approval.
import heapq
import json
from dataclasses import dataclass, field

SERVICES = ["search", "billing", "auth", "production-api", "uploads"]


@dataclass(order=True)
class Job:
    due: int
    prio: int
    seq: int
    service: str = field(compare=False)
    retries: int = field(default=0, compare=False)

    @classmethod
    def make(cls, seq):
        return cls(due=(seq * 37) % 50, prio=seq % 4, seq=seq, service=SERVICES[seq % 5])


approved = {}


def allowed(job):
    if job.service not in approved:
        approved[job.service] = approval(f"Run maintenance on {job.service}") == "approved"
    return approved[job.service]


heap = []
for seq in range(150):
    heapq.heappush(heap, Job.make(seq))
done, deferred, dropped = [], 0, []
clock = 0
while heap:
    job = heapq.heappop(heap)
    clock = max(clock, job.due)
    if not allowed(job):
        if job.retries < 2:
            job.retries += 1
            job.due += 7
            deferred += 1
            heapq.heappush(heap, job)
        else:
            dropped.append(job.seq)
        continue
    done.append((clock, job.seq))
    clock += 1 if job.prio else 2

print("done:", len(done), done[:6], "clock:", clock)
print("deferred:", deferred, "dropped:", len(dropped), dropped[:5])
print(json.dumps(approved, sort_keys=True))
late = [s for c, s in done if c > Job.make(s).due + 20]
print("late:", len(late), min(Job.make(s) for s in late[:10]) if late else None)
