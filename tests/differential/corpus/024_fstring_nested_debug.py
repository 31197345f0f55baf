x = 10
y = 3
print(f"{x=}")
print(f"{x + y=}")
print(f"{x * y = }")
print(f"{x=:>6}")
print(f"{x/y=:.3f}")
name = "Ada"
print(f"{name=!s}", f"{name=}", f"{name!r:>8}")
spec = ".2f"
print(f"{3.14159:{spec}}")
fill, align, width = "*", "^", 11
print(f"{name:{fill}{align}{width}}")
rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for item, price, qty in rows:
    print(f"{item:<8}{price:>6.2f}{qty:>4}{price * qty:>8.2f}")
inner = f"{'in' + f'{x}'}"
print(inner)
print(f"{'{'}{x}{'}'}")
print(f"{ {'a': 1}['a'] }")
print(f"{(lambda v: v * 2)(x)}")
print(f"{x:{'>' if x > 5 else '<'}5}|")
nested = {"user": {"name": "Bob", "tags": ["a", "b"]}}
print(f"{nested['user']['name']} has {len(nested['user']['tags'])} tags")
print(f"{','.join(t.upper() for t in nested['user']['tags'])}")
data = [1, 2, 3]
print(f"{sum(data)/len(data):.2f} {max(data)=} {data[-1]!r}")
print(f"{x!s:>4}{y!r:<4}|")
