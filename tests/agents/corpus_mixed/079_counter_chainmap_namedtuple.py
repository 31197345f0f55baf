# Triage tickets: namedtuple records updated with _replace after the model
# classifies them, a Counter of labels, and a ChainMap of settings layered
# before the waits.
from collections import ChainMap, Counter, namedtuple, deque

Ticket = namedtuple("Ticket", "id subject priority label", defaults=(None,))
defaults = {"max_priority": 3, "notify": "support@shop.example", "label": "unlabeled"}
team = {"notify": "tier2@shop.example"}
settings = ChainMap({}, team, defaults)

tickets = [Ticket(t["id"], t["subject"], t["priority"]) for t in export("tickets")]
labels = Counter()
history = deque(maxlen=4)
labelled = []
for t in tickets:
    label = llm(f"Classify this ticket: {t.subject}")
    t2 = t._replace(label=label)
    labels[label] += 1
    history.append(t2.id)
    labelled.append(t2)
    print(t2, t2._asdict()["label"])

print(labels.most_common(2), sorted(labels.items()))
print(list(history), history.maxlen)
urgent = [t for t in labelled if t.priority <= settings["max_priority"]]
settings.maps[0]["max_priority"] = 1
print("urgent:", [t.id for t in urgent], "now:", settings["max_priority"], settings.parents["max_priority"])
ok = approval(f"Escalate {len(urgent)} tickets to {settings['notify']}")
child = settings.new_child({"notify": "oncall@shop.example"})
print(ok, child["notify"], child["label"], len(child), sorted(child))
print(Ticket._fields, Ticket._field_defaults)
total = Counter(t.label for t in labelled) + Counter({"bug": 1})
print(total.most_common(), total.total())
print(dict(settings.maps[0]), list(settings.maps[1].items()))
