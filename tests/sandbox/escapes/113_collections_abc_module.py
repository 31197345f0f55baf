# collections.abc's classes' methods hold _collections_abc's globals and their builtins.
import collections.abc
globals_ = collections.abc.Mapping.get.__globals__
globals_["__builtins__"]["open"](SENTINEL, "w").close()
