# A tiny workflow language: node classes and a visitor that dispatches with
# getattr(self, "visit_" + name); the visits for Ask, Fetch and Approve call
# temporal tools, and a second visitor pretty-prints the tree.
class Node:
    def __init__(self, *children, **attrs):
        self.children = list(children)
        self.attrs = attrs

    def accept(self, visitor):
        return getattr(visitor, "visit_" + type(self).__name__.lower(), visitor.generic_visit)(self)


class Seq(Node): pass
class Ask(Node): pass
class Fetch(Node): pass
class Approve(Node): pass
class Note(Node): pass


class Visitor:
    def generic_visit(self, node):
        return [child.accept(self) for child in node.children]


class Executor(Visitor):
    def __init__(self):
        self.env = {}

    def visit_seq(self, node):
        return [r for r in self.generic_visit(node) if r is not None]

    def visit_ask(self, node):
        answer = llm(node.attrs["prompt"].format(**self.env))
        self.env[node.attrs["into"]] = answer
        return f"ask -> {answer[:40]}"

    def visit_fetch(self, node):
        text = fetch_page(node.attrs["url"])
        self.env["page"] = text.splitlines()[1]
        return f"fetch -> {len(text)} chars"

    def visit_approve(self, node):
        verdict = approval(node.attrs["what"].format(**self.env))
        return f"approve -> {verdict}"


class Printer(Visitor):
    def __init__(self):
        self.depth = 0

    def generic_visit(self, node):
        line = "  " * self.depth + type(node).__name__ + (f" {sorted(node.attrs)}" if node.attrs else "")
        self.depth += 1
        lines = [line, *[l for c in node.children for l in c.accept(self)]]
        self.depth -= 1
        return lines


program = Seq(
    Fetch(url="https://news.example/launch"),
    Ask(prompt="Summarize: {page}", into="summary"),
    Seq(Note(text="ignored"), Ask(prompt="Classify: {summary}", into="label")),
    Approve(what="Publish a {label} post: {summary}"),
)
print("\n".join(program.accept(Printer())))
runner = Executor()
results = program.accept(runner)
print(results)
print(sorted(runner.env), runner.env["label"])
