# Fan plain lookups out on a ThreadPoolExecutor: ex.map of a script function
# (whose max key is a lambda run on the worker thread) and of the host
# `search` itself, submit + as_completed over user lookups put back in input
# order; the pool is shut down, the results go through a queue.Queue drained
# on the main thread, and a Reviewer method waits for the model and for
# approvals while the queue and the finished executor are still alive.
import queue
from concurrent.futures import ThreadPoolExecutor, as_completed

QUERIES = [
    "refund policy",
    "export api limits",
    "dark mode",
    "vat invoices",
    "upload crash",
    "sso login",
]
NAMES = ["ana", "ben", "zed", "cho", "dev", "eve"]


def safe_lookup(name):
    try:
        user = lookup_user(name)
        return name, user["team"], user["manager"]
    except ToolError as exc:
        return name, None, exc.code


def best_hit(query):
    hits = search(query, limit=4)
    return max(hits, key=lambda h: (h["score"], h["url"]))


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="fan") as ex:
    best = list(ex.map(best_hit, QUERIES))
    futures = {ex.submit(safe_lookup, name): i for i, name in enumerate(NAMES)}
    people = [None] * len(NAMES)
    for fut in as_completed(futures):
        people[futures[fut]] = fut.result()
    raw = list(ex.map(search, QUERIES[:2], [2, 2]))
print([b["title"] for b in best], people, [len(r) for r in raw])


class Reviewer:
    def __init__(self):
        self.kept, self.dropped, self.seen = [], [], 0

    def review(self, kind, item):
        self.seen += 1
        if kind == "hit":
            label = llm(f"Classify: {item['title']}")
            (
                self.kept if label in ("bug", "billing", "question") else self.dropped
            ).append((label, item["url"][-12:]))
        elif item[1] is None:
            self.dropped.append(("unknown user", item[0], item[2]))
        elif (
            item[2]
            and approval(f"Tell {item[2]} that {item[0]} of {item[1]} was reviewed")
            == "approved"
        ):
            self.kept.append(("notified", item[2], item[0]))


q = queue.Queue()
for hit in best:
    q.put(("hit", hit))
for person in people:
    q.put(("person", person))
q.put(("stop", None))
reviewer = Reviewer()
while True:
    kind, item = q.get()
    if kind == "stop":
        q.task_done()
        break
    reviewer.review(kind, item)
    q.task_done()
q.join()
print(reviewer.seen, q.empty(), q.qsize(), ex._shutdown)
print(reviewer.kept)
print(reviewer.dropped)
