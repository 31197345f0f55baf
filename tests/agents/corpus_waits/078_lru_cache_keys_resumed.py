# Cached tool calls whose cache is carried across waits: a cached method
# (self in the key), keyword arguments, several string arguments and typed
# keys.  After each resume, a call seen before must be a cache hit: the
# tool is not asked again.
import functools


class Planner:
    def __init__(self, team):
        self.team = team

    @functools.lru_cache(maxsize=None)
    def plan(self, topic):
        return llm(f"Plan the work: {topic} for {self.team}")


@functools.lru_cache(maxsize=8)
def score(item, *, unit, scale=10):
    return llm(f"Give a score for {item} in {unit} out of {scale}")


@functools.lru_cache(maxsize=None, typed=True)
def label(a, b):
    return llm(f"Classify this ticket: {a} {b}")


planner = Planner("billing")
print(planner.plan("docs").splitlines()[0])
print(score("refunds", unit="EUR"))
print(label("late", 1))
print(approval("Publish the billing plan"))
print(planner.plan("docs").splitlines()[0], Planner.plan.cache_info())
print(score("refunds", unit="EUR"), score("refunds", unit="EUR", scale=5), score.cache_info())
print(label("late", 1), label("late", 1.0), label.cache_info())
