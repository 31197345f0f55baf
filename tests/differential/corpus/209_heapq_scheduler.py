import heapq
import itertools
class Scheduler:
    def __init__(self):
        self.queue = []
        self.counter = itertools.count()
        self.clock = 0
        self.log = []
    def schedule(self, delay, name, action):
        heapq.heappush(self.queue, (self.clock + delay, next(self.counter), name, action))
    def run(self):
        while self.queue:
            when, _, name, action = heapq.heappop(self.queue)
            self.clock = when
            result = action(self)
            self.log.append(f"t={when} {name}: {result}")
def ping(count):
    def action(sched):
        if count > 0:
            sched.schedule(3, f"ping{count - 1}", ping(count - 1))
        return f"ping {count}"
    return action
def once(message):
    return lambda sched: message
s = Scheduler()
s.schedule(5, "reminder", once("stand up"))
s.schedule(0, "ping2", ping(2))
s.schedule(5, "second-at-5", once("same time, scheduled later"))
s.schedule(1, "early", once("first thing"))
s.run()
for entry in s.log:
    print(entry)
print("final clock", s.clock)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], [heapq.heappop(data) for _ in range(3)], sorted(data))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
print(heapq.nlargest(3, ["a", "bbb", "cc", "dddd"], key=len))
