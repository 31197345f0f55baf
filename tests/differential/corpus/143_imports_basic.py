import json
import math
import os.path
import collections.abc
from collections import deque, Counter as Cnt
from functools import reduce, partial
import itertools as it
import string as s_mod
print(json.dumps({"b": [1, 2], "a": None}, sort_keys=True))
print(json.loads('{"x": [1, 2.5, "s", true, null]}'))
print(json.dumps([1, "two"], indent=2))
print(math.sqrt(16), math.factorial(10), math.pi > 3)
print(os.path.join("a", "b", "c.txt"), os.path.splitext("archive.tar.gz"), os.path.basename("/x/y/z.py"))
print(os.path.dirname("/x/y/z.py"), os.path.normpath("a/./b/../c"))
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping))
print(deque([1, 2], maxlen=2), Cnt("aab").most_common(1))
print(reduce(lambda a, b: a * b, range(1, 6)), partial(pow, 2)(10))
print(list(it.accumulate([1, 2, 3, 4])), list(it.chain("ab", "c")))
print(s_mod.ascii_uppercase[:3])
print(json.__name__, os.path.__name__ in ("posixpath", "ntpath"), it.__name__)
import sys
print(sys.version_info[:2] == (3, 11), "json" in sys.modules)
import importlib
m = importlib.import_module("heapq")
print(m.nsmallest(2, [5, 1, 4]))
from math import (
    floor,
    ceil,
)
print(floor(2.7), ceil(2.1))
import operator, statistics
print(operator.add(2, 3), statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
print(type(json).__name__, callable(json.dumps))
