# type(tool)(code, globals): building a function without importing types.
make = type(tool)
reveal = make((lambda: print(SECRET)).__code__, tool.__globals__)
reveal()
