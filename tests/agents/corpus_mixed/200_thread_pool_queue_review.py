# Parallel plain tool calls on a ThreadPoolExecutor (map, submit, as_completed), a second pool
# kept open across the waits, a queue.Queue of review items with a Condition over a Lock,
# each review waiting for an approval inside a method.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed


class Reviewer:
    def __init__(self, name):
        self.name = name

    def review(self, item):
        return f"{self.name}:{item}:{approval('review ' + item)}"


def score(x):
    return len(x) * 3


with ThreadPoolExecutor(max_workers=3) as ex:
    scores = list(ex.map(score, ["alpha", "beta", "gamma"]))
    futs = [ex.submit(score, w) for w in ("x", "yy")]
    extra = sorted(f.result() for f in as_completed(futs))
print(scores, extra)

pool = ThreadPoolExecutor(max_workers=2)
print(pool.submit(score, "abc").result())

q = queue.Queue()
for w in ("one", "two", "three"):
    q.put(w)
cond = threading.Condition(threading.Lock())
r = Reviewer("ann")
out = []
while not q.empty():
    item = q.get()
    out.append(r.review(item))
    q.task_done()
print(out, cond.acquire(False), q.unfinished_tasks)
print(pool.submit(score, "later").result())
pool.shutdown()
try:
    ex.submit(score, "no")
except RuntimeError as e:
    print("shut:", e)
