# Notification channels in a three-level class hierarchy; the base class asks
# for a template in __init__, subclasses extend it through super().
class Channel:
    def __init__(self, name):
        self.name = name
        self.template = llm(f"Write a notification template for {name}")
        self.sent = []

    def render(self, event):
        return f"[{self.name}] {event}"

    def send(self, event):
        message = self.render(event)
        self.sent.append(message)
        return message


class EmailChannel(Channel):
    def __init__(self, name, address):
        super().__init__(name)
        self.address = address

    def render(self, event):
        return super().render(event) + f" -> {self.address}"


class UrgentEmailChannel(EmailChannel):
    def __init__(self, address):
        super().__init__("urgent", address)
        self.approved = approval(f"Allow urgent emails to {address}")

    def render(self, event):
        return super().render(event).upper()


channels = [Channel("log"), EmailChannel("mail", "ops@example.com"), UrgentEmailChannel("cto@example.com")]
for channel in channels:
    print(channel.send("disk almost full"), len(channel.template))
print([type(c).__name__ for c in channels], channels[2].approved)
print([cls.__name__ for cls in UrgentEmailChannel.__mro__])
