# Add up effort estimates: Estimate.__add__ and __radd__ wait for the
# model's score, and `0 + estimate` uses the reflected operand.
class Estimate:
    def __init__(self, task):
        self.task = task
        self.points = llm(f"Give a score for the effort of {task}")

    def __add__(self, other):
        if isinstance(other, Estimate):
            other = int(other.points)
        return int(self.points) + other

    def __radd__(self, other):
        return other + int(self.points)


login, export_api, sso = Estimate("login"), Estimate("export api"), Estimate("sso")
print("login + export api:", login + export_api)
print("sso from zero:", 0 + sso)
print("with buffer:", 10 + login)
