# A nested try/except/else/finally around tool calls, with waits in each
# part, as a careful integration script would do.
log = []


def step(n):
    try:
        log.append(f"try {n}")
        value = flaky_tool(n)
    except ToolError as err:
        note = llm(f"Summarize the failure: {err}")
        log.append(f"except {n}: {note[:20]}")
        return None
    else:
        check = llm(f"Answer yes or no: is {value['square']} plausible?")
        log.append(f"else {n}: {check}")
        return value["square"] if check == "yes" else -value["square"]
    finally:
        try:
            decision = approval(f"Record step {n}")
            log.append(f"finally {n}: {decision}")
        except Exception as err:
            log.append(f"finally failed: {err}")


results = [step(n) for n in (1, 3, 7)]
print(results)
print("\n".join(log))
