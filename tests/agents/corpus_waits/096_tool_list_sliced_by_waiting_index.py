# A tool's list sliced with a bound whose __index__ waits.
class Limit:
    def __index__(self):
        return int(llm("Give a score for the page size")) % 5 + 1


rows = export("orders")
print([r["id"] for r in rows[:Limit()]])
