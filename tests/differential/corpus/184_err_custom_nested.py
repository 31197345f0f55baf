# expect-error: InventoryError
class InventoryError(Exception):
    pass
stock = {"apple": 5, "pear": 0}
def reserve(item, qty):
    available = stock.get(item, 0)
    if qty > available:
        raise InventoryError(f"cannot reserve {qty} {item}: only {available} left")
    stock[item] = available - qty
    return qty
def place_order(lines):
    reserved = []
    for item, qty in lines:
        reserved.append(reserve(item, qty))
        print("reserved", qty, item)
    return reserved
class Shop:
    def checkout(self, lines):
        print("checking out", len(lines), "lines")
        return place_order(lines)
shop = Shop()
print(shop.checkout([("apple", 2)]))
print(shop.checkout([("apple", 1), ("pear", 3)]))
