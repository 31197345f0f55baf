def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n * 2
print(check_positive(5))
try:
    check_positive(-3)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError args:", e.args, repr(str(e)))
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print("tuple message:", e.args)
assert True, "never raised"
assert [1], "non-empty list is truthy"
calls = []
def msg():
    calls.append("msg evaluated")
    return "lazy message"
assert 1, msg()
print("message not evaluated when passing:", calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)
def validate(record):
    assert isinstance(record, dict), "record must be a dict"
    assert "id" in record, "record needs an id"
    assert record["id"] >= 0, "id must be non-negative"
    return "valid"
for rec in [{"id": 1}, [], {}, {"id": -1}]:
    try:
        print(validate(rec))
    except AssertionError as e:
        print("invalid:", e)
values = [1, 2, 3]
assert len(values) == 3 and values[0] == 1, "compound condition"
print("compound assert passed")
class Custom:
    def __bool__(self):
        return False
try:
    assert Custom(), "custom falsy"
except AssertionError as e:
    print("AssertionError:", e)
