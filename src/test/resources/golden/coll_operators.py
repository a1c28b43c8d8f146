# deque with builtins, unpacking, + and *; dict-subclass | and Counter comparisons; namedtuple __doc__

from collections import deque, Counter, defaultdict, OrderedDict, namedtuple
d = deque([3, 1, 2])
print(sorted(d), sum(d), list(d), max(d), [x for x in enumerate(d)], *d)
a, b, c = d
print(a, b, c, d.copy())
print(deque([1]) + deque([2]))
print(d * 2)
print(isinstance(Counter(), dict), defaultdict(list, a=[1]).copy(), Counter("aa").copy())
print(type(deque), deque.__name__, deque.__module__, repr(deque), Counter.__module__, repr(defaultdict))
P = namedtuple('P', 'x y')
print(P(1, [2]), P.__doc__, P(1, 2).__class__)
print(OrderedDict(a=1) | {'b': 2})
dd = defaultdict(list); dd.setdefault('k', []).append(1); print(dd)
print(str(Counter('a')), f"{deque([1])!s}", Counter('ab') < Counter('abc'))
