import random

random.seed(1234)
print(random.randint(1, 100), round(random.random(), 6), random.choice("abcdef"))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 3))
rng = random.Random(7)
print([rng.randrange(0, 50, 5) for _ in range(5)], round(rng.uniform(1, 2), 6))
print(round(rng.gauss(0, 1), 6), rng.choices("xyz", weights=[1, 2, 3], k=4))
