# Compile a decision expression once: eval() of a code object that waits for
# the approval, run for each proposed change.
DECIDE = compile(
    "approval(f'Apply the change: {change}') == 'approved'",
    "<decide>",
    "eval",
)

changes = [
    "Raise the upload limit",
    "Delete the staging database",
]
applied = []
for change in changes:
    if eval(DECIDE, {"approval": approval, "change": change}):
        applied.append(change)
        effect(f"applied: {change}")
print("applied:", applied)
print("declined:", [c for c in changes if c not in applied])
