# Propose review meetings on working days after fixed dates, and get each
# proposal approved.
from datetime import date, datetime, timedelta

HOLIDAYS = {date(2024, 5, 1), date(2024, 5, 9)}


def next_working_day(day):
    day += timedelta(days=1)
    while day.weekday() >= 5 or day in HOLIDAYS:
        day += timedelta(days=1)
    return day


meetings = []
start = date(2024, 4, 26)
for topic in ["pricing", "outage follow-up", "export API", "production freeze"]:
    start = next_working_day(start)
    when = datetime.combine(start, datetime.min.time()).replace(hour=10)
    decision = approval(f"Meeting on {topic} at {when:%a %d %b %Y %H:%M}")
    meetings.append((when, topic, decision))
    print(f"{when.isoformat()} {topic}: {decision}")

confirmed = [(w, t) for w, t, d in meetings if d == "approved"]
span = confirmed[-1][0] - confirmed[0][0]
print("span:", span, "days:", span.days)
print(date(2024, 12, 31).strftime("%j"), (date(2024, 3, 1) - date(2024, 2, 1)).days)
