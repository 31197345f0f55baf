# Tally yes/no answers: collections.Counter consumes a generator over
# answers that are still pending.
import collections

questions = [
    "Is the outage over?",
    "Should we refund Globex?",
    "Is the export API ready?",
]
answers = [llm(f"Answer yes or no: {q}") for q in questions]
tally = collections.Counter(a for a in answers)

print(sorted(tally.items()))
print("answers counted:", sum(tally.values()))
print("majority:", tally.most_common(1)[0][0])
for question, answer in zip(questions, answers):
    print(f"{answer:>3}  {question}")
