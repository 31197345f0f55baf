# Keep the urgent tickets and label them: filter() and map() with lambdas
# that wait for the model; the result goes to the triage board.
subjects = [
    "App crashes on upload",
    "Please add dark mode",
]

urgent = list(filter(lambda s: llm(f"Answer yes or no: is {s} urgent?") == "yes", subjects))
labels = list(map(lambda s: llm(f"Classify: {s}").upper(), urgent))

board = []
for subject, label in zip(urgent, labels):
    board.append({"subject": subject, "label": label})
    print(label, subject)
db_write(board, table="triage")
print(len(urgent), "of", len(subjects), "urgent")
