# Rank vendor bids.  A dataclass(order=True) compares its fields as a tuple;
# the first field is a Score whose comparisons wait for the model's grade of
# the bid, so sorted(), max(), list.sort(), heapq and bisect all run the
# script's comparisons while they order the records.  Ties on the grade fall
# to the price; a reviewer's cmp function (through functools.cmp_to_key)
# waits for an approval of each pairing it is asked about.
import bisect
import functools
import heapq
from dataclasses import dataclass, field


class Score:
    def __init__(self, vendor):
        self.vendor = vendor
        self.graded = None

    def grade(self):
        # Asked once, the first time a comparison needs it.
        if self.graded is None:
            self.graded = int(llm(f"Give a score for the bid of {self.vendor}")) % 3
        return self.graded

    def __eq__(self, other):
        return self.grade() == other.grade()

    def __lt__(self, other):
        return self.grade() < other.grade()

    def __repr__(self):
        return f"Score({self.vendor})"


@dataclass(order=True)
class Bid:
    score: Score
    price: int
    vendor: str = field(compare=False)


offers = [("acme", 120), ("globex", 90), ("initech", 150), ("umbrella", 90), ("hooli", 110)]
bids = [Bid(Score(vendor), price, vendor) for vendor, price in offers]

ranked = sorted(bids, reverse=True)
print("ranking:", [b.vendor for b in ranked])
print("best:", max(bids).vendor, "cheapest grade:", min(bids).vendor)

bids.sort()
print("ascending:", [b.vendor for b in bids])
print("shortlist:", [b.vendor for b in heapq.nlargest(2, bids)])

queue = []
for bid in bids:
    heapq.heappush(queue, bid)
print("first out:", heapq.heappop(queue).vendor)

late = Bid(Score("wayne"), 100, "wayne")
bisect.insort(bids, late)
print("with the late bid:", [b.vendor for b in bids])


def reviewer(a, b):
    verdict = approval(f"prefer {a.vendor} over {b.vendor}?")
    return -1 if verdict == "approved" and a.price <= b.price else 1


print("reviewed:", [b.vendor for b in sorted(ranked[:3], key=functools.cmp_to_key(reviewer))])
