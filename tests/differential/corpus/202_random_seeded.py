import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(8)])
print(round(random.random(), 10), random.choice("abcdef"), random.randrange(0, 50, 5))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), sorted(random.sample("abcdefgh", 3)))
print(random.choices(["x", "y", "z"], weights=[5, 1, 1], k=6))
rng = random.Random(7)
print([rng.randint(0, 9) for _ in range(10)], round(rng.uniform(1, 2), 8))
rng2 = random.Random(7)
print([rng2.randint(0, 9) for _ in range(10)])
def roll_dice(n, rng):
    return [rng.randint(1, 6) for _ in range(n)]
counts = {}
dice_rng = random.Random("seed-string")
for value in roll_dice(60, dice_rng):
    counts[value] = counts.get(value, 0) + 1
print(dict(sorted(counts.items())))
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
print(round(random.gauss(0, 1), 8), round(random.triangular(0, 10, 5), 8))
deck = [f"{r}{s}" for s in "HS" for r in "A23"]
random.Random(99).shuffle(deck)
print(deck)
