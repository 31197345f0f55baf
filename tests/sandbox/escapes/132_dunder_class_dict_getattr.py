# __getattribute__ of the tool itself.
print(tool.__getattribute__("__globals__")["SECRET"])
