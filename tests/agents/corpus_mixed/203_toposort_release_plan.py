# Release a set of services in dependency order: a graphlib.TopologicalSorter
# is prepared, its get_ready() batches are walked while each node waits for
# an approval (a rejected node is still marked done so the walk goes on, but
# its dependants are skipped), node state lives in types.SimpleNamespace
# records behind a read-only MappingProxyType, a model plan adds edges to a
# second graph whose static_order() is printed, and a cycle's CycleError is
# handled in an except block that waits for the model.
import graphlib
import types
from collections import defaultdict

DEPS = {
    "api": {"auth", "db"},
    "auth": {"db"},
    "billing": {"api", "db"},
    "search": {"api"},
    "web": {"api", "search"},
    "db": set(),
    "reports": {"billing", "search"},
}

nodes = {
    name: types.SimpleNamespace(name=name, deps=sorted(deps), state="waiting", batch=None)
    for name, deps in DEPS.items()
}
view = types.MappingProxyType(nodes)

ts = graphlib.TopologicalSorter(DEPS)
ts.prepare()
batch_no, skipped, order = 0, defaultdict(list), []
while ts.is_active():
    ready = sorted(ts.get_ready())
    batch_no += 1
    print(f"batch {batch_no}: {ready}")
    for name in ready:
        node = view[name]
        node.batch = batch_no
        blocked = [d for d in node.deps if view[d].state != "released"]
        if blocked:
            node.state = "skipped"
            skipped[name].extend(blocked)
        else:
            risky = "production " if name in ("billing",) else ""
            verdict = approval(f"Release {risky}{name} after {', '.join(node.deps) or 'nothing'}")
            node.state = "released" if verdict == "approved" else "rejected"
            order.append(name)
        ts.done(name)
        print(f"  {name:<8} -> {node.state}", end="\n" if node.state != "skipped" else f" (blocked by {blocked})\n")

print("released:", [n for n in order if view[n].state == "released"])
print("skipped:", dict(sorted(skipped.items())))
print(sorted((n.batch, n.name, n.state) for n in view.values()))
try:
    view["db"] = None
except TypeError as exc:
    print("read-only:", type(exc).__name__)

plan = llm("Write a plan for: the docs site")
steps = [line.split(". ", 1)[1].split()[0] for line in plan.splitlines()]
graph = graphlib.TopologicalSorter()
for before, after in zip(steps, steps[1:]):
    graph.add(after, before)
print("plan order:", list(graph.static_order()), steps)

loop = graphlib.TopologicalSorter({"a": {"b"}, "b": {"c"}, "c": {"a"}})
try:
    loop.prepare()
except graphlib.CycleError as exc:
    message, cycle = exc.args
    note = llm(f"Summarize: cycle of {len(cycle) - 1} nodes: {' -> '.join(sorted(cycle[:-1]))}")
    print(message, len(cycle), note)
print(types.SimpleNamespace(batches=batch_no, released=len(order)))
