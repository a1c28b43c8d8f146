# heapq.nsmallest and nlargest take each item's key as the item arrives, as CPython does
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
print(heapq.nsmallest(3, gen([4, 1, 2, 3, 5]), key=lambda v: (print('key', v), -v)[1]))
print(heapq.nlargest(3, gen([4, 1, 2, 3, 5]), key=lambda v: (print('key', v), -v)[1]))
