# heapq.merge checks its inputs are iterable only when it starts
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
for v in heapq.merge([1], 5):
    print(v)
