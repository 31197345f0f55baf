# A host binding's __globals__.
print(tool.__globals__["SECRET"])
