# `is` on ints: CPython caches -5..256; other ints made at run time are new objects, while one constant is one object.
a = 1000
b = 1000
print(a is b, a == b, a is a + 0, 256 is int("256"), 257 is int("257"))
x = int("12345")
y = int("12345")
print(x is y, x == y, x is x, [x][0] is x)
n = 250
m = 250
for i in range(10):
    n += 1
    m += 1
    print(n, n is m, end="; ")
print()
print(-5 is int("-5"), -6 == int("-6"), 0 is int("0"))
