# Tagging agent: model labels kept in lists and dicts and handed to
# builtins with builtin keys: sorted(key=str.casefold), map(str.upper),
# max(key=len), list.count/index, membership and dict.fromkeys.
import operator

names = ["pricing", "faq", "terms", "auth"]
labels = [llm(f"Classify the {n} page") for n in names]
print(sorted(labels, key=str.casefold), list(map(str.upper, labels)))
print("longest:", max(labels, key=len), "count bug:", labels.count("bug"), "has billing:", "billing" in labels)
print("unique:", list(dict.fromkeys(labels)), "index:", labels.index(labels[-1]))
grades = [llm(f"Give a score for the {n} page") for n in names]
print("ints:", sorted(map(int, grades)), "sum:", sum(map(int, grades), start=1000))
grades.sort(key=int, reverse=True)
print("sorted in place:", grades, operator.itemgetter(0, -1)(grades))
table = dict(zip(names, labels, strict=True))
print(sorted(table.items(), key=operator.itemgetter(1, 0)))
tr = str.maketrans({"a": labels[0][:1].upper(), "e": None})
print("translated:", "release date".translate(tr))
print("centered:", "x".center(9, labels[1][0]), "|".join(reversed(labels)))
