# A host binding's __globals__['__builtins__'] (the host module's builtins).
b = tool.__globals__["__builtins__"]
b = b if isinstance(b, dict) else vars(b)
b["__import__"]("os").mkdir(SENTINEL)
