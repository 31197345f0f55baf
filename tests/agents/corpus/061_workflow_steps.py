# Run a release workflow held in an ordered dict of steps; a rejected step
# marks the steps that depend on it as skipped before the loop reaches them.
steps = {
    "freeze": {"needs": [], "status": "todo"},
    "migrate": {"needs": ["freeze"], "status": "todo"},
    "deploy production": {"needs": ["migrate"], "status": "todo"},
    "announce": {"needs": ["deploy production"], "status": "todo"},
    "retro": {"needs": [], "status": "todo"},
}

for name, step in steps.items():
    if step["status"] == "skipped":
        print(f"{name}: skipped")
        continue
    decision = approval(f"Run the {name} step")
    steps[name] = {**step, "status": decision}
    print(f"{name}: {decision}")
    if decision != "approved":
        for other, later in steps.items():
            if name in later["needs"]:
                steps[other] = {**later, "status": "skipped"}

print({name: step["status"] for name, step in steps.items()})
for index, (name, step) in enumerate(steps.items()):
    if step["status"] == "approved":
        summary = llm(f"Summarize step {index}: {name}")
        print(index, summary)
