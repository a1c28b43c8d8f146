# Rule: random.seed(n) makes random() reproducible; full-precision reprs of
# the first values for several seeds, including big and negative ones.
import random

for seed in [0, 1, 42, 12345, 2**40 + 3, -1, -42, 2**64]:
    random.seed(seed)
    values = [random.random() for i in range(3)]
    print(seed, values)
random.seed(-7)
a = random.random()
random.seed(7)
print("seed -7 equals seed 7:", a == random.random())
