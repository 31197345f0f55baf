# Objects go as soon as nothing refers to them, as natively: a returned
# frame's locals and cells, an exception dropped by its handler.
# (No gc.collect(): reference counts alone.)
import weakref


class Counted:
    alive = 0

    def __init__(self):
        Counted.alive += 1

    def __del__(self):
        Counted.alive -= 1


def make_and_drop():
    x = Counted()

    def inner():
        return x

    inner()


for _ in range(5):
    make_and_drop()
print("alive after the calls:", Counted.alive)


class Thing:
    pass


class Carrying(Exception):
    def __init__(self, obj):
        self.obj = obj


def raising(obj):
    local_ref = obj
    raise Carrying(obj)


obj = Thing()
ref = weakref.ref(obj)
try:
    try:
        raising(obj)
    except Carrying:
        raise KeyError("second")
except KeyError as error:
    error.__context__ = None
    obj = None
    print("freed inside the handler:", ref() is None)

