# Parse commands from task payloads with shlex, dispatch them through a table
# of functools.partial objects over stdlib functions, and log to a StringIO.
import io
import operator
import shlex
import textwrap
from functools import partial, reduce

log = io.StringIO()
handlers = {
    "upper": str.upper,
    "wrap": partial(textwrap.wrap, width=20),
    "sum": lambda *xs: reduce(operator.add, map(int, xs), 0),
    "join": partial(str.join, "+"),
}
commands = [
    'upper "hello agent world"',
    "sum 1 2 3 40",
    "wrap 'Quarterly revenue grew 12 percent while costs stayed flat'",
    "join a b 'c d'",
]
for line in commands:
    name, *args = shlex.split(line)
    decision = approval(f"Run command {name} with {len(args)} args")
    if name == "join":
        result = handlers[name](args)
    else:
        result = handlers[name](*args)
    print(f"{name}: {result!r} [{decision}]", file=log)
    print(name, shlex.join(args), result)

task = next_task("default")
payload = task["payload"]
parts = shlex.split(payload)
print(task["kind"], parts[:3], shlex.quote(payload)[:30])
print(log.getvalue(), end="")
print(len(log.getvalue().splitlines()), log.closed)
lexer = shlex.shlex("key=value, other='x y'", posix=True)
lexer.whitespace_split = True
lexer.whitespace += ","
print(list(lexer))
plan = llm("Make a plan: run the commands")
print(plan.count("\n"), handlers["upper"](plan.splitlines()[0]))
print(operator.methodcaller("split", ".")(plan)[0], operator.attrgetter("real")(3 + 4j))
