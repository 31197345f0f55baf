# Translate UI strings on demand: a catalog's __getitem__ asks the model for
# a missing entry and caches it.
class Catalog:
    def __init__(self, language):
        self.language = language
        self._entries = {}

    def __getitem__(self, key):
        if key not in self._entries:
            text = llm(f"Summarize in {self.language}: {key}")
            self._entries[key] = text.removeprefix("Summary: ")
        return self._entries[key]


german = Catalog("German")
for key in ["Your export is ready", "Payment failed", "Your export is ready"]:
    print(f"{key!r} -> {german[key]!r}")
print("entries:", len(german._entries))
