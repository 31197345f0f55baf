# `del obj.name` through a script __delattr__ that waits for approval.
class Guarded:
    def __init__(self):
        self.__dict__["data"] = {"tier": "gold"}

    def __delattr__(self, name):
        if approval(f"Remove the field {name}") == "approved":
            self.data.pop(name, None)


g = Guarded()
del g.tier
print(g.data)
