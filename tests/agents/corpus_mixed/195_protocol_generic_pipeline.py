# Enrich exported tickets through typed steps: runtime_checkable Protocols
# tested with isinstance, a Generic[T] Result whose map() catches tool
# errors, a Generic[K, V] memo whose __getitem__ calls the model once per key,
# TypedDict rows, Literal stage names read with get_args, and the type
# arguments read back through __orig_class__ and __orig_bases__; 600 rows go
# through the chain, a review step waits for approvals once per ticket.
from typing import (
    Callable,
    Generic,
    Literal,
    Protocol,
    TypedDict,
    TypeVar,
    get_args,
    runtime_checkable,
)

T, K, V = TypeVar("T"), TypeVar("K"), TypeVar("V")
Stage = Literal["clean", "label", "review"]


class Row(TypedDict):
    id: int
    text: str
    label: str


@runtime_checkable
class Step(Protocol):
    name: str

    def run(self, row: Row) -> Row: ...


class Result(Generic[T]):
    def __init__(self, value: T | None = None, error: str | None = None):
        self.value, self.error = value, error

    def map(self, fn: Callable[[T], T]) -> "Result[T]":
        if self.error is not None:
            return self
        try:
            return Result(fn(self.value))
        except ToolError as exc:
            return Result(error=f"{exc.tool}: {exc.message} ({exc.code})")


class Memo(Generic[K, V]):
    def __init__(self, compute: Callable[[K], V]):
        self.compute, self.data, self.misses = compute, {}, 0

    def __getitem__(self, key: K) -> V:
        if key not in self.data:
            self.misses += 1
            self.data[key] = self.compute(key)
        return self.data[key]


class Clean:
    name = "clean"

    def run(self, row):
        return {**row, "text": " ".join(row["text"].split()).lower()}


class Label:
    name = "label"

    def __init__(self):
        self.memo = Memo[str, str](lambda text: llm(f"Classify: {text}"))

    def run(self, row):
        return {**row, "label": self.memo[row["text"][:16]]}


class Review:
    name = "review"

    def __init__(self):
        self.decided: dict[int, bool] = {}

    def run(self, row):
        if row["label"] in ("billing", "bug") and row["id"] % 100 not in self.decided:
            self.decided[row["id"] % 100] = (
                approval(f"Escalate ticket {row['id'] % 100}: {row['text']}")
                == "approved"
            )
        if not self.decided.get(row["id"] % 100, True):
            raise ToolError("escalation refused", tool="review", code=403)
        return row


steps: dict[Stage, Step] = {s.name: s for s in (Clean(), Label(), Review())}
print(
    [isinstance(s, Step) for s in (*steps.values(), object())],
    get_args(Stage),
    list(Row.__annotations__),
)
tickets = export("tickets")
results: list[Result[Row]] = []
for i in range(600):
    t = tickets[i % len(tickets)]
    row: Row = {
        "id": t["id"] + 100 * (i // len(tickets)),
        "text": f"  {t['subject']}   #{i}",
        "label": "",
    }
    result = Result(row)
    for stage in get_args(Stage):
        result = result.map(steps[stage].run)
    results.append(result)
ok = [r.value for r in results if r.error is None]
print(
    len(ok),
    sorted({r.error for r in results if r.error}),
    steps["label"].memo.misses,
    steps["review"].decided,
)
print(sorted({(row["id"] % 100, row["label"]) for row in ok}), ok[-1]["text"])
print(
    get_args(steps["label"].memo.__orig_class__),
    Memo.__orig_bases__,
    Result[int].__args__,
)
