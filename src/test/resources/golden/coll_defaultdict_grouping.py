# grouping with defaultdict
from collections import defaultdict
records = [("eng", "ann"), ("ops", "bob"), ("eng", "cid"), ("hr", "dee"), ("ops", "eve")]
by_dept = defaultdict(list)
for dept, name in records:
    by_dept[dept].append(name)
print(by_dept)
for dept in sorted(by_dept):
    print(dept, by_dept[dept])
counts = defaultdict(int)
for dept, _ in records:
    counts[dept] += 1
print(dict(counts), counts['none'], counts)
graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3)]:
    graph[a].add(b); graph[b].add(a)
print(sorted((k, sorted(v)) for k, v in graph.items()))
tree = lambda: defaultdict(tree)
t = tree(); t['a']['b']['c'] = 1
print(t['a']['b']['c'], 'x' in t, len(t))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(dict(nested['x']), nested.default_factory is not None)
d = defaultdict(list, {'k': [1]}); print(d.copy(), d.pop('k'), d)
print(d['missing'], d.get('other'), d)
d.default_factory = None
d['boom']
