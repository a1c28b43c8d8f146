# Rule: functools.lru_cache with and without parentheses, functools.cache, cache_info()
# counts, eviction of the least recently used entry, typed=True, keyword arguments as
# distinct keys, cache_clear(), and a cache on a method (keyed by the instance too).
import functools


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(40), fib.cache_info())


@functools.lru_cache(maxsize=2)
def load(key):
    print("load", key)
    return key.upper()


for k in ["a", "b", "a", "c", "b", "a"]:
    load(k)
print(load.cache_info())
load.cache_clear()
print(load.cache_info(), load.cache_parameters())


@functools.cache
def power(base, exp=2):
    print("power", base, exp)
    return base ** exp


print(power(3), power(3), power(3, 2), power(base=3), power(3, exp=2))
print(power.cache_info())


@functools.lru_cache(maxsize=None, typed=True)
def kind(x):
    print("kind", repr(x))
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind(1))
print(kind.cache_info())


class Grid:
    def __init__(self, size):
        self.size = size

    @functools.lru_cache(maxsize=16)
    def cell(self, i):
        print("cell", self.size, i)
        return i * self.size


g = Grid(3)
print(g.cell(2), g.cell(2), Grid(4).cell(2), Grid.cell.cache_info())
try:
    power([1])
except TypeError as e:
    print("TypeError:", e)
print(power.__wrapped__(2, 3), power.__name__)
