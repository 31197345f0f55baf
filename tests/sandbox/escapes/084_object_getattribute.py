# object.__getattribute__ called with a name string.
print(object.__getattribute__(tool, "__globals__")["SECRET"])
