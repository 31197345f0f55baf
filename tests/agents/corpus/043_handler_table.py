# Dispatch incoming events through a table of handlers: lambdas for simple
# cases, functions for those that call tools.
def handle_upload(event):
    note = llm(f"Summarize the upload by {event['user']} at {event['ts']}")
    return f"upload noted ({len(note)} chars)"


def handle_logout(event):
    if event["user"] == "ben":
        decision = approval(f"Close the session of {event['user']}")
        return f"logout {decision}"
    return "logout ok"


HANDLERS = {
    "login": lambda e: f"hello {e['user']}",
    "upload": handle_upload,
    "logout": handle_logout,
}
fallback = lambda e: f"ignored {e['action']}"

events = export("events")
outcomes = []
for event in events:
    handler = HANDLERS.get(event["action"], fallback)
    outcome = handler(event)
    outcomes.append(outcome)
    print(event["ts"][11:16], event["action"], "->", outcome)
print(len(outcomes), sorted(set(o.split()[0] for o in outcomes)))
