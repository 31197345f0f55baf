# expect-error: KeyError
prices = {"apple": 1.2, "pear": 0.8, "kiwi": 2.0}
order = ["apple", "kiwi", "pear"]
costs = [prices[item] for item in order]
print("costs", costs)
second_order = ["pear", "mango", "apple"]
print("pricing second order")
costs2 = {
    item: prices[item] * 2
    for item in second_order
}
print("not reached", costs2)
