# Collect reviewers' votes: functools.partial binds each reviewer's aspect,
# operator.methodcaller calls a method that waits, functools.reduce folds
# the votes, and a reduce whose lambda waits decides the final sign-off.
import functools
import operator


def review(aspect, text):
    return llm(f"Answer yes or no: is the {aspect} of '{text}' acceptable?")


class Reviewer:
    def __init__(self, name, aspect):
        self.name = name
        self.check = functools.partial(review, aspect)

    def vote(self, text):
        return (self.name, self.check(text))


reviewers = [Reviewer("ana", "tone"), Reviewer("ben", "pricing"), Reviewer("cho", "legal wording")]
text = "The Team tier now costs 29.50 EUR per month"
votes = list(map(operator.methodcaller("vote", text), reviewers))
print(votes)


def merge(acc, vote):
    name, answer = vote
    acc[answer].append(name)
    return acc


tally = functools.reduce(merge, votes, {"yes": [], "no": []})
print(tally, {k: len(v) for k, v in tally.items()})

signed = functools.reduce(
    lambda ok, r: ok and approval(f"{r.name} signs '{text}'") == "approved", reviewers, True
)
print("signed off:", signed)
print(functools.reduce(operator.add, (len(v) for v in tally.values())), reviewers[0].check.args)
