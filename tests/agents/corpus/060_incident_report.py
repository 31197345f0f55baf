# Write an incident report: read the outage page, estimate the impact from the
# event log, ask the model for a JSON summary, get sign-off and publish.
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Incident:
    title: str
    start: datetime
    end: datetime
    affected: list = field(default_factory=list)

    @property
    def minutes(self):
        return int((self.end - self.start).total_seconds() // 60)


page = fetch_page("https://news.example/outage")
day = re.search(r"\d{4}-\d{2}-\d{2}", page).group()
start, end = re.search(r"between (\d\d:\d\d) and (\d\d:\d\d)", page).groups()
incident = Incident(page.splitlines()[0], datetime.fromisoformat(f"{day}T{start}"), datetime.fromisoformat(f"{day}T{end}"))

uploads = Counter(e["user"] for e in export("events") if e["action"] == "upload")
incident.affected = sorted(uploads)
summary = json.loads(llm(f"Return JSON for the incident: {incident.title}, {incident.minutes} minutes"))
report = {
    "title": incident.title,
    "minutes": incident.minutes,
    "affected": incident.affected,
    "uploads": dict(uploads),
    "sentiment": summary["sentiment"],
}
print(json.dumps(report, indent=2))
if approval(f"Publish the incident report: {incident.title}") == "approved":
    send_email("status@example.com", json.dumps(report))
    print("published")
