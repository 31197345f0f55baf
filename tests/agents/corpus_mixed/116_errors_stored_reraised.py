# expect-error: __main__.BatchFailed
# An agent collects failures across waits, annotates them with notes and re-raises at the end.
import json


class BatchFailed(Exception):
    def __init__(self, failures):
        super().__init__(f"{len(failures)} of the batch failed: " + ", ".join(sorted(failures)))
        self.failures = failures


failures = {}
pending_errors = []
users = ["ana", "zed", "ben", "qqq", "dev"]
for name in users:
    try:
        user = lookup_user(name)
        summary = llm(f"Summarize the profile of {user['name']} in team {user['team']}")
        send_email(user["email"], summary)
        print(f"mailed {name}")
    except ToolError as err:
        err.add_note(f"while handling user {name!r}")
        pending_errors.append(err)
        decision = approval(f"Skip user {name}?")
        err.add_note(f"reviewer: {decision}")
        print(f"deferred {name}: {err.message} [{err.code}]")

print("deferred:", len(pending_errors))
for err in pending_errors:
    print(" -", err.tool, err.code, err.__notes__)

rows = export("customers")
for err in pending_errors:
    try:
        raise err
    except ToolError as again:
        failures[again.message] = again.tool
        print("re-raised:", again is err, again.__notes__[-1])

try:
    items = [r["email"] for r in rows]
    bad = [e for e in items if not e.endswith(".example")]
    print("bad emails:", bad)
    first = json.loads(llm("Return malformed JSON list of bad emails"))
except json.JSONDecodeError as err:
    err.add_note("llm output could not be parsed")
    pending_errors.append(err)
    failures[f"{type(err).__name__}: {err.msg} at {err.pos}"] = "llm"
    print("notes:", err.__notes__)

verdict = approval(f"Close the batch with {len(failures)} failures")
print("verdict:", verdict, json.dumps(failures, sort_keys=True))
raise BatchFailed(failures)
