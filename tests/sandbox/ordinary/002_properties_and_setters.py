class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value

acct = Account("ana", 10)
acct.balance += 5
print(acct.owner, acct.balance)
try:
    acct.balance = -1
except ValueError as e:
    print("refused:", e)
