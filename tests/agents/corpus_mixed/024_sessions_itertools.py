# Summarize a day of user events: groupby over sorted events with a key
# lambda, the model labels each session, accumulate with a function that
# waits, takewhile with a predicate that waits for approval, and starmap.
import itertools
from datetime import datetime

events = export("events")
events.sort(key=lambda e: (e["user"], e["ts"]))
sessions = []
for user, group in itertools.groupby(events, key=lambda e: e["user"]):
    group = list(group)
    start = datetime.fromisoformat(group[0]["ts"])
    end = datetime.fromisoformat(group[-1]["ts"])
    actions = [e["action"] for e in group]
    kind = llm(f"Classify: {user} did {', '.join(actions)}")
    sessions.append((user, int((end - start).total_seconds() // 60), kind))
print(sessions)


def add_effort(total, session):
    return total + int(llm(f"Give a score for the effort of {session[0]}'s {session[2]} session"))


print(list(itertools.accumulate(sessions, add_effort, initial=0)))
reviewed = list(itertools.takewhile(lambda s: approval(f"Close {s[0]}'s session") == "approved", sessions))
print([s[0] for s in reviewed])
print(list(itertools.starmap(lambda user, minutes, kind: f"{user}:{minutes}m:{kind}", sessions)))
long_first = list(itertools.dropwhile(lambda s: s[1] < 60, sorted(sessions, key=lambda s: s[1])))
print(long_first)
print(dict(itertools.zip_longest([s[0] for s in reviewed], ["first", "second"], fillvalue="none")))
