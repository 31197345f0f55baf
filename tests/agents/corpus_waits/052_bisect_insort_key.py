# Keep a ranked list of answers: bisect.insort(key=...) calls a key that
# waits for the model's score.
import bisect

ranked = []
scores = {}


def score(answer):
    if answer not in scores:
        scores[answer] = int(llm(f"Give a score for the answer {answer}"))
    return scores[answer]


for answer in ["restart the pod", "roll back the release", "add more memory"]:
    bisect.insort(ranked, answer, key=score)
print(ranked)
print([scores[a] for a in ranked])
