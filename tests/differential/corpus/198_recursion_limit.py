import sys
def too_deep(n):
    return too_deep(n + 1)
limit = sys.getrecursionlimit()
try:
    too_deep(0)
except RecursionError as e:
    print("RecursionError caught:", type(e).__name__, "recursion" in str(e))
print("limit unchanged:", sys.getrecursionlimit() == limit)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual RecursionError:", "maximum recursion depth" in str(e))
def depth_ok(n):
    return 0 if n == 0 else 1 + depth_ok(n - 1)
print("moderate depth still works:", depth_ok(300))
class Node:
    def __init__(self):
        self.child = self
    def size(self):
        return 1 + self.child.size()
try:
    Node().size()
except RecursionError as e:
    print("method RecursionError:", type(e).__name__, isinstance(e, RuntimeError))
print("recovered after recursion errors")
