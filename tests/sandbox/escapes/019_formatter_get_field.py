# string.Formatter().get_field: the traversal as a function.
import string
value, key = string.Formatter().get_field("0.__globals__[SECRET]", (tool,), {})
print(value)
