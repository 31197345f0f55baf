class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Item({self.n})"


items = [Item(1), Item(2)]
for it in items:
    effect(wait(it.n) + 1)
print(items, type(items[0]).__name__, isinstance(items[1], Item))
