# heapq.nsmallest: a generator failing after the first n items shows the 'for elem in it:' line
import heapq
def bad(x):
    if x == 9: raise ValueError("k")
    return x
def gen(xs):
    for x in xs:
        print("gen", x)
        if x == 8: raise KeyError("g")
        yield x
print(heapq.nsmallest(2, gen([1, 2, 3, 8])))
