# heapq.nlargest: a key that fails after the first n items shows CPython's heapq.py line
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
print(heapq.nlargest(2, iter([1, 2, 3, 9]), key=bad))
