# Parse model scores where some answers are not numbers: the waits happen
# inside contextlib.suppress blocks, which swallow the ValueError.
import contextlib

topics = ["pricing", "security"]
scores = {}
for topic in topics:
    with contextlib.suppress(ValueError):
        scores[topic] = int(llm(f"Give a score for {topic}"))

with contextlib.suppress(ValueError):
    scores["outage"] = int(llm("Summarize: the outage of uploads"))
    print("not reached: a summary is no number")

print(sorted(scores.items()))
print("missing:", [t for t in topics + ["outage"] if t not in scores])
average = sum(scores.values()) / len(scores)
print(f"average: {average:.1f}")
