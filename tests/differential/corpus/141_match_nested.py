def evaluate(expr):
    match expr:
        case ("num", value):
            return value
        case ("neg", inner):
            return -evaluate(inner)
        case ("add", left, right):
            return evaluate(left) + evaluate(right)
        case ("mul", left, right):
            return evaluate(left) * evaluate(right)
        case ("let", str(name), value, body):
            return evaluate(substitute(body, name, evaluate(value)))
        case ("var", name):
            raise NameError(f"unbound variable {name}")
        case _:
            raise ValueError(f"bad expression {expr!r}")
def substitute(expr, name, value):
    match expr:
        case ("var", n) if n == name:
            return ("num", value)
        case (op, *args):
            return (op, *[substitute(a, name, value) if isinstance(a, tuple) else a for a in args])
    return expr
program = ("let", "x", ("add", ("num", 2), ("num", 3)),
           ("mul", ("var", "x"), ("neg", ("num", 4))))
print(evaluate(program))
print(evaluate(("add", ("num", 1), ("mul", ("num", 2), ("num", 3)))))
for bad in [("var", "y"), ("pow", 1, 2)]:
    try:
        evaluate(bad)
    except (NameError, ValueError) as e:
        print(type(e).__name__, e)
def route(request):
    match request:
        case {"method": "GET", "path": ["users", user_id]}:
            return f"get user {user_id}"
        case {"method": "GET" | "HEAD", "path": ["users"]}:
            return "list users"
        case {"method": "POST", "path": ["users"], "body": {"name": str(name)}}:
            return f"create user {name}"
        case {"method": method, "path": [*parts]}:
            return f"{method} /{'/'.join(parts)} not routed"
reqs = [{"method": "GET", "path": ["users", "7"]}, {"method": "HEAD", "path": ["users"]},
        {"method": "POST", "path": ["users"], "body": {"name": "ann"}}, {"method": "DELETE", "path": ["x", "y"]}]
for r in reqs:
    print(route(r))
