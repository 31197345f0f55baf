grid = [[1, 2, 3], [4, -5, 6], [7, 8, -9]]
found = None
for r, row in enumerate(grid):
    for c, value in enumerate(row):
        if value < 0:
            found = (r, c)
            break
    if found:
        break
print("first negative at", found)
total = 0
for row in grid:
    for value in row:
        if value < 0:
            continue
        if value > 7:
            break
        total += value
print("total", total)
def search(matrix, target):
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            if v == target:
                return i, j
    return None
print(search(grid, 6), search(grid, 100))
class Found(Exception):
    pass
try:
    for a in range(5):
        for b in range(5):
            for c in range(5):
                if a * b * c == 24 and a < b < c:
                    raise Found((a, b, c))
except Found as f:
    print("found triple", f.args[0])
pairs = []
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        pairs.append((i, j))
print(pairs)
i = 0
out = []
while i < 5:
    i += 1
    j = 0
    while True:
        j += 1
        if j > i:
            break
        if j % 2 == 0:
            continue
        out.append(f"{i}.{j}")
print(out)
