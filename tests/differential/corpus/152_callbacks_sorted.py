people = [("ann", 31, "paris"), ("bob", 25, "rome"), ("cy", 31, "oslo"), ("dee", 22, "rome")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
def by_city_then_age(p):
    return p[2], p[1]
print([p[0] for p in sorted(people, key=by_city_then_age)])
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
print(sorted(words, key=len), sorted(set(words), key=lambda w: w[::-1]))
class Item:
    def __init__(self, name, price):
        self.name, self.price = name, price
    def __repr__(self):
        return f"{self.name}:{self.price}"
items = [Item("x", 3), Item("y", 1), Item("z", 2)]
print(sorted(items, key=lambda i: i.price))
items.sort(key=lambda i: i.name, reverse=True)
print(items)
key_calls = []
def tracking_key(v):
    key_calls.append(v)
    return -v
print(sorted([3, 1, 2], key=tracking_key), key_calls)
import functools
def compare(a, b):
    return (a > b) - (a < b) if a % 2 == b % 2 else (1 if a % 2 else -1)
print(sorted(range(10), key=functools.cmp_to_key(compare)))
nested = [[3, 1], [2], [1, 1, 1], []]
print(sorted(nested, key=sum), sorted(nested, key=len, reverse=True))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
try:
    sorted([1, 2], key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("error from key function:", e)
