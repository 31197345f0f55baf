class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node("root")
a = root.add(Node("a"))
b = a.add(Node("b"))
shared = [a, a]
Alias = Node
effect(wait(1))
print(a.parent is root, b.parent.parent is root, shared[0] is shared[1], Alias is Node, type(b) is Node)
print(root.children[0] is a, isinstance(b, Alias), Node.__name__, Node.__qualname__, Node.add.__qualname__)
