order = []
def deco(label):
    order.append(f"factory {label}")
    def apply(fn):
        order.append(f"apply {label}")
        def wrapper(*args):
            order.append(f"enter {label}")
            result = fn(*args)
            order.append(f"exit {label}")
            return f"{label}({result})"
        return wrapper
    return apply
@deco("outer")
@deco("middle")
@deco("inner")
def core(x):
    order.append("core")
    return x
print(order)
order.clear()
print(core("v"))
print(order)
def upper(fn):
    return lambda: fn().upper()
def exclaim(fn):
    return lambda: fn() + "!"
@exclaim
@upper
def a():
    return "hello"
@upper
@exclaim
def b():
    return "hello"
print(a(), b())
class Service:
    @staticmethod
    @deco("static")
    def ping():
        return "pong"
    @classmethod
    @deco("cls")
    def make(cls):
        return cls.__name__
    @property
    @deco("prop")
    def value(self):
        return 42
order.clear()
print(Service.ping(), Service.make(), Service().value)
print(order)
