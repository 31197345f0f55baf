# Deploy services inside script context managers: a change window whose
# __enter__ waits for approval and whose __exit__ waits for a model's
# incident note, suppressing ToolErrors it deems retryable.
class ChangeWindow:
    def __init__(self, service):
        self.service = service
        self.incident = None

    def __enter__(self):
        self.decision = approval(f"Open a change window for {self.service}")
        print("window", self.service, self.decision)
        return self

    def __exit__(self, kind, error, tb):
        if kind is None:
            effect({"window": self.service, "closed": "clean"})
            return False
        self.incident = llm(f"Summarize: {self.service} failed with {error}")
        print("incident:", self.incident)
        suppress = isinstance(error, ToolError) and error.retryable
        effect({"window": self.service, "closed": kind.__name__, "suppressed": suppress})
        return suppress


def deploy(window, step):
    if window.decision != "approved":
        raise PermissionError(f"{window.service} not approved")
    if step == "migrate":
        raise ToolError(f"migration of {window.service} timed out", tool="deploy", code=504)
    if step == "verify":
        raise ToolError(f"{window.service} health check rejected", tool="deploy", code=409)
    return f"{window.service}:{step}:ok"


outcomes = []
for service, step in [("search", "restart"), ("billing", "migrate"), ("auth", "verify"), ("production-api", "restart")]:
    try:
        with ChangeWindow(service) as window:
            outcomes.append(deploy(window, step))
            print("deployed", service)
        print("after window", service, "incident" if window.incident else "clean")
    except ToolError as err:
        note = llm(f"yes or no: page on-call for {err.message}?")
        outcomes.append(f"{service}:error:{err.code}:{note}")
    except PermissionError as err:
        outcomes.append(f"{service}:denied")
        print("denied:", err)

print(outcomes)
