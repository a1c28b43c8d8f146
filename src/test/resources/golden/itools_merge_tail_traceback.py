# heapq.merge: once one input is left it passes through with 'yield from', as the traceback shows
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
for v in heapq.merge(gen([1, 2, 8]), [0]):
    print(v)
