# expect: no-escape
# __del__ on a dropped object reaches host globals through the tool later.
class Late:
    def __init__(self):
        self.me = self
    def __del__(self):
        tool.__globals__["os"].mkdir(SENTINEL)
Late()
