# Label tickets with a callable classifier object: calling it runs its
# __call__, which waits for the model.
class Classifier:
    def __init__(self, prefix):
        self.prefix = prefix
        self.calls = 0

    def __call__(self, text):
        self.calls += 1
        return llm(f"{self.prefix}: {text}").upper()


classify = Classifier("Classify")
for subject in ["Login fails after password reset", "How do I export my data?"]:
    print(f"{classify(subject):<9} {subject}")
print("calls:", classify.calls)
