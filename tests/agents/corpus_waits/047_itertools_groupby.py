# Group tickets by the model's label: itertools.groupby calls a key function
# that waits for the label.
import itertools

subjects = [
    "Invoice shows wrong VAT",
    "Invoice total is off by one cent",
    "Please add dark mode",
]


def label(subject):
    return llm(f"Classify: {subject}").upper()


for key, group in itertools.groupby(subjects, key=label):
    print(key, "->", list(group))
