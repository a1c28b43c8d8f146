# replaying random draws with getstate and setstate
import random

def roll(n):
    return [random.randint(1, 6) for _ in range(n)]

random.seed(2024)
state = random.getstate()
first = roll(5)
g1 = random.gauss(0, 1)
random.setstate(state)
again = roll(5)
print(first, again, first == again)
print(g1 == random.gauss(0, 1))
version, words, gauss_next = random.getstate()
print(version, len(words), words[-1], words[:3], gauss_next is None)
random.seed(1)
random.gauss(0, 1)
s = random.getstate()
print(s[2] is not None, round(s[2], 6))
print(round(random.gauss(0, 1), 6))
random.setstate(s)
print(round(random.gauss(0, 1), 6))
r = random.Random(5)
saved = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(saved)
print(a == [r.random() for _ in range(3)], r.getstate()[1][-1])
random.seed(7)
for i in range(700):
    random.random()
print(random.getstate()[1][-1], random.getstate()[1][100])
try:
    random.setstate((2, (), None))
except Exception as e:
    print(type(e).__name__, e)
try:
    random.setstate((3, (1, 2), None))
except ValueError as e:
    print(e)
try:
    random.setstate((3, words[:-1] + (625,), None))
except ValueError as e:
    print(e)
random.setstate((2, tuple(w - 2**32 if w > 2**31 else w for w in words), 0.5))
print(random.gauss(0, 1), random.random() == (random.setstate((3, words, None)) or random.random()))
random.setstate((4, words, None))
