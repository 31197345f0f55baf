class SparseList:
    def __init__(self, default=0):
        self.data = {}
        self.default = default
        self.size = 0
    def __setitem__(self, index, value):
        print("setitem", index, value)
        self.data[index] = value
        self.size = max(self.size, index + 1)
    def __getitem__(self, index):
        return self.data.get(index, self.default)
    def __delitem__(self, index):
        print("delitem", index)
        self.data.pop(index, None)
    def __len__(self):
        return self.size
s = SparseList()
s[3] = "three"
s[0] = "zero"
print([s[i] for i in range(len(s))])
del s[3]
print([s[i] for i in range(len(s))])
s[1] += 5
print(s[1])
class CaseDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __delitem__(self, k):
        super().__delitem__(k.lower())
cd = CaseDict()
cd["Key"] = 1
cd["KEY"] += 1
print(cd, cd["key"])
del cd["kEy"]
print(cd)
class Matrix:
    def __init__(self, n):
        self.rows = [[0] * n for _ in range(n)]
    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]
    def __setitem__(self, pos, v):
        r, c = pos
        self.rows[r][c] = v
m = Matrix(3)
for i in range(3):
    m[i, i] = 1
m[0, 2] += 7
print(m.rows, m[0, 2])
