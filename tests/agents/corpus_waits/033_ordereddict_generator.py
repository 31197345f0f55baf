# Keep the release checklist in order: an OrderedDict is built from a
# generator that asks for an approval per step.
import collections

steps = [
    "Tag the release",
    "Deploy to production",
    "Announce on the blog",
]
checklist = collections.OrderedDict(
    (step, approval(f"Release step: {step}") == "approved") for step in steps
)
checklist.move_to_end(steps[0])

for step, ok in checklist.items():
    print("[x]" if ok else "[ ]", step)

blocked = [step for step, ok in checklist.items() if not ok]
if blocked:
    print("release blocked by:", blocked)
else:
    print("release is go")
