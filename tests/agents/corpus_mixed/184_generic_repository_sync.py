# expect-error: __main__.SyncAborted
# Sync users into a Generic[T] store with __getitem__/__setitem__/__delitem__,
# __contains__, __iter__ and a Protocol codec: 1000 hot upserts, then waits three
# calls deep (sync -> push -> confirm) in try/except/finally, ending in an abort.
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")


class Codec(Protocol):
    def encode(self, value: dict) -> str: ...


class PipeCodec:
    def encode(self, value):
        return "|".join(f"{k}={value[k]}" for k in sorted(value))


class SyncAborted(Exception): ...


class Store(Generic[T]):
    def __init__(self, codec: Codec):
        self.codec, self._rows, self.log = codec, {}, []

    def __getitem__(self, key) -> T:
        return self._rows[key]

    def __setitem__(self, key, value: T):
        self._rows[key] = value

    def __delitem__(self, key):
        del self._rows[key]

    def __contains__(self, key):
        return key in self._rows

    def __iter__(self):
        return iter(sorted(self._rows))

    def confirm(self, key):
        return approval(f"Sync {key} as {self.codec.encode(self[key])}") == "approved"

    def push(self, key):
        user = self[key]
        return send_email(user["email"], f"Synced: {user['team']}")["status"] if self.confirm(key) else "skipped"

    def sync(self, key):
        try:
            status = self.push(key)
            self.log.append((key, status))
        except ToolError as error:
            self.log.append((key, "failed", error.code))
            raise SyncAborted(f"sync of {key} failed") from error
        finally:
            self.log.append((key, "done"))
        return status


store: Store[dict] = Store(PipeCodec())
for i in range(1000):
    key = f"u{i % 250:03d}"
    store[key] = {"visits": (store[key]["visits"] if key in store else 0) + 1 + i % 3}
for key in [k for k in store if store[k]["visits"] < 9]:
    del store[key]
print(len(list(store)), sum(store[k]["visits"] for k in store), Store[int].__origin__ is Store)
for name in ("ana", "cho", "dev"):
    store[name] = lookup_user(name)
    print(name, store.sync(name), store.log[-2:])
