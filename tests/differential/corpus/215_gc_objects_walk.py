# A script may walk every object the garbage collector tracks, reading each:
# nothing it meets is a marker of the VM that makes its variable look unbound.
import gc


def walk():
    kinds = 0
    for o in gc.get_objects():
        if type(o) is dict:
            kinds += 1
    return kinds > 0


class Node:
    pass


node = Node()
print(walk(), any(o is node for o in gc.get_objects()))
for o in gc.get_referents(walk.__code__, node):
    name = type(o).__name__
print("done")
