import contextvars

# Context variables the script makes: they and their values survive a wait.
request_id = contextvars.ContextVar("request_id", default="none")
user = contextvars.ContextVar("user")
retries = contextvars.ContextVar("retries", default=0)
never_set = contextvars.ContextVar("never_set")

print(request_id.get(), retries.get(), user.get("anonymous"))
request_id.set("req-1")
user.set({"name": "ana", "roles": ["admin"]})
effect(wait(1))
print(request_id.get(), user.get()["name"], retries.get())


def handle(task):
    retries.set(retries.get() + 1)
    answer = wait(task)
    return f"{request_id.get()}:{answer}:{retries.get()}"


print(handle("a"), handle("b"))
try:
    never_set.get()
except LookupError as e:
    print("lookup:", type(e).__name__, e.args == (never_set,))
print(request_id.name, repr(user.get("x"))[:5], user.get()["roles"])
snapshot = contextvars.copy_context()
print(sorted(v.name for v in snapshot if v in (request_id, user, retries, never_set)), snapshot[retries])
token = retries.set(10)
retries.reset(token)
user.set("bo")
print(snapshot[user]["name"], snapshot.run(user.get)["name"], user.get(), request_id in snapshot)
del token, snapshot  # (kept ones: context_tokens.py)
effect([request_id.get(), retries.get(), wait(2), user.get()])
