import types

# Functions whose code is replaced at run time (as types.coroutine does):
# a snapshot carries the new code, which a fresh process does not compile.


def check(item):
    return item


def checked(item):
    note = f"{item}:{wait(item)}"
    return note.upper()


check.__code__ = checked.__code__.replace(co_name="check")
print(check("a"), check.__name__, check.__code__.co_name)
effect([check("b"), check("c")])


@types.coroutine
def legacy(n):
    got = yield from ()
    return [n, wait(n * 2), got]


def drive(gen):
    try:
        gen.send(None)
    except StopIteration as stop:
        return stop.value


print(drive(legacy(3)), legacy.__code__.co_flags & 0x100 != 0)
