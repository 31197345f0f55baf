nums = list(range(10))
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n % 2 else -n for n in nums])
print([(a, b) for a in range(3) for b in range(a)])
print([c.upper() for c in "hello" if c != "l"])
print([[r * c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)])
print([list(col) for col in zip(*matrix)])
print([x for row in matrix for x in row if x % 2])
words = ["apple", "Bob", "cat", "Dog"]
print([w.lower() for w in words if w[0].isupper()])
print([len(w) for w in words])
print([i for i in range(20) if i % 2 if i % 3])
x = "outer"
result = [x for x in "ab"]
print(result, x)
def build(n):
    return [i * n for i in range(n)]
print(build(4))
print([f(3) for f in (abs, str, float)])
print([y for y in (1, None, 2, None) if y is not None])
pairs = [(k, v) for k, v in {"a": 1, "b": 2}.items()]
print(pairs)
print([*[n for n in range(3)], *[n for n in range(3, 5)]])
print(sum([n for n in nums]), len([_ for _ in "xyz"]))
