# expect-error: AssertionError
def normalize(weights):
    total = sum(weights.values())
    assert total > 0, f"weights must sum to a positive number, got {total}"
    return {k: v / total for k, v in weights.items()}
print(normalize({"a": 1, "b": 3}))
print(normalize({"x": 2}))
weights = {"a": 0, "b": 0}
print("normalizing", sorted(weights))
print(normalize(weights))
print("not reached")
