# heapq.merge with a key: a key failing on a later item shows CPython's merge line
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
for v in heapq.merge([1, 9], [5, 6], key=bad):
    print(v)
