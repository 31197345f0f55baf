# A functools.lru_cache-decorated helper that waits: the cache wrapper is
# host code calling the script function.
import functools


@functools.lru_cache(maxsize=None)
def label(subject):
    return llm(f"Classify: {subject}").upper()


subjects = ["login", "vat", "login", "export", "vat"]
labels = []
for subject in subjects:
    labels.append(label(subject))
print(labels)
info = label.cache_info()
print(info.hits, info.misses)
