matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)], [list(c) for c in zip(*matrix)])
first, *middle, last = range(7)
print(first, middle, last)
flat = [x for row in matrix for x in row if x % 2]
print(flat, {x: x * x for x in flat}, sorted({x % 3 for x in flat}))
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged, [*"ab", *range(2)])
(a, b), c = (1, 2), 3
print(a, b, c, divmod(17, 5), *reversed([1, 2, 3]))
