def pipeline(values):
    return [tool(v) for v in values]

results = pipeline([1, "two", [3], {"four": 4}])
print(results)
print(tool(tool(5)) + 1, tool(None) is None)
summary = {k: tool(v) for k, v in {"a": 1, "b": 2}.items()}
print(summary, tool(sorted)([3, 1, 2]))
print(tool(lambda x: x * 10)(4), tool(SENTINEL.split("/")[-1]))
