# Rank feature requests with sorted() and no key: __lt__ compares the
# model's scores, so sorted() calls the script's comparison.
class FeatureRequest:
    def __init__(self, title):
        self.title = title
        self.score = llm(f"Give a score for the feature {title}")

    def __lt__(self, other):
        return int(self.score) < int(other.score)


requests = [FeatureRequest("dark mode"), FeatureRequest("bulk delete"), FeatureRequest("sso login")]
ranked = sorted(requests)
print("lowest to highest:", [r.title for r in ranked])
print("top:", ranked[-1].title, ranked[-1].score)
