# `x in rows` where rows is a tool's list and x.__eq__ waits.
class LooksLike:
    def __eq__(self, row):
        return llm(f"Classify: {row['subject']}") == "billing"

    __hash__ = None


rows = export("tickets")
print(LooksLike() in rows)
