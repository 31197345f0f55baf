# getattr mapped by the host over names.
print(list(map(getattr, [tool], ["__globals__"]))[0]["SECRET"])
