import random
import decimal
from random import choice

random.seed(1234)
first = random.randint(1, 10**6)
ctx = decimal.getcontext()
ctx.prec = 6
effect(wait(first))
print(first, random.randint(1, 10**6), choice("abcdefgh"), random.random())
print(decimal.Decimal(1) / decimal.Decimal(7), decimal.getcontext() is ctx, ctx.prec)
deck = list(range(10))
random.shuffle(deck)
state = random.getstate()
effect(wait(deck[0]))
print(deck, random.sample(range(100), 3))
random.setstate(state)
print(random.sample(range(100), 3), random.Random(5).random())
with decimal.localcontext() as local:
    local.prec = 3
    print(decimal.Decimal(2).sqrt())
print(decimal.Decimal(2).sqrt())
