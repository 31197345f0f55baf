# Vocabulary agent: compare the word profiles of two sites with Counter
# arithmetic (+, -, &, |) and most_common, the counts read from pages.
import re
from collections import Counter

WORD = re.compile(r"[A-Za-z]{3,}")
shop = [fetch_page(u) for u in ("https://shop.example/pricing", "https://shop.example/faq")]
docs = [fetch_page(u) for u in ("https://docs.example/export", "https://docs.example/auth")]


def bag(texts):
    return sum((Counter(w.casefold() for w in WORD.findall(t)) for t in texts), Counter())


shop_bag = bag(shop)
docs_bag = bag(docs)
both = shop_bag & docs_bag
either = shop_bag | docs_bag
total = shop_bag + docs_bag
only_shop = shop_bag - docs_bag


def top(counter, n=4):
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


print("shared:", top(both))
print("union size:", len(either), "total words:", total.total())
print("shop only:", top(only_shop, 5))
print("docs minus shop:", sorted((docs_bag - shop_bag).elements())[:6])
print("max in union:", max(either.values(), default=0), "keys with 2+:", sorted(k for k, v in either.items() if v >= 2))

summary = llm("Summarize the shop vocabulary: " + " ".join(w for w, _ in top(only_shop, 6)))
extra = Counter(w.casefold().strip(".()") for w in summary.split())
merged = total + extra
merged.subtract({"summary": 1})
print("merged top:", top(+merged, 3))
print("most_common length:", len(merged.most_common()), "positive:", len(+merged), "negative:", len(-merged))
