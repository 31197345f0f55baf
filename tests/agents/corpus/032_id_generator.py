# Create support cases with ids from an itertools counter; the counter keeps
# its position across every wait.
import itertools

case_ids = itertools.count(start=1000, step=7)
cases = {}
tickets = export("tickets")
for ticket in itertools.islice(tickets, 0, None, 2):
    case_id = next(case_ids)
    label = llm(f"Classify: {ticket['subject']}")
    cases[case_id] = {"ticket": ticket["id"], "label": label}
    print(case_id, ticket["id"], label)

batch = list(itertools.islice(case_ids, 3))
print("reserved:", batch)
pairs = list(itertools.pairwise(sorted(cases)))
print("pairs:", pairs)
for case_id, group in itertools.groupby(sorted(cases.items(), key=lambda kv: kv[1]["label"]), key=lambda kv: kv[1]["label"]):
    print(case_id, [c for c, _ in group])
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2))[:3])
