events = []
def source(name, n):
    for i in range(n):
        events.append(f"{name} yields {i}")
        yield i
def mapper(it):
    for x in it:
        events.append(f"map {x}")
        yield x * 10
pipeline = mapper(source("src", 3))
events.append("pipeline built")
first = next(pipeline)
events.append(f"first = {first}")
rest = list(pipeline)
events.append(f"rest = {rest}")
for e in events:
    print(e)
events.clear()
zipped = zip(source("a", 3), source("b", 2))
print(list(zipped))
print(events)
events.clear()
g = (events.append(f"genexp {x}") or x for x in range(3))
print("genexp created", events)
print(sum(g), events)
events.clear()
m = map(lambda x: events.append(f"lambda {x}") or x + 1, [1, 2])
f = filter(lambda x: events.append(f"filter {x}") or x > 2, m)
print("nothing yet", events)
print(list(f), events)
def interleave(*gens):
    active = list(gens)
    while active:
        for gen in list(active):
            try:
                yield next(gen)
            except StopIteration:
                active.remove(gen)
print(list(interleave(iter("abc"), iter([1, 2]), iter(["X"]))))
gen_in_gen = ((i, j) for i in range(2) for j in (lambda k: range(k + 1))(i))
print(list(gen_in_gen))
