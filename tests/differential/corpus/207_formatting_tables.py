rows = [
    ("Widget", 4, 3.5),
    ("Gadget with long name", 12, 0.25),
    ("Doohickey", 1, 120.0),
]
headers = ("Item", "Qty", "Price", "Total")
widths = [max(len(headers[0]), *(len(r[0]) for r in rows)), 5, 9, 10]
line = "+".join("-" * (w + 2) for w in widths)
print("+" + line + "+")
print("| " + " | ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths))) + " |")
print("+" + line + "+")
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"| {name:<{widths[0]}} | {qty:>{widths[1]}} | {price:>{widths[2]},.2f} | {total:>{widths[3]},.2f} |")
print("+" + line + "+")
print(f"| {'TOTAL':<{widths[0]}} | {'':>{widths[1]}} | {'':>{widths[2]}} | {grand:>{widths[3]},.2f} |")
for value in [0, 1, -1, 1234.5678, -0.001, 1e9, 12345678901234]:
    print(f"{value!r:>16} | {value:>14,.2f} | {value:>12.3e} | {value:>+10.1%}")
for n in [5, 255, 4096]:
    print(f"{n:>6d} {n:>#8x} {n:>#12b} {n:>6o} {n:^10,}")
print("{:<10}|{:^10}|{:>10}".format("left", "center", "right"))
print("%-10s|%10s|%-5d|%05.1f" % ("l", "r", 42, 3.14159))
