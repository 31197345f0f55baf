import json
import string

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

print(Upper().format("{name} owes {amount:.2f}", name="ana", amount=3.5))
print(string.Formatter().format("{0}-{1:>4}-{x}", "a", "b", x="c"))
print(list(string.Formatter().parse("hello {who}!")))

class Strict(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_pairs_hook=self.pairs, **kw)
    def pairs(self, items):
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(items)

print(json.loads('{"a": 1, "b": {"c": 2}}', cls=Strict))
try:
    json.loads('{"a": 1, "a": 2}', cls=Strict)
except ValueError as e:
    print("rejected:", e)
