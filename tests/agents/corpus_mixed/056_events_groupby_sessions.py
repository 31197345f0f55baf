# Session analytics: events sorted and grouped with itertools.groupby, the
# session durations accumulated, a deque(maxlen=) of recent actions, and the
# model's label for each user read inside the sort key.
import itertools
import statistics
from collections import deque
from datetime import datetime, timedelta

events = export("events")
for e in events:
    e["at"] = datetime.fromisoformat(e["ts"])

labels = {}


def user_key(event):
    if event["user"] not in labels:
        labels[event["user"]] = llm(f"Classify the user {event['user']} by activity")
    return (labels[event["user"]], event["user"], event["at"])


events.sort(key=user_key)
durations = {}
recent = deque(maxlen=3)
for user, group in itertools.groupby(events, key=lambda e: e["user"]):
    group = list(group)
    span = group[-1]["at"] - group[0]["at"]
    durations[user] = span
    recent.extend(f"{user}:{g['action']}" for g in group)
    print(f"{user:<4} {labels[user]:<9} {len(group)} events, {span} -> {span.total_seconds() / 60:.1f} min")

print("recent:", list(recent), recent.maxlen)
minutes = [int(d / timedelta(minutes=1)) for d in durations.values()]
print("running:", list(itertools.accumulate(minutes)), "max run:", list(itertools.accumulate(minutes, max)))
print("mean", statistics.mean(minutes), "median", statistics.median(minutes), "pstdev", round(statistics.pstdev(minutes), 3))

uploads = sum(1 for e in events if e["action"] == "upload")
verdict = approval(f"Flag {uploads} uploads for review")
windows = [(a["user"], b["user"], b["at"] - a["at"]) for a, b in itertools.pairwise(sorted(events, key=lambda e: e["at"]))]
gaps = sorted(windows, key=lambda w: w[2], reverse=True)[:2]
for first, second, gap in gaps:
    print(f"gap {first}->{second}: {gap}", verdict)
by_hour = {h: [e["user"] for e in g] for h, g in itertools.groupby(sorted(events, key=lambda e: e["at"]), key=lambda e: e["at"].hour)}
print(by_hour)
end = max(e["at"] for e in events) + timedelta(hours=1, minutes=15)
print(end.isoformat(), end.strftime("%A %H:%M"), (end - datetime(2024, 5, 1)).seconds)
