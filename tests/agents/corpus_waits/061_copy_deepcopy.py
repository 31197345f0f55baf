# Fork a draft before editing it: copy.deepcopy calls the draft's
# __deepcopy__, which asks the model to summarize the copied text.
import copy


class Draft:
    def __init__(self, title, paragraphs):
        self.title = title
        self.paragraphs = paragraphs

    def __deepcopy__(self, memo):
        summary = llm(f"Summarize: {' '.join(self.paragraphs)}")
        abstract = summary.removeprefix("Summary: ")
        return Draft(f"{self.title} (copy)", [abstract] + copy.deepcopy(self.paragraphs, memo))


original = Draft("Launch post", ["The export API ships.", "It supports CSV and Parquet."])
fork = copy.deepcopy(original)
fork.paragraphs.append("Pricing follows.")
print(fork.title, len(fork.paragraphs), fork.paragraphs[0])
print(original.title, len(original.paragraphs))
