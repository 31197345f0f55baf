# getattr with a name built at run time.
name = "__glob" + "als__"
print(getattr(tool, name)["SECRET"])
