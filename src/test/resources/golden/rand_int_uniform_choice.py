# Rule: randint(a, b) (both ends included), uniform(a, b) and choice(list)
# after explicit seeds, printed with repr and with f-string formats.
import random

random.seed(0)
print([random.randint(1, 6) for i in range(12)])
print([random.randint(-5, 5) for i in range(8)])
print([random.randint(0, 10**12) for i in range(3)])
random.seed(1)
print([random.uniform(0, 1) for i in range(3)])
print([repr(random.uniform(-2.5, 2.5)) for i in range(3)])
print([f"{random.uniform(10, 20):.2f}" for i in range(5)])
random.seed(42)
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for i in range(10)])
print(random.choice(["a", "b", "c", "d", "e", "f"]), random.choice([1, 2, 3]), random.choice([i * i for i in range(100)]))
random.seed(12345)
mixed = [random.random(), random.randint(1, 100), random.uniform(1, 2), random.choice([10, 20, 30])]
print(mixed)
print(f"{mixed[0]:.5f} {mixed[1]:>5} {mixed[2]:8.3f}|")
