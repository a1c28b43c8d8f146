class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", "lab")
print(d.speak(), d.kind, d.breed, isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__)
print(repr(Animal("x")), [Animal("y")], Dog.__mro__)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __str__(self):
        return f"({self.x}, {self.y})"
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 1)
p = Point(3, 4)
print(p, p.norm, Point.origin(), Point.unit(), p + Point.unit(), p == Point(3, 4), {p: 1}[Point(3, 4)])
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)], key=str), min(Point(2, 1), Point(1, 9)))
class MyError(Exception):
    pass
class CodeError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("bad thing")
except MyError as e:
    print("caught", e, repr(e), e.args)
try:
    raise CodeError(42, "oops")
except Exception as e:
    print(type(e).__name__, e.code, str(e))
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def delegator():
    r = yield from gen(2)
    print("delegate result", r)
    yield 100
print(list(delegator()))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
c = closer()
print(next(c))
c.close()
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("handled", e)
t = thrower()
next(t)
t.throw(ValueError("inside"))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as cx:
    print("body", type(cx).__name__)
    raise KeyError("k")
print("after with")
def tf():
    try:
        return "try"
    finally:
        print("finally runs")
print(tf())
def tf2():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("i", i)
        finally:
            print("f", i)
tf2()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise RuntimeError("x") from KeyError("y")
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    e = 1
    raise TypeError
except TypeError as e:
    pass
try:
    print(e)
except NameError as err:
    print(err)
assert True, "fine"
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
x = [1, 2, 3]
del x[0]
print(x)
dd = {"a": 1, "b": 2}
del dd["a"]
print(dd, dd.get("z", 0), dd.setdefault("c", 3), dd, list(dd.keys()), dd.items(), dd.values())
