# dir() of classes, instances, exceptions and common builtin values lists the same names as CPython 3.12.
class Account:
    rate = 0.5
    def deposit(self, amount):
        self.balance += amount
class Savings(Account):
    pass
class LowBalance(Exception):
    pass
acct = Savings()
acct.balance = 10
print(dir(Account))
print(dir(acct))
print(dir(object()))
print(dir(LowBalance("x")))
print([n for n in dir(acct) if not n.startswith("_")])
for value in [1, 2.5, "s", [], {}, set(), (), None, range(3), print, len]:
    print(type(value).__name__, dir(value))
