print(eval("1 + 2 * 3"))
print(eval("x * y", {"x": 6, "y": 7}))
print(eval("name.upper()", {}, {"name": "local"}))
env = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", env)
print(env["a"], env["b"], env["f"](1))
print(sorted(k for k in env if not k.startswith("__")))
ns = {"items": [3, 1, 2]}
exec("items.sort()\ntotal = sum(items)", ns)
print(ns["items"], ns["total"])
code = compile("result = [i * i for i in range(n)]", "<generated>", "exec")
scope = {"n": 5}
exec(code, scope)
print(scope["result"])
expr = compile("p ** 2 + q", "<expr>", "eval")
print([eval(expr, {"p": p, "q": 1}) for p in range(4)])
try:
    eval("1 +", {})
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    eval("undefined_thing", {})
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')", {})
except ValueError as e:
    print("ValueError:", e)
safe = {"__builtins__": {"len": len}}
print(eval("len('abcd')", safe))
try:
    eval("open", safe)
except NameError as e:
    print("NameError:", e)
class_src = """
class Generated:
    def hello(self):
        return "hello from generated class"
instance = Generated()
"""
g = {}
exec(class_src, g)
print(g["instance"].hello(), g["Generated"].__name__)
import ast
print(ast.literal_eval("{'a': [1, 2.5, (3, 'x')], 'b': None}"))
print(eval(repr([1, "two", 3.0])))
