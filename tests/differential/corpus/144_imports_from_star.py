from math import *
print(sqrt(81), floor(3.7), pi, tau / 2 == pi, gcd(12, 18))
from string import *
print(ascii_lowercase[:4], digits[-3:])
from itertools import *
print(list(islice(count(3), 4)), list(permutations("ab")), list(combinations(range(4), 2)))
print(list(product("ab", repeat=2)))
print(list(chain.from_iterable([[1], [2, 3]])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(starmap(pow, [(2, 3), (3, 2)])))
print([(k, list(g)) for k, g in groupby("aabbbc")])
print(list(pairwise([1, 2, 3, 4])))
print(list(filterfalse(lambda x: x % 3, range(10))))
print([list(t) for t in tee([1, 2], 2)])
print(list(combinations_with_replacement("ab", 2)))
from operator import *
print(add(1, 2), mul(3, 4), itemgetter(1)([5, 6]), attrgetter("real")(3), neg(5))
print(sorted([("b", 2), ("a", 3)], key=itemgetter(1), reverse=True))
print(methodcaller("upper")("abc"), truediv(7, 2), floordiv(7, 2), contains([1], 1))
import math
print(sorted(n for n in dir(math) if n.startswith("is")))
