# A digest agent that creates a StringIO, a deque, a Random, a compiled regex
# and a datetime before its first wait, and uses each after every later wait.
import io
import random
import re
from collections import deque, Counter
from datetime import datetime, timedelta, timezone
from string import Template

out = io.StringIO()
window = deque(maxlen=2)
rng = random.Random(7)
word = re.compile(r"\b(?P<w>[a-z]{5,})\b", re.I)
clock = datetime(2024, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2), "CEST"))
line = Template("[$ts] $url: $n long words, top=$top")

urls = ["https://news.example/outage", "https://news.example/launch", "https://docs.example/export"]
for url in urls:
    text = fetch_page(url)
    counts = Counter(m["w"].lower() for m in word.finditer(text))
    clock += timedelta(minutes=rng.randint(1, 30))
    window.append(url.rsplit("/", 1)[-1])
    top = counts.most_common(1)[0][0] if counts else "-"
    out.write(line.substitute(ts=clock.strftime("%H:%M%z"), url=url, n=sum(counts.values()), top=top) + "\n")
    print(list(window), clock.tzname(), rng.random() > 0.3)

decision = approval(f"Publish digest of {len(urls)} pages at {clock:%H:%M}")
out.write(f"decision={decision}\n")
clock += timedelta(seconds=rng.randrange(60))
window.append(decision)
print(out.getvalue(), end="")
print(list(window), clock.isoformat(), clock.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
summary = llm(word.sub(lambda m: m["w"].upper(), "summarize these pages briefly"))
print(summary, word.search(summary) is not None, [m.span() for m in word.finditer(summary)][:3])
print(out.tell(), len(out.getvalue().splitlines()), rng.sample(range(100), 3))
