# Spot-check a random sample of orders: the sample is seeded so reviews are
# reproducible; each reviewer is assigned at random after the export arrives.
import random

random.seed(2024)
reviewers = ["ana", "ben", "cho"]
first = random.choice(reviewers)
print("first reviewer:", first)

orders = export("orders")
sample = random.sample(orders, 4)
print("sample:", [o["id"] for o in sample])
assignments = {}
for order in sample:
    reviewer = random.choice(reviewers)
    verdict = llm(f"Answer yes or no: is order {order['id']} of {order['amount']} EUR suspicious?")
    assignments[order["id"]] = (reviewer, verdict)
    print(order["id"], reviewer, verdict, round(random.random(), 6))

shuffled = reviewers[:]
random.shuffle(shuffled)
print("rotation:", shuffled)
print("uniform:", round(random.uniform(1, 10), 6), random.randint(1, 1000))
