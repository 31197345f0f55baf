import operator
print(operator.add(3, 4), operator.sub(3, 4), operator.mul("ab", 2), operator.truediv(1, 4))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5), operator.neg(3), operator.not_(0))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3))
get_second = operator.itemgetter(1)
get_multi = operator.itemgetter(0, 2)
print(get_second("abc"), get_multi("abc"), get_second({1: "one"}))
rows = [("ann", 30, "paris"), ("bob", 25, "rome"), ("cy", 30, "oslo")]
print(sorted(rows, key=operator.itemgetter(1, 0)))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.meta = type("M", (), {"level": age // 10})()
people = [P("x", 40), P("y", 20), P("z", 30)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))])
print(operator.attrgetter("name", "meta.level")(people[0]))
upper = operator.methodcaller("replace", "a", "4")
print(upper("banana"))
lst = [1, 2, 3]
operator.setitem(lst, 0, 10)
operator.delitem(lst, 1)
print(lst, operator.getitem(lst, -1), operator.contains(lst, 10), operator.countOf([1, 1, 2], 1))
x = [1]
y = operator.iadd(x, [2])
print(x, y is x, operator.iadd(5, 1), operator.concat("a", "b"))
from functools import reduce
print(reduce(operator.mul, range(1, 7)), reduce(operator.or_, [{1}, {2}, {3}]))
print(list(map(operator.sub, [10, 20], [1, 2])), operator.index(5), operator.truth([]))
print(operator.is_(None, None), operator.is_not(1, None), operator.abs(-2), operator.inv(5))
