# expect-error: KeyError
catalog = [
    {"sku": "a1", "rank": 3},
    {"sku": "b2", "rank": 1},
    {"sku": "c3"},
    {"sku": "d4", "rank": 2},
]
first_two = sorted(catalog[:2], key=lambda item: item["rank"])
print([item["sku"] for item in first_two])
def rank_of(item):
    return item["rank"]
ordered = sorted(catalog, key=rank_of)
print("not reached", ordered)
