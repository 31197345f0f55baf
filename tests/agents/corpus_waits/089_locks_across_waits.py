# threading.Lock and RLock held by records across waits, held and free.
import threading

class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.rlock = threading.RLock()
        self.n = 0

c = Counter()
with c.lock:
    c.n += 1
print(approval("go"), c.n, c.lock.locked())
with c.rlock:
    with c.rlock:
        c.n += len(llm("x"))
    print(c.n, repr(c.rlock).split()[1])
print(repr(c.rlock).split()[1], c.lock.acquire(blocking=False))
with c.lock if False else c.rlock:
    print(approval("again"))
held = threading.Lock()
held.acquire()
print(approval("third"), held.locked())
held.release()
print(held.locked())
