# expect-error: __main__.ApprovalDenied
# A metered client wraps the tools: __slots__ records, __getattr__ delegation
# to the wrapped client, __call__ objects used as completion callbacks and as a
# sorted key, and a budget property whose setter asks for approval.
class ApprovalDenied(Exception):
    pass


class ToolClient:
    def complete(self, prompt):
        return llm(prompt)

    def page(self, url):
        return fetch_page(url)


class Metered:
    __slots__ = ("_client", "calls", "_budget", "callbacks")

    def __init__(self, client, budget):
        self._client = client
        self.calls = 0
        self._budget = budget
        self.callbacks = []

    def __getattr__(self, name):
        target = getattr(self._client, name)

        def metered(*args):
            self.calls += 1
            result = target(*args)
            for callback in self.callbacks:
                callback(name, result)
            return result
        return metered

    @property
    def budget(self):
        return self._budget

    @budget.setter
    def budget(self, value):
        if approval(f"Raise the budget to {value}") != "approved":
            raise ApprovalDenied(f"budget {value} refused")
        self._budget = value


class Tally:
    __slots__ = ("counts",)

    def __init__(self):
        self.counts = {}

    def __call__(self, name, result):
        self.counts[name] = self.counts.get(name, 0) + len(str(result))


class ScoreKey:
    def __init__(self, client):
        self.client = client

    def __call__(self, text):
        return int(self.client.complete(f"Give a score to: {text}"))


client = Metered(ToolClient(), budget=5)
tally = Tally()
client.callbacks.append(tally)
print(client.complete("Classify: refund request"), client.page("https://docs.example/auth").split()[0])
subjects = ["Login fails", "Dark mode", "Wrong VAT", "Bulk delete"]
print(sorted(subjects, key=ScoreKey(client)), client.calls, tally.counts)
print(hasattr(client, "__dict__"), Metered.__slots__[1], getattr(Tally(), "counts"))
client.budget = 8
print(client.budget, client.calls)
client.budget = "all customers"
print("not reached", client.budget)
