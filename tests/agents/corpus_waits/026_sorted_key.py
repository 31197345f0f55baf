# Order the support queue by urgency: sorted(key=...) with a key function
# that asks the model for a score.
subjects = [
    "Login fails after password reset",
    "Please add dark mode",
    "Invoice shows wrong VAT",
]


def urgency(subject):
    return int(llm(f"Give a score for the urgency of: {subject}"))


for rank, subject in enumerate(sorted(subjects, key=urgency, reverse=True), 1):
    print(rank, subject)
