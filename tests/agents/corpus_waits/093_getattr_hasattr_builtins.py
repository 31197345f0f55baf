# getattr() and hasattr() reaching a __getattr__ and a property that wait.
class Lazy:
    def __getattr__(self, name):
        if name == "plan":
            return llm("Make a plan: launch").splitlines()[0]
        raise AttributeError(name)

    @property
    def owner(self):
        return approval("owner?")


lz = Lazy()
print(getattr(lz, "plan"), getattr(lz, "missing", "default"), hasattr(lz, "plan"), hasattr(lz, "nope"))
print(getattr(lz, "owner"), hasattr(lz, "owner"), getattr(lz, "owner", None))
