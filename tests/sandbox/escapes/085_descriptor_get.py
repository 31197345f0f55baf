# The __globals__ descriptor from the function type's dict, applied by hand.
descriptor = type(tool).__dict__["__globals__"]
print(descriptor.__get__(tool)["SECRET"])
