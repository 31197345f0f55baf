# Clean up after a batch job with contextlib: ExitStack callbacks that wait
# for a model, one of which raises; suppress() around lookups that fail; the
# callbacks' exceptions chain in the order CPython gives.
import contextlib


def release(name):
    note = llm(f"Summarize: releasing {name}")
    effect({"released": name, "note": note[:30]})
    print("released", name)


def failing_release(name):
    answer = approval(f"Force-release lock {name}")
    raise RuntimeError(f"could not release {name}: {answer}")


users = []
for name in ["ana", "zed", "cho", "nobody"]:
    with contextlib.suppress(ToolError):
        user = lookup_user(name)
        manager = llm(f"Classify manager {user['manager']}")
        users.append((name, manager))
print("users:", users)

try:
    with contextlib.ExitStack() as stack:
        stack.callback(release, "workspace")
        stack.callback(failing_release, "db-lock")
        stack.callback(release, "tmpdir")
        rows = export("orders")
        print("exported", len(rows))
        raise ValueError("batch interrupted")
except RuntimeError as err:
    print("stack raised:", err)
    print("context:", repr(err.__context__))
    answer = llm(f"Plan recovery: {err}")
    print(answer.splitlines()[0])

with contextlib.ExitStack() as stack:
    stack.enter_context(contextlib.suppress(KeyError))
    stack.callback(release, "cache")
    table = export("tickets")
    print("first subject:", table[0]["subject"])
    print(table[0]["owner"])
print("suppressed the KeyError, cache released")
