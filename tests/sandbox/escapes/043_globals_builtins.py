# globals()['__builtins__'].
b = globals()["__builtins__"]
b = b if isinstance(b, dict) else vars(b)
b["open"](SENTINEL, "w").close()
