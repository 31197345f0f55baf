# Assign reviewers with a seeded random generator of the script's own, and
# weighted choices from the module's, across approvals.
import random

rng = random.Random(99)
random.seed(5)
reviewers = ["ana", "ben", "cho", "dev"]
weights = [5, 3, 1, 1]
assignments = []
for ticket in export("tickets"):
    reviewer = rng.choice(reviewers)
    backup = random.choices(reviewers, weights=weights)[0]
    if ticket["priority"] == 1:
        decision = approval(f"Let {reviewer} handle urgent ticket {ticket['id']}")
        if decision != "approved":
            reviewer = backup
    assignments.append((ticket["id"], reviewer, backup))
    print(ticket["id"], reviewer, backup, rng.randint(1, 100))

state = rng.getstate()
first = rng.random()
rng.setstate(state)
print(first == rng.random(), round(random.gauss(0, 1), 6), random.getrandbits(16))
print(assignments)
