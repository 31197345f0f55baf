# Build the 2024 on-call rota: every day of a leap year walked with
# timedelta, ISO weeks and weekdays, calendar.monthrange and isleap, hours
# per engineer in a hot loop that reads a cached property whose first read
# asks the model (a wait inside a property getter), holiday swaps that wait
# for approval, and shift ends computed with datetime arithmetic.
import calendar
from datetime import date, datetime, time, timedelta


class Engineer:
    def __init__(self, name):
        self.name = name
        self._weekends = None
        self.hours = 0
        self.days = []

    @property
    def takes_weekends(self):
        if self._weekends is None:
            answer = llm(f"Answer yes or no: does {self.name} accept weekend on-call shifts")
            self._weekends = answer.strip().lower() == "yes"
        return self._weekends

    def __repr__(self):
        return f"{self.name}({self.hours}h/{len(self.days)}d)"


team = [Engineer(n) for n in ("ana", "ben", "cho", "dev")]
HOLIDAYS = {date(2024, 1, 1), date(2024, 10, 3), date(2024, 12, 25)}
start, day = date(2024, 1, 1), timedelta(days=1)
swaps, longest = [], timedelta(0)
for n in range(366 if calendar.isleap(start.year) else 365):
    d = start + n * day
    iso = d.isocalendar()
    weekend = d.weekday() >= 5
    who = team[(iso.week + iso.weekday // 6) % len(team)]
    k = 1
    while weekend and not who.takes_weekends and k < len(team):
        who = team[(iso.week + k) % len(team)]
        k += 1
    if d in HOLIDAYS:
        verdict = approval(f"Give {who.name} a day off on {d.isoformat()} ({calendar.day_name[d.weekday()]})")
        swaps.append((d.isoformat(), who.name, verdict))
        if verdict == "approved":
            who = team[(team.index(who) + 1) % len(team)]
    shift = timedelta(hours=12 if weekend else 8)
    end = datetime.combine(d, time(9)) + shift
    longest = max(longest, end - datetime.combine(d, time(0)))
    who.hours += shift.seconds // 3600
    who.days.append(d)
print(team, [e.takes_weekends for e in team])
print(swaps)
print(
    "longest:",
    longest,
    "last:",
    team[0].days[-1].strftime("%a %d %b %Y"),
    (date(2024, 12, 31) - date(2024, 2, 28)).days,
)
months = {m: tuple(map(int, calendar.monthrange(2024, m))) for m in (2, 6, 12)}
print(months, date(2024, 3, 1) - timedelta(days=1), date.fromisoformat("2024-06-10").isocalendar()[:2])
