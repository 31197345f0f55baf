# A script subclass of string.Formatter: the inherited vformat traverses fields natively.
import string
class Shout(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Shout().format("{0.__globals__[SECRET]}", tool).lower())
