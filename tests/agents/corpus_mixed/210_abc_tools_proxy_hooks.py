# Tools behind an abc.ABC: abstract properties implemented by waiting
# properties, a template method in the base that reads them, a __getattr__
# proxy that turns unknown attribute names into waiting tool calls and
# counts them in a closure, a __slots__ result record with __repr__ and
# __format__ specs, sorted by operator.attrgetter over waiting properties;
# last, a __subclasshook__ that asks the model whether a duck-typed class is
# a Tool, reached through issubclass() and isinstance().
import abc
import operator


class Tool(abc.ABC):
    @property
    @abc.abstractmethod
    def name(self): ...

    @property
    @abc.abstractmethod
    def cost(self): ...

    def describe(self):
        return f"{self.name}:{self.cost}"

    @classmethod
    def __subclasshook__(cls, other):
        if cls is Tool and hasattr(other, "run"):
            return llm(f"Answer yes or no: is {other.__name__} a real tool") == "yes"
        return NotImplemented


class Fetcher(Tool):
    def __init__(self, url):
        self.url = url

    @property
    def name(self):
        return "fetch:" + fetch_page(self.url).splitlines()[0].lower()

    @property
    def cost(self):
        return len(fetch_page(self.url)) // 10


class Exporter(Tool):
    def __init__(self, table):
        self.table = table

    @property
    def name(self):
        return f"export:{self.table}"

    @property
    def cost(self):
        return len(export(self.table))


class Result:
    __slots__ = ("tool", "value", "ok")

    def __init__(self, tool, value, ok=True):
        self.tool, self.value, self.ok = tool, value, ok

    def __repr__(self):
        return f"Result({self.tool!r}, {self.value!r}, ok={self.ok})"

    def __format__(self, spec):
        text = f"{self.tool}={self.value}"
        return format(text, spec) if spec else text


def make_proxy():
    calls = 0

    class Proxy:
        def __getattr__(self, attr):
            nonlocal calls
            if attr.startswith("_"):
                raise AttributeError(attr)
            calls += 1
            tool, _, arg = attr.partition("__")
            if tool == "llm":
                return Result(attr, llm(f"Classify: {arg.replace('_', ' ')}"))
            if tool == "approve":
                return Result(attr, approval(f"Approve {arg.replace('_', ' ')}"), ok=False)
            raise AttributeError(f"no tool {tool!r}")

    return Proxy(), lambda: calls


try:
    Tool()
except TypeError as exc:
    print("abstract:", str(exc).split(" with ")[0])
tools = [Fetcher("https://shop.example/faq"), Exporter("orders"), Fetcher("https://docs.example/auth"), Exporter("tickets")]
print([t.describe() for t in tools])
for t in sorted(tools, key=operator.attrgetter("cost", "name")):
    print(f"  {t.name:<22}|{t.cost:>4}|")
proxy, count = make_proxy()
results = [proxy.llm__vat_invoice, proxy.approve__delete_old_logs, proxy.llm__login_bug]
print(results, count())
print(*(f"[{r:>32}]" for r in results), sep="\n")
print(getattr(proxy, "approve__a_refund").value, hasattr(proxy, "nothing__here"), count())


class Duck:
    def run(self):
        return "quack"


class Goose:
    def run(self):
        return "honk"


print("duck-typed:", issubclass(Duck, Tool), isinstance(Goose(), Tool), issubclass(Exporter, Tool), issubclass(int, Tool))
