# Build a session timeline from exported events: datetime/timedelta arithmetic,
# timezone conversion with zoneinfo, strftime, and a deque of recent events kept
# across the waits.
from collections import deque
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

berlin = ZoneInfo("Europe/Berlin")
start = datetime(2024, 5, 1, 8, 30, tzinfo=timezone.utc)
recent = deque(maxlen=3)
cutoff = start + timedelta(hours=2, minutes=45)
print("window:", start.isoformat(), "->", cutoff.strftime("%Y-%m-%d %H:%M %Z"))

events = export("events")
sessions = {}
for ev in events:
    ts = datetime.fromisoformat(ev["ts"]).replace(tzinfo=timezone.utc)
    recent.append((ev["user"], ev["action"], ts))
    if ev["action"] == "login":
        sessions[ev["user"]] = ts
    elif ev["action"] == "logout" and ev["user"] in sessions:
        dur = ts - sessions.pop(ev["user"])
        local = ts.astimezone(berlin)
        print(f"{ev['user']}: {dur} ({dur.total_seconds() / 60:.0f} min), out at {local:%H:%M %Z} {local.utcoffset()}")

print("still open:", sorted(sessions))
print("recent:", [(u, a, t.strftime("%H:%M")) for u, a, t in recent])

verdict = approval(f"Close {len(sessions)} open sessions before {cutoff:%H:%M}")
closed_at = cutoff + timedelta(minutes=15)
for user, opened in sorted(sessions.items()):
    elapsed = closed_at - opened
    recent.append((user, "forced-logout", closed_at))
    print(user, verdict, elapsed, elapsed > timedelta(hours=1))

print("recent after:", [(u, a, t.astimezone(berlin).strftime("%d.%m. %H:%M")) for u, a, t in recent])
print("maxlen:", recent.maxlen, "len:", len(recent))
week = [(start + timedelta(days=i)).strftime("%a %d") for i in range(7)]
print(week)
summary = llm(f"Summarize the day {start:%A, %B %d}: {len(events)} events, {len(recent)} recent")
print(summary)
print((closed_at - start) // timedelta(minutes=1), "minutes since window start")
