# Filter outgoing mail through a spam check: `message in spam` calls the
# filter's __contains__, which asks the model.
class SpamFilter:
    def __init__(self):
        self.checked = 0

    def __contains__(self, message):
        self.checked += 1
        return llm(f"Answer yes or no: is this spam? {message}") == "yes"


spam = SpamFilter()
outbox = [("ana@example.com", "Your invoice INV-002"), ("ben@example.com", "WIN A FREE CRUISE NOW")]
for to, body in outbox:
    if body in spam:
        print("held:", body)
    else:
        print("sent:", send_email(to, body)["id"], body)
print("checked:", spam.checked)
