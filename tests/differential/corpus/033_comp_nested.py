matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [x for row in matrix for x in row]
print(flat)
print([[x for x in row if x % 2 == 0] for row in matrix])
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 1])
print({i: [j for j in range(i) if j % 2] for i in range(5)})
print([sum(x for x in row) for row in matrix])
print([[c * n for c in "ab"] for n in range(1, 3)])
print(sorted({(a, b) for a in range(3) for b in range(3) if a < b}))
words = ["hi", "there"]
print([[ch for ch in w] for w in words])
print([(w, [c for c in w if c in "aeiou"]) for w in words])
def primes(limit):
    return [n for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes(40))
print([y for x in [[1, [2, 3]], [4, [5]]] for y in x[1]])
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([[[0] * 2 for _ in range(2)] for _ in range(2)])
