import contextvars

# Tokens and copied contexts the script keeps across waits: made again on
# load with their variable, old value and context, and the job's context
# still the one its tokens belong to.
request_id = contextvars.ContextVar("request_id", default="none")
tenant = contextvars.ContextVar("tenant")
depth = contextvars.ContextVar("depth", default=0)
unused_var = contextvars.ContextVar("unused_var")

outer = tenant.set("acme")  # old value MISSING
rid = request_id.set("batch-7")  # old value: the default, unset
first = depth.set(1)
second = depth.set(2)  # old value 1
spent = depth.set(3)
depth.reset(spent)  # used before the wait
side = contextvars.copy_context()
side_token = side.run(request_id.set, "side-1")  # a token of the copy
side.run(tenant.set, "globex")
print(request_id.get(), tenant.get(), depth.get(), side[request_id], side[tenant])
effect([wait("review"), request_id.get(), tenant.get(), depth.get()])

print(outer.var is tenant, outer.old_value is contextvars.Token.MISSING, second.old_value, spent.old_value)
try:
    depth.reset(spent)
except RuntimeError as e:
    print("spent:", type(e).__name__)
try:
    request_id.reset(side_token)
except ValueError as e:
    print("other context:", "different Context" in str(e))
print(side.run(lambda: (request_id.get(), tenant.get(), depth.get())), request_id in side, len(list(side)) >= 3)
side.run(request_id.reset, side_token)
print(side[request_id] if request_id in side else "unset in side", request_id.get())
depth.reset(second)
print("depth", depth.get())
effect([wait("second review"), depth.get(), side.get(request_id, "-")])
depth.reset(first)
request_id.reset(rid)
print("depth", depth.get(), "rid", request_id.get())
tenant.reset(outer)
try:
    tenant.get()
except LookupError:
    print("tenant unset")
# A wait inside Context.run: the copy stays the current context across it.
inside = side.run(lambda: [request_id.set("in-side-run"), wait("inside run"), request_id.get(), tenant.get()][1:])
print(inside, request_id.get(), side.get(request_id, "-"))
again = tenant.set("initech")
effect(wait("third"))
tenant.reset(again)
print(tenant.get("gone"), unused_var.get("never"), sorted(v.name for v in contextvars.copy_context() if v in (tenant, depth, request_id)))
