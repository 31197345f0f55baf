records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
by_number = sorted(records, key=lambda r: r[1])
by_both = sorted(by_number, key=lambda r: r[0])
print(by_both)
print(sorted(records, key=lambda r: r[1], reverse=True))
words = ["bb", "a", "ccc", "dd", "e", "fff", "gg"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
lst = words[:]
lst.sort(key=len)
print(lst)
students = [
    {"name": "ann", "grade": "B", "age": 20},
    {"name": "bob", "grade": "A", "age": 22},
    {"name": "cy", "grade": "B", "age": 19},
    {"name": "dee", "grade": "A", "age": 20},
    {"name": "eve", "grade": "C", "age": 22},
]
step1 = sorted(students, key=lambda s: s["age"])
step2 = sorted(step1, key=lambda s: s["grade"])
print([s["name"] for s in step2])
print([s["name"] for s in sorted(students, key=lambda s: (s["grade"], -s["age"]))])
equal_keys = sorted(range(10), key=lambda n: 0)
print(equal_keys)
print(sorted(range(10), key=lambda n: n % 3))
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({"b": 1, "a": 2}))
print(sorted([1.5, 1, True, 0.5]), sorted([[2], [1, 5], [1]]))
print(sorted([-3, 2, -1], key=abs), sorted(["B", "a", "C"], key=str.casefold))
mixed = [(1, "b"), (1, "a"), (0, "z")]
mixed.sort()
print(mixed)
print(list(reversed(sorted(records))))
