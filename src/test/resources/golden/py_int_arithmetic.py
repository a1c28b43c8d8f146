# Rule: ints: arbitrary precision, floor division and modulo follow the
# sign of the divisor, true division always gives a float.
print(2 ** 100, 2 ** 64 - 1, -(2 ** 70), 10 ** 30 // 7)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5)]:
    q = a // b
    r = a % b
    print(f"{a} = {b} * {q} + {r}", q * b + r == a)
print(3 ** 40, 123456789 * 987654321, 2 ** 100 % 1000007)
n = 1
for i in range(1, 26):
    n *= i
print("25! =", n, len(str(n)), "digits")
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 50
print("augmented:", x)
print(True + True, True * 10, False - 1, 1 == 1.0, 0.5 + 1)
print(int(2.5e3), int("-17"), int(True), str(-0), 0 == -0)
print(max(3, 9, -2), min([4, 1, 8]), max([1.5, 2]), min(2, 2.0), sum([1, 2, 3], 10))
