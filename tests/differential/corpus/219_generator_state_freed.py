# A generator closed, or ended by what is thrown into it, lets go of what
# it held (its locals, the exception it was handling) at once, as natively;
# so does an exception that a script function raised into host code.
# (No gc.collect(): reference counts alone.)
import weakref


class Thing:
    pass


class Carrying(Exception):
    def __init__(self, obj):
        self.obj = obj


def holding(obj):
    try:
        raise Carrying(obj)
    except Carrying:
        yield


def raiser(o):
    raise Carrying(o)


def host_calls_back(obj):
    try:
        sorted([obj, obj], key=raiser)  # host code calling a script function
    except Carrying:
        pass


for finish in ("close", "throw", "callback"):
    obj = Thing()
    ref = weakref.ref(obj)
    if finish == "callback":
        host_calls_back(obj)
    else:
        gen = holding(obj)
        next(gen)
        if finish == "close":
            gen.close()
        else:
            try:
                gen.throw(RuntimeError())
            except RuntimeError:
                pass
        gen = None
    obj = None
    print(f"freed after {finish}:", ref() is None)
