class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Resource("a") as value:
    print("inside", value)
try:
    with Resource("b"):
        raise ValueError("inner failure")
except ValueError as e:
    print("caught", e)
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, *info):
        print("swallowing", info[0].__name__ if info[0] else None)
        return True
with Swallow():
    1 / 0
print("after swallow")
def early_return():
    with Resource("c"):
        return "returned inside with"
print(early_return())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never called")
try:
    with EnterFails():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
