# Deduplicate 1500 contact records: a __slots__ Contact whose __eq__ and
# __hash__ use the normalized email is the key of a dict, a set and a
# Counter in a hot merge loop; a deque(maxlen=) keeps recent conflicts with
# appendleft and rotate; each kept conflict builds a Merge record whose
# __init__ waits for the model's yes/no before choosing the survivor.
from collections import Counter, defaultdict, deque


class Contact:
    __slots__ = ("email", "name", "source")

    def __init__(self, email, name, source):
        self.email = email.strip().lower()
        self.name = name
        self.source = source

    def __eq__(self, other):
        return isinstance(other, Contact) and self.email == other.email

    def __hash__(self):
        return hash(self.email)

    def __repr__(self):
        return f"Contact({self.email!r}, {self.name!r})"


class Merge:
    __slots__ = ("keep", "drop", "answer")

    def __init__(self, a, b):
        self.answer = llm(f"Answer yes or no: is {a.name} from {a.source} the same person as {b.name} from {b.source}")
        self.keep, self.drop = (a, b) if self.answer.strip() == "yes" else (b, a)


def record(i):
    user = f"user{(i * 37) % 400}"
    domain = ("Example.com", "example.com ", "mail.example")[i % 3]
    return Contact(
        f" {user.upper() if i % 5 == 0 else user}@{domain}", f"{user.title()} {i % 7}", ("crm", "shop", "forum")[i % 3]
    )


book, sources, seen = {}, defaultdict(set), set()
hits = Counter()
recent = deque(maxlen=4)
for i in range(1500):
    c = record(i)
    hits[c] += 1
    sources[c].add(c.source)
    if c in seen and book[c].name != c.name and i % 90 == 0:
        recent.appendleft((book[c], c))
    seen.add(c)
    book.setdefault(c, c)
try:
    Contact("a@b.c", "x", "y").phone = "123"
except AttributeError as error:
    print("slots:", type(error).__name__)
print(len(book), len(seen), hits.most_common(2), sorted(sources[Contact("USER0@example.com", "", "")]))
recent.rotate(1)
merges = [Merge(a, b) for a, b in recent]
for m in merges:
    print(m.answer, "keep", m.keep, "drop", m.drop.name)
print(
    Contact("X@y.z", "a", "b") == Contact("x@Y.Z ", "c", "d"), len({Contact("q@r.s", "", ""), Contact("Q@R.S", "", "")})
)
