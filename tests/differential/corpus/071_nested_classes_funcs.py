class Outer:
    class Inner:
        class Deepest:
            level = 3
        level = 2
        def describe(self):
            return f"Inner level {self.level}"
    level = 1
    def make_inner(self):
        return self.Inner()
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer().make_inner().describe(), Outer.Inner.Deepest.level)
def factory(base_value):
    class Local:
        value = base_value
        def get(self):
            return self.value
    return Local
L1, L2 = factory(1), factory(2)
print(L1().get(), L2().get(), L1 is L2, L1.__qualname__)
def outer_fn():
    def helper(x):
        def deeper(y):
            return x + y
        return deeper
    return helper(10)(5)
print(outer_fn())
class Tree:
    class Node:
        def __init__(self, value, children=()):
            self.value = value
            self.children = list(children)
        def total(self):
            return self.value + sum(c.total() for c in self.children)
    def __init__(self):
        N = Tree.Node
        self.root = N(1, [N(2, [N(4)]), N(3)])
print(Tree().root.total())
def make_counter_class():
    count = 0
    class C:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return C
Cls = make_counter_class()
a, b = Cls(), Cls()
print(a.inc(), b.inc(), a.inc())
print(Outer.make_inner.__qualname__, factory.__qualname__)
