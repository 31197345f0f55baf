# A spending budget kept in a closure; each purchase asks for approval and
# the closure tracks what is left.
def make_budget(limit):
    spent = 0
    purchases = []

    def buy(item, price):
        nonlocal spent
        if spent + price > limit:
            return f"{item}: over budget"
        decision = approval(f"Buy {item} for {price} EUR")
        if decision != "approved":
            return f"{item}: {decision}"
        spent += price
        purchases.append(item)
        return f"{item}: bought, {limit - spent} left"

    def report():
        return {"spent": spent, "left": limit - spent, "items": list(purchases)}

    return buy, report


buy, report = make_budget(1000)
for item, price in [("laptop", 800), ("monitor", 250), ("cables", 30), ("production server", 100)]:
    print(buy(item, price))
print(report())
totals = [report()["spent"] for _ in range(2)]
print(totals)
