# __import__ of the tool's module by its name.
host = __import__(tool.__module__, fromlist=["SECRET"])
print(host.SECRET)
