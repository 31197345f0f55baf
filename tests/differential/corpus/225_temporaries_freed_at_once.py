# A value a finished call no longer needs is freed at once: its memory is reused by the next one, as natively.
print(id([]) == id([]))
print(id(object()) == id(object()))


class Tracked:
    freed = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Tracked.freed.append(self.name)


len([Tracked("a")])
print(Tracked.freed)
str(Tracked("b"))
print(Tracked.freed)
