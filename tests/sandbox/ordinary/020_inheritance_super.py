class Tool:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"tool {self.name}"

class RetryingTool(Tool):
    def __init__(self, name, retries):
        super().__init__(name)
        self.retries = retries

    def describe(self):
        return super().describe() + f" with {self.retries} retries"

class Logged:
    def describe(self):
        return "logged " + super().describe()

class LoggedRetrying(Logged, RetryingTool):
    pass

t = LoggedRetrying("search", 3)
print(t.describe())
print([c.__name__ for c in LoggedRetrying.__mro__])
print(isinstance(t, Tool), issubclass(LoggedRetrying, Logged))
