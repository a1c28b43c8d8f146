# Rule: the generator state advances with every call; reseeding restarts the
# sequence; randint and choice consume from the same stream as random().
import random

random.seed(99)
first = [random.random() for i in range(4)]
random.seed(99)
again = [random.random() for i in range(4)]
print(first == again, first)
random.seed(99)
random.random()
print(repr(random.random()))
random.seed(3)
print(random.randint(1, 10), random.random(), random.choice([1, 2, 3]), random.uniform(0, 5))
random.seed(3)
print(random.random(), random.randint(1, 10))
total = 0
random.seed(5)
for i in range(1000):
    total += random.randint(1, 6)
print("sum of 1000 dice:", total)
