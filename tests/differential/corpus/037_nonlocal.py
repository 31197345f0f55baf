def counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step
c = counter(10)
print(c(), c(), c(5))
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    r = middle()
    return r, x
print(outer())
def accumulate():
    total = 0
    history = []
    def add(v):
        nonlocal total
        total += v
        history.append(total)
    for v in [3, 4, 5]:
        add(v)
    return total, history
print(accumulate())
def rebinding():
    value = "a"
    def change():
        nonlocal value
        value = "b"
    print("before", value)
    change()
    print("after", value)
rebinding()
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: {balance} < {amount}")
        balance -= amount
        return balance
    return deposit, withdraw
dep, wd = make_account(100)
print(dep(50), wd(30))
try:
    wd(500)
except ValueError as e:
    print("ValueError:", e)
