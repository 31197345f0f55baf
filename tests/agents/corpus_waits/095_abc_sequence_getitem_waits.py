# A collections.abc.Sequence whose __getitem__ waits, iterated by a for
# loop and unpacked with a starred target (Sequence.__iter__ on the VM).
from collections.abc import Sequence


class Pages(Sequence):
    def __init__(self, urls):
        self.urls = urls

    def __getitem__(self, i):
        return fetch_page(self.urls[i]).splitlines()[0]

    def __len__(self):
        return len(self.urls)


for title in Pages(["https://shop.example/faq"]):
    print(title)
first, *rest = Pages(["https://shop.example/terms", "https://docs.example/auth"])
print(first, rest)
