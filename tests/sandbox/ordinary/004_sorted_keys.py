people = [("ana", 31, "ops"), ("bo", 25, "dev"), ("cy", 31, "dev"), ("di", 22, "ops")]
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2]))
print(max(people, key=lambda p: len(p[0])), min(people, key=lambda p: p[1]))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(set(words), key=lambda w: (-len(w), w))[:3])
print(sorted(words, key=str.upper))
