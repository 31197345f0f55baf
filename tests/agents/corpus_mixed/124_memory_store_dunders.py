# Memory agent: a store of notes whose texts arrive from tools. Indexing,
# membership, iteration and a stats property all read the pending texts.
import json


class MemoryStore:
    def __init__(self):
        self._keys = []
        self._items = {}

    def add(self, key, text_future):
        if key not in self._items:
            self._keys.append(key)
        self._items[key] = text_future

    def __len__(self):
        return len(self._keys)

    def __iter__(self):
        for key in self._keys:
            yield key, self[key]

    def __contains__(self, phrase):
        return any(phrase.casefold() in self._items[k].casefold() for k in self._keys)

    def __getitem__(self, key):
        if isinstance(key, int):
            key = self._keys[key]
        return self._items[key].strip().splitlines()[0]

    @property
    def stats(self):
        words = [len(self._items[k].split()) for k in self._keys]
        return {"notes": len(self), "words": sum(words), "longest": max(words, default=0)}


store = MemoryStore()
store.add("faq", fetch_page("https://shop.example/faq"))
store.add("auth", fetch_page("https://docs.example/auth"))
store.add("launch-summary", llm("The new export API ships with CSV and JSON formats next month"))
print("first note:", store[0])
print("by key:", store["auth"])
print("has trial?", "TRIAL" in store, "has refund?", "refund" in store)
print(f"stats: {store.stats}")
store.add("outage", fetch_page("https://news.example/outage"))
for i, (key, head) in enumerate(store, start=1):
    print(f"{str(i).zfill(2)} {key:<15} {head}")
print(json.dumps(store.stats, sort_keys=True))
print(len(store), sorted(k for k, _ in store if len(store[k]) > 5))
