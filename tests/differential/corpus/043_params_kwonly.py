def connect(host, *, port=80, secure=False):
    return f"{'https' if secure else 'http'}://{host}:{port}"
print(connect("a.com"))
print(connect("b.com", port=8080, secure=True))
try:
    connect("c.com", 443)
except TypeError as e:
    print("TypeError:", e)
def required_kw(*, name, count):
    return name * count
print(required_kw(count=2, name="ab"))
try:
    required_kw(name="x")
except TypeError as e:
    print("TypeError:", e)
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
def after_args(*args, sep=", ", end="."):
    return sep.join(map(str, args)) + end
print(after_args(1, 2, 3), after_args(1, 2, sep="-", end="!"))
try:
    connect("d.com", colour="red")
except TypeError as e:
    print("TypeError:", e)
try:
    connect(host="x", host2="y")
except TypeError as e:
    print("TypeError:", e)
def mixed(a, *, b, c=3, **rest):
    return a, b, c, rest
print(mixed(1, b=2), mixed(1, b=2, c=4, d=5))
class Service:
    def call(self, *, timeout=1.0, retries=0):
        return timeout, retries
print(Service().call(), Service().call(retries=3))
try:
    Service().call(5)
except TypeError as e:
    print("TypeError:", e)
