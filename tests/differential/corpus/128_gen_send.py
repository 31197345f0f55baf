def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)
def echo():
    received = []
    while True:
        msg = yield f"echo #{len(received)}"
        received.append(msg)
        print("got", msg, "history", received)
e = echo()
print(e.send(None))
print(e.send("hello"))
print(e.send("world"))
try:
    echo().send("too early")
except TypeError as err:
    print("TypeError:", err)
def averager():
    count, total, avg = 0, 0.0, None
    while True:
        value = yield avg
        count += 1
        total += value
        avg = total / count
av = averager()
next(av)
for v in [10, 20, 60]:
    print("average", av.send(v))
def coroutine_pipeline(target):
    while True:
        item = yield
        target.send(item.upper())
def sink():
    while True:
        item = yield
        print("sink received", item)
s = sink()
next(s)
p = coroutine_pipeline(s)
next(p)
for word in ["a", "bc"]:
    p.send(word)
