# Generators, coroutines and what __await__ returns refuse copy and pickle,
# as natively; a generator's name is its function's at the time it is made.
import copy
import pickle
import types


def func():
    x = yield 1
    yield x


async def coro():
    return 5


func.__name__ = "renamed"
func.__qualname__ = "renamed_q"
g = func()
print(g.__name__, g.__qualname__, type(g), type(coro))
print(g.__next__.__doc__)
c = coro()
waiter = c.__await__()
for obj in (g, c, waiter):
    for how in (copy.copy, copy.deepcopy, pickle.dumps):
        try:
            how(obj)
        except TypeError as error:
            print("refused:", how.__name__, error)
waiter.close()
print(next(g), g.send("sent"))
try:
    g.throw(ValueError, "foo", 23)
except TypeError as error:
    print("bad throw:", error)


@types.coroutine
def legacy():
    got = yield "tick"
    return got * 2


async def main():
    return await legacy()


m = main()
print(m.send(None))
try:
    m.send(21)
except StopIteration as stop:
    print("result:", stop.value)
