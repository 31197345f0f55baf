class ToolError(Exception):
    def __init__(self, tool, message, retryable=True):
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.retryable = retryable
attempts_log = []
failures_left = {"fetch_prices": 2, "book_flight": 0, "charge_card": 5}
def make_tool(name):
    def tool(**kwargs):
        attempts_log.append(name)
        if failures_left[name] > 0:
            failures_left[name] -= 1
            raise ToolError(name, f"transient failure ({failures_left[name]} left)")
        if name == "charge_card" and kwargs.get("amount", 0) > 1000:
            raise ToolError(name, "amount over limit", retryable=False)
        return {"tool": name, "ok": True, **kwargs}
    tool.__name__ = name
    return tool
tools = {name: make_tool(name) for name in failures_left}
def call_with_retry(name, max_attempts=3, **kwargs):
    for attempt in range(1, max_attempts + 1):
        try:
            result = tools[name](**kwargs)
            print(f"{name} ok on attempt {attempt}")
            return result
        except ToolError as err:
            print(f"{name} attempt {attempt} failed: {err}")
            if not err.retryable:
                break
    return None
plan = [("fetch_prices", {"route": "PAR-ROM"}), ("book_flight", {"seat": "12A"}), ("charge_card", {"amount": 250})]
outcomes = {}
for name, args in plan:
    outcomes[name] = call_with_retry(name, **args)
for name, outcome in outcomes.items():
    print(name, "=>", outcome)
print("attempts:", attempts_log)
failures_left["charge_card"] = 0
print(call_with_retry("charge_card", amount=5000))
