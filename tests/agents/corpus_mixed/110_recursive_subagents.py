# Recursive agent: a task is split by the planner into sub-tasks, each run by a
# sub-agent with a smaller budget; leaves summarize with the model.
import json
from typing import Any, Optional


def run_agent(goal: str, budget: int, depth: int = 0) -> dict[str, Any]:
    node: dict[str, Any] = {"goal": goal, "budget": budget, "depth": depth}
    if budget <= 2 or depth >= 2:
        node["answer"] = llm(f"Summarize: {goal}").removeprefix("Summary: ")
        return node
    plan = llm(f"Plan: {goal}")
    steps = [line.split(". ", 1)[1] for line in plan.splitlines()][:2]
    node["children"] = [run_agent(step, budget // 2, depth + 1) for step in steps]
    return node


def leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "children" not in node:
        return [node]
    return [leaf for child in node["children"] for leaf in leaves(child)]


tree = run_agent("write the outage report", budget=8)
print(json.dumps(tree, indent=2))
for i, leaf in enumerate(leaves(tree)):
    print(f"{i}: d={leaf['depth']} b={leaf['budget']:<2} {leaf['goal'][:40]:<40} | {leaf['answer'][:30]}")
top: Optional[str] = tree.get("answer")
print("top answer:", top, "| leaves:", len(leaves(tree)))
