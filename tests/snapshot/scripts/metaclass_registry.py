class Registry(type):
    tools = {}

    def __new__(meta, name, bases, ns, **kw):
        cls = super().__new__(meta, name, bases, ns)
        if bases:
            meta.tools[name.lower()] = cls
        return cls


class Tool(metaclass=Registry):
    calls = 0

    def run(self, x):
        type(self).calls += 1
        return x


class Search(Tool):
    def run(self, x):
        return "search:" + super().run(x)


class Plugin:
    registered = []

    def __init_subclass__(cls, tag="", **kw):
        super().__init_subclass__(**kw)
        Plugin.registered.append((cls.__name__, tag))


class A(Plugin, tag="a"):
    pass


s = Registry.tools["search"]()
effect(wait("x"))
print(s.run("q"), Search.calls, Tool.calls, sorted(Registry.tools), Plugin.registered)


class B(Plugin, tag="b"):
    pass


print(Plugin.registered, type(Search).__name__, Search.__mro__[1].__name__)
