# Keep live views of an inventory dict while restocking: the views must show
# every change made after they were taken.
inventory = {"laptop": 3, "monitor": 0, "cables": 12, "dock": 1}
names = inventory.keys()
counts = inventory.values()
items = inventory.items()

for name in list(names):
    if inventory[name] < 2:
        decision = approval(f"Restock {name} ({inventory[name]} left)")
        if decision == "approved":
            inventory[name] += 10
    print(name, inventory[name], sum(counts))

inventory["headset"] = 4
print(sorted(names), sorted(counts), ("headset", 4) in items, len(items))
low = {k for k, v in items if v < 5}
print(sorted(low), names - {"laptop"} == {"monitor", "cables", "dock", "headset"})
for name in inventory:
    note = llm(f"Summarize stock of {name}: {inventory[name]}")
    print(note)
    if name == "cables":
        break
