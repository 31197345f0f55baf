# Expand a goal into a task tree recursively: every node asks the model for a
# plan (a wait at each depth of the recursion), children are dataclass nodes
# built from the plan's lines, a memo keyed by a sha1 of the goal's sorted
# words shares repeated sub-goals, a recursive generator flattens the tree
# with `yield from`, and a post-order walk totals costs through sum() over a
# generator expression and asks approval for expensive subtrees on the way up.
import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field


@dataclass
class Node:
    goal: str
    depth: int
    children: list["Node"] = field(default_factory=list)
    cost: int = 0
    approved: bool | None = None


memo, calls = {}, []


def key(goal):
    return hashlib.sha1(" ".join(sorted(goal.lower().split())).encode()).hexdigest()[:8]


def expand(goal, depth=0, limit=3):
    k = key(goal)
    if k in memo:
        return memo[k]
    node = memo[k] = Node(goal, depth, cost=len(goal) % 9 + 1)
    if depth < limit:
        plan = llm(f"Write a plan for: {goal}")
        calls.append((depth, goal))
        for line in plan.splitlines()[:2]:
            node.children.append(expand(line.split(". ", 1)[1], depth + 1, limit))
    return node


def flatten(node, seen=None):
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node.depth, node.goal
    for child in node.children:
        yield from flatten(child, seen)


def total(node, budget):
    node_total = node.cost + sum(total(child, budget) for child in node.children)
    if node.children and node_total > budget:
        node.approved = (
            approval(f"Spend {node_total} units on: {node.goal}") == "approved"
        )
    return node_total


root = expand("ship the export api")
print(len(memo), calls)
print(*(f"{'  ' * d}{g}" for d, g in flatten(root)), sep="\n")
print(
    "total:",
    total(root, 15),
    [(n.goal, n.approved) for n in memo.values() if n.approved is not None],
)
snapshot = copy.deepcopy(root)
shared = snapshot.children[0].children[1] is snapshot.children[1].children[0]
print(
    shared,
    root.children[0].children[1] is root.children[1].children[0],
    snapshot == root,
)
print(json.dumps(dataclasses.asdict(root)["children"][1], sort_keys=True)[:240])
