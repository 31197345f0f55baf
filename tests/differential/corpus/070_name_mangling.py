class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        self._protected = "p"
    def balance(self):
        return self.__balance
    def __secret(self):
        return "secret of " + self.owner
    def reveal(self):
        return self.__secret()
acc = Account("ann", 100)
print(acc.balance(), acc.reveal(), acc._protected)
try:
    print(acc.__balance)
except AttributeError as e:
    print("AttributeError:", e)
print(acc._Account__balance, acc._Account__secret())
print(sorted(vars(acc)))
class Savings(Account):
    def __init__(self, owner, balance):
        super().__init__(owner, balance)
        self.__balance = "shadow"
    def both(self):
        return self.__balance, self._Account__balance
s = Savings("bob", 50)
print(s.both(), sorted(vars(s)))
class _Lead:
    def __init__(self):
        self.__x = "lead-underscore"
    def get(self):
        return self.__x
print(_Lead().get(), sorted(vars(_Lead())))
class M:
    __cls_private = "cp"
    __dunder__ = "not mangled"
    def read(self):
        return M.__cls_private, self.__dunder__
print(M().read(), hasattr(M, "_M__cls_private"), hasattr(M, "__dunder__"))
class G:
    def method(self):
        __local = 5
        return __local + 1
    def call_getattr(self):
        self.__hidden = 1
        return getattr(self, "__hidden", "not mangled in strings")
print(G().method(), G().call_getattr())
class Outer:
    class __Inner:
        value = "inner"
    def get(self):
        return self.__Inner.value
print(Outer().get(), hasattr(Outer, "_Outer__Inner"))
