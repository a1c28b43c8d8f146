# closures, nonlocal, global, defaults, *args/**kwargs
counter = 0
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = make_counter()
print(c(), c(), c(5))
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, f=7))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults())
print((lambda *a, **k: (a, k))(1, 2, k=3))
args = (1, 2)
kwargs = {'c': 9}
print(f(*args, **kwargs))
print([*range(3), *'ab'], {**{'a': 1}, 'b': 2}, {*[1, 2], 3})
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = "hello"
print(first, rest)
fs = [lambda: i for i in range(3)]
print([fn() for fn in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs2])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print(list(x * y for x in range(3) for y in range(3) if x != y))
print(sum(x for x in range(101)))
def outer():
    v = 10
    def mid():
        def inner():
            return v * 2
        return inner()
    return mid()
print(outer())
print((n := 5) + n)
print([y := 10, y ** 2])
total = 0
for i in range(10):
    if i % 2: continue
    if i > 6: break
    total += i
else:
    print("no break")
print(total)
for i in range(3):
    pass
else:
    print("loop done", i)
i = 0
while i < 3:
    i += 1
else:
    print("while done", i)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 2 ** 100, -7 // 2, -7 % 2, 7 / 2, 2 ** -1)
print(divmod(-7, 2), divmod(7.5, 2), abs(-3), round(2.5), round(3.5), round(2.675, 2), round(1234, -2))
print(True + True, True * 3, 10 / 4, 10 // 4.0, 0.1 + 0.2, 1e16, 1e-5, 123456789.123456789)
print(int("42"), int(" -7 "), int("0x1f", 16), int("1_000"), float("3.5"), float("1e3"), str(12), repr("a'b"))
print(bool([]), bool([0]), not None, None is None, 3 in [1, 2, 3], "b" in "abc", "x" not in {"x": 1})
