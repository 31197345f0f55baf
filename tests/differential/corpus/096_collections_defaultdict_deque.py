from collections import defaultdict, deque
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
dd = defaultdict(None, {"k": 1})
try:
    dd["missing"]
except KeyError as e:
    print("KeyError:", e)
dq = deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(dq, dq.pop(), dq.popleft(), dq)
dq.rotate(1)
print(dq)
dq.rotate(-2)
print(dq, dq[0], dq[-1])
dq.extend([7, 8])
dq.extendleft([-1, -2])
print(list(dq), dq.count(7), len(dq))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print("window", list(window))
q = deque()
q.append("task1")
q.append("task2")
while q:
    print("processing", q.popleft())
print(deque("abc", maxlen=2), deque(reversed(range(3))))
