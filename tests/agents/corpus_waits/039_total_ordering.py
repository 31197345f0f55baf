# Compare vendors by the model's score with functools.total_ordering: the
# generated >= and > call the script's __lt__, which waits.
import functools


@functools.total_ordering
class Vendor:
    def __init__(self, name):
        self.name = name
        self.score = llm(f"Give a score for the vendor {name}")

    def __eq__(self, other):
        return self.name == other.name

    def __lt__(self, other):
        return int(self.score) < int(other.score)


acme, globex = Vendor("Acme"), Vendor("Globex")
print("Acme >= Globex:", acme >= globex)
print("Globex > Acme:", globex > acme)
print("Acme <= Acme:", acme <= Vendor("Acme"))
