n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 7; print(n)
n **= 3; print(n)
n /= 2; print(n)
m = 0b1111
m &= 0b1010; print(m)
m |= 0b0101; print(m)
m ^= 0b0011; print(m)
m <<= 2; print(m)
m >>= 1; print(m)
s = "ab"
s += "cd"; print(s)
s *= 3; print(s)
t = (1, 2)
t += (3,); print(t)
t *= 2; print(t)
items = [1, 2]
alias = items
items += [3]
print(items, alias, items is alias)
tup = (1,)
tup_alias = tup
tup += (2,)
print(tup, tup_alias, tup is tup_alias)
counts = {"a": 1}
counts["a"] += 10
counts["b"] = counts.get("b", 0) + 1
print(counts)
class Box:
    pass
box = Box()
box.value = 5
box.value *= 3
print(box.value)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
