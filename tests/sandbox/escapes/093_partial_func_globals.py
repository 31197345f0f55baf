# functools.partial(tool).func is the host function itself.
import functools
print(functools.partial(tool, 1).func.__globals__["SECRET"])
