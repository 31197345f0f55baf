# Fold model scores with functools.reduce and a lambda that waits: reduce is
# host code calling the script's lambda.
import functools

topics = ["pricing", "security", "export api"]
total = functools.reduce(lambda acc, topic: acc + int(llm(f"Give a score for {topic}")), topics, 0)
print("total score:", total)


def longer(a, b):
    return a if len(llm(f"Summarize {a}")) >= len(llm(f"Summarize {b}")) else b


best = functools.reduce(longer, topics)
print("best:", best)
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
