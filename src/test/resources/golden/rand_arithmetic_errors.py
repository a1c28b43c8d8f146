# Rule: uniform() and gauss() do Python arithmetic on their arguments inside random.py, so ints stay exact and bad types fail there with Python's messages; shuffle() of an immutable sequence fails at random.py's swap line; uncaught, the traceback shows random.py's line with its carets.
import random

random.seed(5)
print(random.uniform(10**20, 10**20 + 4), random.uniform(1, 1.5), random.gauss(10, 0), random.gauss(sigma=2))
for f, args in [(random.uniform, ("a", 1)), (random.uniform, ([1], [2])), (random.gauss, ("x",)),
                (random.gauss, (0, "s"))]:
    try:
        print(f(*args))
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
random.shuffle((1, 2, 3))
