# Break a goal into steps with the model, recursively, down to a fixed depth;
# the plan is printed as an indented outline.
import re

STEP = re.compile(r"^\d+\. (\w+) (.*)$")


def plan(goal, depth=0, max_depth=2):
    if depth == max_depth:
        return {"goal": goal, "steps": []}
    answer = llm(f"Make a plan: {goal}")
    steps = []
    for line in answer.splitlines():
        match = STEP.match(line)
        if match and match.group(1) != "review":
            steps.append(plan(f"{match.group(1)} {goal}", depth + 1, max_depth))
    return {"goal": goal, "steps": steps}


def outline(node, indent=0):
    lines = [" " * indent + "- " + node["goal"]]
    for child in node["steps"]:
        lines.extend(outline(child, indent + 2))
    return lines


tree = plan("launch the export API")
print("\n".join(outline(tree)))


def leaves(node):
    return 1 if not node["steps"] else sum(leaves(c) for c in node["steps"])


print("leaves:", leaves(tree))
