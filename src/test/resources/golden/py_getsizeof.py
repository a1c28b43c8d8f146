# sys.getsizeof as CPython 3.12 (64-bit) reports it: ints by 30-bit digits, compact strings by width, tuples, lists by what CPython allocated (appends, literals, list(), extend, pop), dicts and sets by table size, generators by frame size.
import sys
print([sys.getsizeof(v) for v in [0, 1, 2**30, 2**60, 2**100, -1, True, 1.5, None, object(), range(10)]])
print([sys.getsizeof(s) for s in ["", "a", "hello", "abc" * 10, "é", "aé", "üüüüü", "中", "中文字", "😀", "a😀"]])
print([sys.getsizeof(t) for t in [(), (1,), (1, 2), tuple(range(10))]])
x, y = 5, "s"
print([sys.getsizeof(l) for l in [[], [1], [1, 2], [1, 2, 3], [x, y], [x, y, x], list(range(10)), list("abc"), [0] * 10,
                                  [i for i in range(10)], list(i for i in range(9)), sorted(range(5))]])
grow = []
sizes = []
for i in range(20):
    grow.append(i)
    sizes.append(sys.getsizeof(grow))
print(sizes)
for i in range(17):
    grow.pop()
print(sys.getsizeof(grow), len(grow))
ext = [1, 2, 3]
ext.extend([4, 5, 6, 7])
empty = []
empty.extend(range(5))
print(sys.getsizeof(ext), sys.getsizeof(empty))
ints, strs = {}, {}
isz, ssz = [], []
for i in range(25):
    ints[i] = i
    strs[f"k{i}"] = i
    isz.append(sys.getsizeof(ints))
    ssz.append(sys.getsizeof(strs))
print(sys.getsizeof({}), isz)
print(ssz)
print([sys.getsizeof({i: i for i in range(n)}) for n in range(0, 40, 7)], sys.getsizeof({"a": 1}))
s = set()
setsz = []
for i in range(20):
    s.add(i)
    setsz.append(sys.getsizeof(s))
print(sys.getsizeof(set()), setsz, sys.getsizeof(set(range(100))))
def countdown(n):
    while n:
        yield n
        n -= 1
print(sys.getsizeof(x * x for x in range(10**6)), sys.getsizeof(countdown(3)), sys.getsizeof([x * x for x in range(1000)]))
class Plain:
    pass
class Slotted:
    __slots__ = ("a", "b")
print(sys.getsizeof(Plain()), sys.getsizeof(Slotted()), sys.getsizeof(Plain), sys.getsizeof(Slotted), sys.getsizeof(countdown))
