# Rule: property with @x.setter and @x.deleter, its docstring taken from the getter,
# read-only properties failing with CPython's messages (no setter / no deleter, naming the
# property), staticmethod and classmethod (also called through subclasses and super()),
# and a classmethod wrapping a property (allowed in 3.12).
class Account:
    rate = 0.5

    def __init__(self, owner):
        self.owner = owner
        self._balance = 0

    @property
    def balance(self):
        "Current balance."
        print("get balance")
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        print("set balance", value)
        self._balance = value

    @balance.deleter
    def balance(self):
        print("closing", self.owner)
        del self._balance

    @property
    def label(self):
        return self.owner.upper()

    @staticmethod
    def fee(amount):
        return amount * 0.01

    @classmethod
    def open(cls, owner):
        print("open", cls.__name__)
        return cls(owner)

    @classmethod
    @property
    def kind(cls):
        return "kind of " + cls.__name__


class Savings(Account):
    rate = 2.0

    @property
    def balance(self):
        return super().balance + 1000

    @classmethod
    def open(cls, owner):
        acct = super().open(owner)
        acct._balance = 5
        return acct


a = Account.open("ann")
a.balance = 10
a.balance += 5
print(a.balance, a.label, Account.fee(200), a.fee(300))
print(Account.balance.__doc__, type(Account.balance).__name__)
for attempt in ("set", "del"):
    try:
        if attempt == "set":
            a.label = "x"
        else:
            del a.label
    except AttributeError as e:
        print("AttributeError:", e)
try:
    a.balance = -1
except ValueError as e:
    print("ValueError:", e)
del a.balance
try:
    a.balance
except AttributeError as e:
    print("AttributeError:", e)
s = Savings.open("sam")
print(s.balance, Savings.kind, Account.kind)
try:
    s.balance = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Account.__dict__["fee"].__func__.__name__, type(Account.__dict__["open"]).__name__)
print(staticmethod(abs)(-7))
