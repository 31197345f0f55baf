# Per-user activity matrix from the event log; the model labels each user's
# behaviour after the matrix is built.
from collections import defaultdict

events = export("events")
matrix = defaultdict(lambda: defaultdict(int))
hours = defaultdict(set)
for event in events:
    matrix[event["user"]][event["action"]] += 1
    hours[event["user"]].add(int(event["ts"][11:13]))

profiles = {}
for user in sorted(matrix):
    actions = dict(sorted(matrix[user].items()))
    label = llm(f"Classify the activity of {user}: {actions}")
    profiles[user] = {"actions": actions, "hours": sorted(hours[user]), "label": label}
    print(user, actions, sorted(hours[user]))

print({user: p["label"] for user, p in profiles.items()})
print(matrix["zoe"]["login"], sorted(matrix))
