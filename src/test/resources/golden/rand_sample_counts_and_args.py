# Rule: random.sample(population, k, counts=...) draws as if each element were repeated counts times; the methods of random.Random are Python functions, so wrong arguments give Python's messages ("Random.shuffle() takes 2 positional arguments but 3 were given").
import random

random.seed(99)
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.sample(range(100), k=0), random.sample("abc", 3))
print(random.sample(["x", "y", "z"], 4, counts=[1, 2, 3]))
r = random.Random(5)
print([r.randrange(0, 10, 3) for _ in range(6)])
print(r.triangular(1, 3), r.triangular(1, 3, 1), r.uniform(5, 5))
for name, args, kw in [("shuffle", ([1, 2], None), {}), ("sample", ([1, 2],), {}), ("randint", (1,), {}),
                       ("choice", (), {}), ("uniform", (1,), {"c": 2}), ("choices", ("ab", [1, 1], 2), {}),
                       ("sample", ("ab", 1), {"counts": [1]}), ("sample", ("ab", 1), {"counts": [1.5, 1]}),
                       ("sample", ("ab", 3), {"counts": [1, 1]}), ("randrange", (), {"start": 1, "stop": 5, "step": 1, "x": 0})]:
    try:
        print(name, getattr(random, name)(*args, **kw))
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)
random.sample(["a", "b"], 2, counts=[0, 0])
