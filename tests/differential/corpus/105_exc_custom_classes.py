class AppError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError):
    def __init__(self, resource):
        super().__init__(f"{resource} not found", code=404)
        self.resource = resource
class Forbidden(AppError):
    pass
def fetch(resource):
    if resource.startswith("secret"):
        raise Forbidden(f"access to {resource} denied", 403)
    if resource == "ghost":
        raise NotFound(resource)
    return f"content of {resource}"
for r in ["page", "ghost", "secret/x"]:
    try:
        print(fetch(r))
    except NotFound as e:
        print("NotFound:", e, e.code, e.resource, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.code, isinstance(e, Exception))
print([c.__name__ for c in NotFound.__mro__])
class WithRepr(Exception):
    pass
e = WithRepr("a", 1)
print(repr(e), str(e), e.args, str(WithRepr()), repr(WithRepr()))
class Empty(ValueError):
    pass
try:
    raise Empty
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, repr(e))
class Structured(Exception):
    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(field, problem)
try:
    raise Structured("email", "missing @")
except Structured as e:
    print(e, e.field, e.problem)
print(issubclass(NotFound, Exception), issubclass(Exception, BaseException))
try:
    raise Exception
except Exception as e:
    print(repr(e), e.args)
