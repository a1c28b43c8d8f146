# deque, defaultdict, Counter and OrderedDict basics: reprs, missing keys, rotation, maxlen, mutation during iteration
from collections import defaultdict, Counter, OrderedDict, deque
d = defaultdict(list)
d['a'].append(1); d['b']
print(d, d['a'], len(d), d.default_factory, dict(d))
n = defaultdict(int)
for w in "a b a c a b".split(): n[w] += 1
print(n, sorted(n.items()), n.get('zz'), 'zz' in n)
s = defaultdict(set); s[1].add(2); print(s)
l = defaultdict(lambda: 'x'); print(l[3], repr(l)[:30])
e = defaultdict(); 
try: e['q']
except KeyError as ex: print('KeyError', ex)
print(defaultdict(None, {1: 2}), isinstance(d, dict), type(d), type(d).__name__)
c = Counter("abracadabra")
print(c, c['z'], c.most_common(2), c.total())
c.update("aaz"); print(c)
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c2 - c, c | c2, c & c2, Counter(), list(c.elements())[:5])
c.subtract({'a': 100}); print(c, +c, -c)
del c['nope']; print(c == Counter(c), Counter('ab') == Counter('ba'))
o = OrderedDict(); o['x'] = 1; o['y'] = 2; o['z'] = 3
o.move_to_end('x'); print(o); o.move_to_end('z', last=False); print(o)
print(o.popitem(), o.popitem(last=False), o, OrderedDict())
try: OrderedDict().popitem()
except KeyError as ex: print('KeyError', ex)
try: o.move_to_end('nope')
except KeyError as ex: print('KeyError', ex)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
q = deque([1, 2, 3], maxlen=5)
q.append(4); q.appendleft(0); q.append(5); print(q, q.maxlen, len(q), 3 in q, q[0], q[-1])
q.rotate(2); print(q); q.rotate(-3); print(q)
q.extend([7, 8]); q.extendleft([9]); print(q, q.count(7), q.index(7), list(reversed(q)))
q.clear(); print(q, bool(q))
try: q.popleft()
except IndexError as ex: print(ex)
r = deque(); r.append(r); print(r)
print(deque('abc') == deque('abc'), deque([1]) < deque([2]))
x = deque([1,2,3])
try:
    for i in x: x.append(i)
except RuntimeError as ex: print(ex)
del x[0]; x[0] = 9; print(x, x.pop(), x.popleft(), x)
