# Sort proposals by comparing them with __lt__, which asks the model for a
# score: sorted() without a key calls the script's __lt__ from host code.
class Proposal:
    def __init__(self, title):
        self.title = title

    def score(self):
        return int(llm(f"Give a score for the proposal {self.title}"))

    def __lt__(self, other):
        return self.score() < other.score()

    def __repr__(self):
        return f"Proposal({self.title!r})"


proposals = [Proposal("dark mode"), Proposal("export api"), Proposal("sso login")]
print(sorted(proposals))
print(min(proposals), max(proposals))
