# Render a digest of mixed items: functools.singledispatch picks a renderer
# per type (some wait for the model), "\n".join(map(...)) joins them, and
# a registered list renderer recurses.
import functools
from dataclasses import dataclass


@dataclass
class Page:
    url: str


@dataclass
class Order:
    order_id: int
    amount: str


@functools.singledispatch
def render(item):
    return f"- {item!r}"


@render.register
def _(item: Page):
    first = fetch_page(item.url).splitlines()[0]
    return f"- page {item.url.rsplit('/', 1)[-1]}: {first}"


@render.register
def _(item: Order):
    label = llm(f"Classify: order {item.order_id} of {item.amount} EUR")
    return f"- order {item.order_id} ({label})"


@render.register(list)
def _(items):
    return "\n".join(map(render, items))


digest = [Page("https://shop.example/faq"), Order(104, "420.00"), 42, [Order(106, "999.99"), "note"]]
print(render(digest))
print(render.dispatch(Order).__name__, sorted(t.__name__ for t in render.registry if t is not object))
lines = [render(item) for item in digest[:2]]
print(len("\n".join(lines)), lines[1].startswith("- order"))
