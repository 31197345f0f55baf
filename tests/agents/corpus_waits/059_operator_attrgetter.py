# Sort vendors by a property with operator.attrgetter: the property waits
# for the model's score.
import operator


class Vendor:
    def __init__(self, name):
        self.name = name

    @property
    def score(self):
        return int(llm(f"Give a score for the vendor {self.name}"))


vendors = [Vendor("Acme"), Vendor("Globex")]
get_score = operator.attrgetter("score")
print([(v.name, get_score(v)) for v in vendors])
