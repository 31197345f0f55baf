class Plugin:
    plugins = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        print("registering", key)
        Plugin.plugins[key] = cls
class CsvExport(Plugin, name="csv"):
    pass
class JsonExport(Plugin):
    pass
class Pretty(JsonExport, name="pretty"):
    pass
print(sorted(Plugin.plugins), Plugin.plugins["csv"].__name__)
class Validated:
    required = ()
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [name for name in cls.required if not hasattr(cls, name)]
        if missing:
            raise TypeError(f"{cls.__name__} is missing {missing}")
class Good(Validated):
    required = ("run",)
    def run(self):
        return "ok"
print(Good().run())
try:
    class Broken(Validated):
        required = ("run", "stop")
except TypeError as e:
    print("TypeError:", e)
class Tracked:
    def __init_subclass__(cls, /, tag="none", **kw):
        cls.tag = tag
        super().__init_subclass__(**kw)
class Mixin:
    def __init_subclass__(cls, **kw):
        print("Mixin hook for", cls.__name__, kw)
        super().__init_subclass__()
class Both(Tracked, Mixin, tag="t1"):
    pass
print(Both.tag)
try:
    class Unexpected(Good, flavour="x"):
        pass
except TypeError as e:
    print("TypeError:", e)
