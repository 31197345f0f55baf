# Watch 300 latency samples with a sliding window: a deque of the last 20
# values, a hot stats helper (sum, min, max, sorted percentile) called on
# every sample, alerts collected in a list of dicts, and the model asked to
# label every alert that starts a new incident.
import json
from collections import deque


def sample(i):
    base = 80 + (i * 37) % 41
    return base * 3 if (i // 25) % 3 == 2 and i % 25 < 8 or i % 97 == 0 else base


def stats(window):
    ordered = sorted(window)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return {"mean": sum(window) / len(window), "min": min(window), "max": max(window), "p90": p90}


window = deque(maxlen=20)
alerts = []
incident = None
for i in range(300):
    window.append(sample(i))
    if len(window) < window.maxlen:
        continue
    s = stats(window)
    if s["p90"] > 200:
        if incident is None:
            label = llm(f"Classify: latency incident starting at sample {i} with p90 {s['p90']}")
            incident = {"start": i, "label": label, "peak": s["max"]}
            alerts.append(incident)
        incident["peak"] = max(incident["peak"], s["max"])
        incident["end"] = i
    elif incident is not None and s["mean"] < 110:
        effect({"incident_closed": incident["start"], "at": i})
        incident = None

print(json.dumps(alerts, sort_keys=True))
final = stats(window)
print(f"final mean {final['mean']:.2f} p90 {final['p90']} span {final['max'] - final['min']}")
print("windows over 150:", sum(1 for i in range(20, 300) if sum(sample(j) for j in range(i - 20, i)) / 20 > 150))
