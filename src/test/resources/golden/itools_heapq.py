# heapq: heap functions, nlargest/nsmallest with keys, merge, and errors
import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for x in [5, 1, 8, 3, 2, 9, 1]:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapify(data)
print(data)
print(heapreplace(data, 5), data)
print(heappushpop(data, 0), heappushpop(data, 10), data)
tasks = [(3, "write"), (1, "read"), (2, "parse"), (1, "alpha")]
heapify(tasks)
while tasks:
    print(heappop(tasks))
print(nlargest(3, [4, 1, 7, 3, 9, 2]), nsmallest(2, [4, 1, 7, 3, 9, 2]))
recs = [{"n": "a", "p": 3}, {"n": "b", "p": 1}, {"n": "c", "p": 3}, {"n": "d", "p": 2}]
print(nlargest(2, recs, key=lambda r: r["p"]), nsmallest(1, recs, key=lambda r: r["p"]))
print(nlargest(10, (x * x for x in range(4))), nsmallest(0, [1]), nlargest(-2, [1]))
print(list(merge([1, 4, 9], [2, 3, 10], [], [0, 11])))
print(list(merge(["bb", "a"], ["ccc", "dd"], key=len, reverse=True)))
print(list(merge("ace", "bdf", key=lambda c: (print("key", c), c)[1])))
for bad in [lambda: heappop([]), lambda: heapreplace([], 1), lambda: heappush((1,), 2), lambda: heapify({}),
            lambda: heappush([], 1, 2), lambda: heappop(), lambda: heappush([1], "a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Job:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return f"Job({self.prio}, {self.name!r})"
q = []
for j in [Job(3, "c"), Job(1, "a"), Job(2, "b")]:
    heappush(q, j)
print(q, heappop(q))
print(heapq.heappop([]))
