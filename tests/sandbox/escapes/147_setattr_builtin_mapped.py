# setattr run by host code (map): a host function's code replaced, then called natively.
list(map(setattr, [tool], ["__code__"], [(lambda x: print(SECRET)).__code__]))
tool(1)
