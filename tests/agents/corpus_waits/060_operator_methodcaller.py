# Ask every connector for its status with operator.methodcaller: the status
# method reads a property that waits for the page.
import operator


class Connector:
    def __init__(self, url):
        self.url = url

    @property
    def title(self):
        return fetch_page(self.url).splitlines()[0]

    def status(self, prefix):
        return f"{prefix} {self.title}"


check = operator.methodcaller("status", "up:")
for connector in [Connector("https://docs.example/export"), Connector("https://nowhere.example/")]:
    print(check(connector))
