import itertools as it

print(list(it.islice(it.count(10, 5), 4)))
print(list(it.chain([1, 2], (3,), "ab")))
print([(k, len(list(g))) for k, g in it.groupby("aaabccdd")])
print(list(it.combinations("abc", 2)), len(list(it.permutations(range(4), 2))))
print(list(it.accumulate([1, 2, 3, 4])), list(it.product("xy", repeat=2)))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(it.takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(it.starmap(pow, [(2, 3), (3, 2)])))
