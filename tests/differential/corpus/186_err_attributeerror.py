# expect-error: AttributeError
class User:
    def __init__(self, name, email=None):
        self.name = name
        self.email = email
    def domain(self):
        return self.email.split("@")[1]
users = [User("ann", "ann@example.com"), User("bob")]
for u in users:
    print("user", u.name)
    print("domain", u.domain())
