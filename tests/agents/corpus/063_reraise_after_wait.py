# Call tools in a handler chain: a failure is explained by the model while it
# is being handled, then re-raised or replaced, and the outer handler reports
# the whole chain.
class StepFailed(Exception):
    pass


def run_step(n):
    try:
        return flaky_tool(n)["square"]
    except ToolError as err:
        hint = llm(f"Classify this failure: {err}")
        print(f"step {n}: {err} -> {hint}")
        if err.retryable:
            raise
        raise StepFailed(f"step {n} cannot run: {hint}")


for n in (2, 3, 7):
    try:
        print(f"step {n}: {run_step(n)}")
    except StepFailed as err:
        context = err.__context__
        print(f"failed: {err}; context {type(context).__name__}: {context}; cause {err.__cause__}")
    except ToolError as err:
        print(f"retryable: {err.code} {err.tool}; context {err.__context__!r}")
        print(f"step {n} again: {run_step(n)}")
