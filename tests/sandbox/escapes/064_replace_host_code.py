# Replacing a host binding's __code__: the host calls it natively with its own globals.
tool.__code__ = (lambda x: print(SECRET)).__code__
tool(1)
