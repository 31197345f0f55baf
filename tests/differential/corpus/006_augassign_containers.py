lst = [1, 2]
ref = lst
lst += (3, 4)
print(lst, ref is lst)
lst *= 2
print(lst, ref is lst)
lst += "ab"
print(lst)
st = {1, 2}
sref = st
st |= {3}
st &= {1, 3, 5}
print(sorted(st), st is sref)
st ^= {5, 6}
st -= {6}
print(sorted(st))
d = {"a": 1, "b": 2}
dref = d
d |= {"b": 20, "c": 3}
print(d, d is dref)
merged = d | {"z": 26}
print(merged, d)
print({"x": 1} | {"x": 2})
fs = frozenset({1, 2})
fref = fs
fs |= {3}
print(sorted(fs), fs is fref)
words = ["x"]
words.extend(["y"])
words[0] += "!"
print(words)
nested = {"k": [1]}
nested["k"] += [2]
print(nested)
matrix = [[1], [2]]
for row in matrix:
    row += [0]
print(matrix)
ba = bytearray(b"ab")
ba += b"cd"
print(ba)
