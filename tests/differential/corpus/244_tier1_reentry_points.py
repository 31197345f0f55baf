# Hot loops where tier 1 hands a frame to the dispatch and takes the rest
# of the iteration back: generators yielding a script __getitem__'s value,
# generator functions called from compiled code, generator expressions
# consumed by sum/any/max/join, try/except/finally with break and continue.
class Grid:
    def __init__(self, n):
        self.cells = list(range(n))
    def __getitem__(self, i):
        return self.cells[i] * 2
    def __len__(self):
        return len(self.cells)

def cells(grid):
    for i in range(len(grid)):
        yield grid[i]

def evens(n):
    k = 0
    while k < n:
        yield k
        k += 2

class Flaky(Exception):
    pass

def tool(i):
    if i % 5 == 2:
        raise Flaky(f"tool {i}")
    return i * 3

made, log = [], []
for rnd in range(40):
    made.append(sum(cells(Grid(rnd % 7))))
    made.append(max(x for x in evens(rnd + 3)))
    made.append(", ".join(str(v) for v in evens(6)))
    if any(v > 30 for v in cells(Grid(rnd % 20))):
        made.append("big")
    for i in range(8):
        try:
            got = tool(i + rnd)
        except Flaky as err:
            log.append(str(err)[-2:])
            if rnd % 9 == 0:
                break
            continue
        finally:
            log.append("f")
        made.append(got)
    gens = [evens(k) for k in range(3)]
    made.append([list(g) for g in gens][-1])
print(len(made), made[:12], made[-6:])
print(len(log), log[:10], log.count("f"))
