# itertools pairwise, zip_longest, compress, cycle, product, combinations
# and permutations over a script generator whose items wait.
import itertools


def grades(n):
    for i in range(n):
        yield int(llm(f"Give a score for chunk {i}")) % 7


print(list(itertools.pairwise(grades(4))))
print(list(itertools.zip_longest(grades(2), "abc", fillvalue="-")))
print(list(itertools.compress("abcdef", (g > 2 for g in grades(6)))))
print(list(itertools.islice(itertools.cycle(grades(2)), 5)))
print(list(itertools.product(grades(2), "xy")), len(list(itertools.product(grades(2), repeat=2))))
print(list(itertools.combinations(grades(3), 2)), list(itertools.permutations(grades(2))))
print(list(itertools.combinations_with_replacement(grades(2), 2)))
try:
    itertools.product(grades(2), repeat=-1)
except ValueError as e:
    print("ValueError", e)
