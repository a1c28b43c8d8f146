# defaultdict's __init__: a subclass calling it, items and keywords, a generator, and a factory that is not callable
from collections import defaultdict
class DD(defaultdict):
    def __init__(self):
        super().__init__(list, {"k": [0]}, z=[1])
d = DD(); d["a"].append(1); print(d, d.default_factory)
print(defaultdict(int, [("a", 1)], b=2), defaultdict(default_factory=None))
print(defaultdict(list, (p for p in [(1, 2)])))
defaultdict(3)
