# thread pool tallying results into a Counter and a defaultdict
from concurrent.futures import ThreadPoolExecutor
from collections import Counter, defaultdict, namedtuple
Result = namedtuple("Result", "worker value")
def job(i):
    return Result(i % 3, i * i)
with ThreadPoolExecutor(max_workers=3) as ex:
    results = list(ex.map(job, range(10)))
tally = Counter(r.worker for r in results)
sums = defaultdict(int)
for r in results:
    sums[r.worker] += r.value
print(tally, dict(sums), results[:3])
print(tally.most_common(), tally.most_common(1), tally.most_common(0))
print(Counter('aabbbc') == Counter({'a': 2, 'b': 3, 'c': 1}), Counter() == Counter(a=0))
c = Counter(['x', 'y', 'x'])
c['z'] += 0
del c['y']
print(c, c.total(), list(c), c.keys(), c.values())
c += Counter(x=-5)
print(c)
print(Counter(a=1) + {'b': 2})
