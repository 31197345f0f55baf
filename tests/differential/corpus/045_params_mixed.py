def everything(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return f"a={a} b={b} c={c} args={args} d={d} e={e} kwargs={kwargs}"
print(everything(1, d=4))
print(everything(1, 20, 30, 40, 50, d=4))
print(everything(1, c=33, d=4, z=26))
print(everything(1, 2, 3, d=4, e=55, b=99))
def decorator_style(func=None, *, verbose=False):
    if func is None:
        return lambda f: decorator_style(f, verbose=verbose)
    def wrapper(*args, **kwargs):
        if verbose:
            print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper
@decorator_style
def plain(x):
    return x + 1
@decorator_style(verbose=True)
def loud(x, y=1):
    return x * y
print(plain(1), loud(3, y=4))
class Api:
    def request(self, method, path, /, *params, headers=None, **query):
        return method, path, params, headers, query
api = Api()
print(api.request("GET", "/x"))
print(api.request("POST", "/y", 1, 2, headers={"h": 1}, page=3))
def defaults_and_star(a, b=10, *rest):
    return a, b, rest
print(defaults_and_star(1), defaults_and_star(1, 2, 3, 4))
params = {"d": "dee", "extra": 1}
print(everything(*range(6), **params))
try:
    everything(1, 2, a=5, d=1)
except TypeError as e:
    print("TypeError:", e)
