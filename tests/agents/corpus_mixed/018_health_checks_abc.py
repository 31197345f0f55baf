# Health checks as plugins: an abc.ABC with an abstract check(), subclasses
# with super().__init__, and a __repr__ that waits for the model's status
# line, shown by print() of a list and an f-string's !r.
import abc


class Check(abc.ABC):
    def __init__(self, target):
        self.target = target
        self.result = None

    @abc.abstractmethod
    def check(self):
        ...

    def __repr__(self):
        status = llm(f"Summarize: {type(self).__name__} of {self.target}: {self.result}")
        return f"<{self.target}: {status.removeprefix('Summary: ')}>"


class PageCheck(Check):
    def __init__(self, url, needle):
        super().__init__(url)
        self.needle = needle

    def check(self):
        self.result = self.needle in fetch_page(self.target)
        return self.result


class UserCheck(Check):
    def check(self):
        try:
            self.result = lookup_user(self.target)["team"]
        except ToolError as error:
            self.result = f"missing ({error.code})"
        return self.result


checks = [
    PageCheck("https://shop.example/pricing", "Team"),
    PageCheck("https://shop.example/missing", "Team"),
    UserCheck("ana"),
    UserCheck("eve"),
]
print([c.check() for c in checks])
print(checks[:2])
print(f"{checks[3]!r}")
try:
    Check("abstract")
except TypeError as error:
    print("TypeError:", str(error).split(" with")[0])
