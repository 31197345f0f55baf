# __wrapped__ of a host callable wrapped by functools.
import functools
cached = functools.lru_cache(maxsize=None)(tool)
print(cached.__wrapped__.__globals__["SECRET"])
