# Rule: random.choices refuses weights that do not fit (wrong length, both weights and cum_weights, a total of zero or less) with random.py's messages; expovariate(0) divides by zero inside random.py; uncaught, the tracebacks show random.py's lines.
import random

random.seed(8)
print(random.choices(["a", "b"], weights=[0, 1], k=3))
print(random.choices("xyz", cum_weights=[1, 1, 5], k=4))
tries = [
    ((["a"],), {"weights": [1, 2]}),
    ((["a", "b"],), {"weights": [0, 0]}),
    ((["a", "b"],), {"weights": [1, 1], "cum_weights": [1, 2]}),
    ((["a", "b"],), {"weights": [1, float("inf")]}),
]
for args, kw in tries:
    try:
        print(random.choices(*args, **kw))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    random.expovariate(0)
except ZeroDivisionError as e:
    print("expovariate(0):", e)
print(round(random.expovariate(2), 6))
random.choices([1, 2], weights=[1, -1])
