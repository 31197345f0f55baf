# Deduplicating leads: a Lead's identity is the company name the model
# normalises (lazily, once per lead, a wait inside __hash__ or __eq__); leads
# go into sets and dict keys, list.index/count/remove and `in` call __eq__,
# and tuples of answers are compared.
from collections import Counter


class Lead:
    def __init__(self, raw, source):
        self.raw = raw
        self.source = source
        self._key = None

    @property
    def key(self):
        if self._key is None:
            self._key = llm(f"Classify the company: {self.raw.strip().lower()}")
        return self._key

    def __eq__(self, other):
        if not isinstance(other, Lead):
            return NotImplemented
        return self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return f"Lead({self.raw.strip()}/{self.source})"


raw = [("Acme Corp", "web"), ("acme corp ", "fair"), ("Globex", "web"), ("Initech", "mail"), ("GLOBEX", "mail")]
leads = [Lead(name, source) for name, source in raw]
print(leads[0] == leads[1], leads[2] == leads[4], leads[0] != leads[3])
unique = set(leads)
print(len(unique), sorted(lead.key for lead in unique))
by_lead = {}
for lead in leads:
    by_lead.setdefault(lead, []).append(lead.source)
print(sorted(by_lead.values()))
fresh = Lead("Globex", "phone")
print(leads.index(fresh), leads.count(fresh), fresh in leads, Lead("Hooli", "x") in leads)
leads.remove(fresh)
print(leads, Counter(leads).most_common(1)[0][1])
pair_a = (llm("Classify: Acme Corp"), 1)
pair_b = (llm("Classify: acme corp"), 1)
print(pair_a == pair_b, pair_a < (pair_b[0], 2), max(pair_a, pair_b)[1])
print(sorted({lead: lead.source for lead in leads}.items(), key=lambda kv: kv[0].raw))
