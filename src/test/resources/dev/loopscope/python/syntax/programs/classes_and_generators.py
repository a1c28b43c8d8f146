class Counter(Base):
    """A counter."""
    total: int = 0

    def __init__(self, start=0, *, step=1, **kw):
        self.value = start
        self.step = step

    def bump(self, by=None):
        global total
        self.value += by if by is not None else self.step
        return self.value

def gen(n):
    i = 0
    while i < n:
        x = yield i
        if x:
            continue
        i += 1
    else:
        return -1

data = {k: v**2 for k, v in zip("abc", [1, 2.5, 3e3])}
first, *rest = sorted(data, key=lambda k: -data[k])
print(first, rest[1:], data.get('a', 0) // 2, {1, 2} | {3}, not (a and b or c))
try:
    assert len(rest) > 1, "short"
except (AssertionError, KeyError) as err:
    raise RuntimeError("bad") from err
finally:
    del data['a'], rest[0]
