# Hand a nested record of model answers to host functions: a dict holding a
# tuple, a list and a set of pending answers goes to effect() and pprint.
import pprint

subject = "App crashes on upload of large files"
record = {
    "ticket": 11,
    "votes": (
        llm("Answer yes or no: is ticket 11 urgent?"),
        llm("Answer yes or no: is ticket 11 a bug?"),
    ),
    "notes": [{"summary": llm(f"Summarize: {subject}")}],
}
effect(record)

record["labels"] = {llm(f"Classify: {subject}")}
print(pprint.pformat(record, width=60))
print("votes:", len(record["votes"]), "notes:", len(record["notes"]))
