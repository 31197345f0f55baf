# expect: no-escape
# A script object's __del__, left in a cycle for the host's collector to run later.
class Bomb:
    def __init__(self):
        self.me = self
    def __del__(self):
        open(SENTINEL, "w").close()
Bomb()
