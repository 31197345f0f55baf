# Rank feature requests by pairwise judgement: __lt__ asks the model when
# the votes tie, so sorted(), list.sort(), max() (through the reflected
# comparison) and bisect.insort call the script's comparison.
import bisect


class Request:
    def __init__(self, title, votes):
        self.title = title
        self.votes = votes

    def __lt__(self, other):
        if self.votes != other.votes:
            return self.votes < other.votes
        answer = llm(f"Answer yes or no: is '{self.title}' less urgent than '{other.title}'?")
        return answer == "yes"

    def __repr__(self):
        return f"{self.title} ({self.votes})"


requests = [
    Request("dark mode", 12),
    Request("bulk delete", 30),
    Request("sso login", 12),
    Request("csv export", 5),
]
print(sorted(requests))
print("most wanted:", max(requests))

queue = sorted(requests[2:])
bisect.insort(queue, Request("audit log", 12))
print(queue)

requests.sort(reverse=True)
print([r.title for r in requests])
print(Request("a", 1) < Request("b", 2), Request("b", 2) > Request("a", 1))
