# expect-error: builtins.AssertionError
# Collect errors into variables to re-raise later, read sys.exc_info() after
# a wait inside the handler, and end on an assert whose message waits.
import sys
import traceback

errors = []
for name in ["ana", "ghost", "ben", "phantom"]:
    try:
        user = lookup_user(name)
        print("found", user["email"])
    except ToolError as err:
        note = llm(f"Classify missing user {name}")
        kind, value, tb = sys.exc_info()
        print("exc_info:", kind.__name__, value.message, tb is not None, note)
        errors.append(err)

try:
    first = errors[0]
    decision = approval(f"Escalate {len(errors)} missing users")
    print("decision:", decision)
    raise first
except ToolError as again:
    print("re-raised same object:", again is errors[0], again.tool, again.code)
    print(traceback.format_exc().strip().splitlines()[-1])
    print("exc_info after:", sys.exc_info()[0].__name__)
print("outside handler:", sys.exc_info())

saved = None
try:
    int(llm("score the import"))
    {}["missing"]
except KeyError as err:
    saved = err
plan = llm("Plan: handle the missing key")
print(plan.splitlines()[0], "| saved:", repr(saved))
try:
    raise saved
except KeyError:
    print("saved error re-raised; traceback has", len(traceback.format_exc().splitlines()) > 3)

rows = export("orders")
paid = [r for r in rows if r["status"] == "paid"]
assert len(paid) > 10, llm(f"Summarize: only {len(paid)} paid orders of {len(rows)}")
print("never reached")
