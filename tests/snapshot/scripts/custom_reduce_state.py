class Session:
    def __init__(self, token):
        self.token = token
        self.calls = 0

    def __getstate__(self):
        raise RuntimeError("script __getstate__ must not run")

    def __setstate__(self, state):
        raise RuntimeError("script __setstate__ must not run")

    def __reduce__(self):
        raise RuntimeError("script __reduce__ must not run")

    def __eq__(self, other):
        return isinstance(other, Session) and other.token == self.token

    __hash__ = None


class Guarded:
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)
        object.__setattr__(self, "writes", object.__getattribute__(self, "__dict__").get("writes", 0) + 1)


s = Session("t")
g = Guarded()
g.value = 1
effect(wait(s.token))
s.calls += 1
print(s.token, s.calls, g.value, g.secret, g.writes, s == Session("t"))
