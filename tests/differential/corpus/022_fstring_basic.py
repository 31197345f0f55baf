name = "world"
n = 42
pi = 3.14159
print(f"hello {name}")
print(f"{n} + 1 = {n + 1}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
print(f"{pi:.2f} {pi:10.3f} {pi:<10.1f}|")
print(f"{{literal}} {n}")
items = ["a", "b"]
print(f"{items} {items[0]} {len(items)}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{name.upper()} {name[::-1]}")
print(f"{'nested ' + name}")
print(f"{n if n > 40 else 0}")
print(f"{[x * 2 for x in range(3)]}")
class P:
    def __str__(self):
        return "str-P"
    def __repr__(self):
        return "repr-P"
p = P()
print(f"{p} {p!r} {p!s}")
print(f"multi"
      f"part {n}")
print(F"upper F {n}", rf"raw \n {n}")
width = 8
print(f"{name:>{width}}|{name:*^{width + 2}}|")
print(f"{n:#x} {n:#o} {n:#b} {n:08.3f}")
print(f"{'':-<10}")
print(f"{n=}")
