#!/usr/bin/env python3.12
"""Records CPython 3.12's random module outputs for fixed seeds (src/test/resources/.../random-cases.json)."""
import json
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "dev", "loopscope",
                   "python", "runtime", "random-cases.json")
cases = []
for seed in [0, 1, 42, 2 ** 40 + 3, -5, 12345678901234567890, 3.25, "seed-text"]:
    random.seed(seed)
    out = {
        "random": [random.random() for _ in range(5)],
        "getrandbits": [str(random.getrandbits(k)) for k in (1, 7, 32, 33, 64, 100)],
        "randint": [random.randint(1, 6) for _ in range(10)],
        "randrange": [random.randrange(-50, 50, 3) for _ in range(5)],
        "big": str(random.randrange(10 ** 40)),
        "choice": [random.choice("abcdefghij") for _ in range(5)],
        "shuffle": (lambda l: (random.shuffle(l), l)[1])(list(range(12))),
        "sample": random.sample(range(1000), 8),
        "uniform": random.uniform(-2.5, 7.5),
        "gauss": [random.gauss(10, 2) for _ in range(3)],
        "choices": random.choices("xyz", weights=[5, 1, 2], k=6),
    }
    cases.append({"seed": seed if not isinstance(seed, int) else str(seed), "seedType": type(seed).__name__,
                  "values": out})
with open(OUT, "w") as f:
    json.dump(cases, f, indent=1)
print(len(cases), "seeds")
