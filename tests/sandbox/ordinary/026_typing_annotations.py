from typing import Any, NamedTuple, Optional, TypedDict, Union

class Ticket(NamedTuple):
    id: int
    title: str
    owner: Optional[str] = None

class Payload(TypedDict):
    ticket: int
    note: str

def handle(t: Ticket, extra: Union[int, str] = 0) -> dict[str, Any]:
    return {"id": t.id, "owner": t.owner or "unassigned", "extra": extra}

t = Ticket(7, "printer jam")
print(t, handle(t), handle(t._replace(owner="bo"), "x"))
p: Payload = {"ticket": 7, "note": "call back"}
print(p["note"], Ticket._fields, handle.__annotations__["return"])
