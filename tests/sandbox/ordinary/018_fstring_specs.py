value = 1234567.891
ratio = 0.4567
name = "agent"
print(f"{value:,.2f}|{value:>15.1f}|{value:e}")
print(f"{ratio:.1%}|{42:08b}|{255:#x}|{255:o}")
print(f"[{name:^11}]|[{name:<8}]|[{name!r}]|{name.upper()=}")
width, prec = 10, 3
print(f"{3.14159265:{width}.{prec}f}|{-7:+d}|{7:+d}")
rows = [("alpha", 3, 0.5), ("beta", 12, 0.25)]
for label, count, share in rows:
    print(f"{label:<6}{count:>4}{share:>8.2%}")
