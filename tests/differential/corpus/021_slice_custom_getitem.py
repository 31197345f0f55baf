class Recorder:
    def __getitem__(self, key):
        print("get", repr(key))
        return key

    def __setitem__(self, key, value):
        print("set", repr(key), value)

    def __delitem__(self, key):
        print("del", repr(key))


r = Recorder()
r[1]
r[1:2]
r[::3]
r[1:2, 3]
r[..., 0]
r[:, ::-1]
r["k"]
r[1:2] = "v"
r[::2] = "w"
del r[5:]
del r[0]
k = r[slice(1, None)]
print(k.start, k.stop, k.step)
class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __getitem__(self, pos):
        return self.cells.get(pos, ".")
g = Grid()
g[0, 0] = "#"
g[1, 2] = "@"
for y in range(3):
    print("".join(g[x, y] for x in range(3)))
print(sorted(g.cells))
print(Ellipsis, ... is Ellipsis)
