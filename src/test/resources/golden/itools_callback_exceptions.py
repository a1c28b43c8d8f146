# exceptions raised inside functions that itertools calls unwind with CPython's traceback
import itertools

def key(x):
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x % 2

def gen():
    yield 1
    yield 2
    raise KeyError("gen failed")

try:
    print(list(itertools.takewhile(lambda v: v < 10, gen())))
except KeyError as e:
    print("caught", repr(e))

def stop_early():
    for k, g in itertools.groupby(range(5), key):
        print(k, list(g))

try:
    stop_early()
except ValueError as e:
    print("caught", e)

print(list(itertools.accumulate(range(6), lambda a, b: a + key(b) if b != 3 else a)))
print(list(itertools.starmap(lambda a, b: a / b, [(1, 2), (3, 0)])))
