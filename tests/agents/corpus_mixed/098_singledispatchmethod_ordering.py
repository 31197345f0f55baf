# A report renderer whose render() is a functools.singledispatchmethod
# (handlers for rows, pages and tasks wait on tools), and report sections
# ordered with total_ordering on a weight that a model decides.
import functools
import json


@functools.total_ordering
class Section:
    def __init__(self, title, body):
        self.title = title
        self.body = body
        self._weight = None

    @property
    def weight(self):
        if self._weight is None:
            self._weight = int(llm(f"Score the importance of: {self.title}"))
        return self._weight

    def __eq__(self, other):
        return isinstance(other, Section) and (self.weight, self.title) == (other.weight, other.title)

    def __lt__(self, other):
        return (self.weight, self.title) < (other.weight, other.title)

    def __hash__(self):
        return hash(self.title)

    def __repr__(self):
        return f"Section({self.title!r}, w={self._weight})"


class Renderer:
    def __init__(self, prefix):
        self.prefix = prefix
        self.rendered = []

    @functools.singledispatchmethod
    def render(self, item):
        raise TypeError(f"cannot render {type(item).__name__}")

    @render.register
    def _(self, item: str):
        text = fetch_page(item)
        return self._add(Section(item.rsplit("/", 1)[-1], text.splitlines()[0]))

    @render.register
    def _(self, item: list):
        paid = sum(1 for row in item if row.get("status") == "paid")
        return self._add(Section("orders", f"{paid} of {len(item)} paid"))

    @render.register(dict)
    def _render_task(self, item):
        plan = llm(f"Plan: {item['kind']} {item['id']}")
        return self._add(Section(f"task {item['id']}", plan.splitlines()[0]))

    def _add(self, section):
        self.rendered.append(section)
        return section


r = Renderer("##")
inputs = ["https://shop.example/pricing", export("orders"), next_task("ops"), "https://news.example/outage"]
for item in inputs:
    s = r.render(item)
    print(f"{r.prefix} {s.title}: {s.body}")
try:
    r.render(42)
except TypeError as exc:
    print("error:", exc)
ordered = sorted(r.rendered)
print([s.title for s in ordered])
print(max(r.rendered).title, ordered[0] <= ordered[1], ordered[-1] >= ordered[0], ordered[0] > ordered[-1])
print(json.dumps({s.title: s.weight for s in ordered}), len(set(r.rendered)))
