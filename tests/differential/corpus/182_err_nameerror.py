# expect-error: NameError
def compute_total(items):
    subtotal = 0
    for item in items:
        subtotal += item["price"] * item["qty"]
    return subtotal
cart = [{"price": 2.5, "qty": 4}, {"price": 10, "qty": 1}]
total = compute_total(cart)
print("subtotal", total)
def apply_discount(amount):
    rate = 0.1
    print("applying discount at rate", rate)
    return amount * (1 - rate) - shipping_cost
print("about to apply discount")
final = apply_discount(total)
print("not reached", final)
