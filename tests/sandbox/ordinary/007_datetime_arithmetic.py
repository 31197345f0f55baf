from datetime import date, datetime, timedelta, timezone

start = datetime(2024, 2, 27, 22, 30, tzinfo=timezone.utc)
for hours in (1, 26, 49):
    print((start + timedelta(hours=hours)).isoformat())
deadline = date(2024, 3, 15)
print((deadline - date(2024, 2, 1)).days, deadline.strftime("%A %d %B %Y"))
print(datetime.fromisoformat("2024-05-01T10:00:00+02:00").astimezone(timezone.utc))
print(timedelta(days=1, seconds=3661), date(2024, 12, 31).isocalendar()[1])
