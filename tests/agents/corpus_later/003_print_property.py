# print() formats an object whose __str__ reads a property that waits for an
# approval: the wait happens inside host formatting code.
class ChangeRequest:
    def __init__(self, text):
        self.text = text
        self._decision = approval(text)

    @property
    def decision(self):
        return self._decision.upper()

    def __str__(self):
        return f"{self.text}: {self.decision}"


requests = [ChangeRequest("Rename the billing service"), ChangeRequest("Delete old backups")]
for request in requests:
    print(request)
print("%s" % requests[0], str(requests[1]))
