# Tracebacks from collections errors
from collections import deque, namedtuple, defaultdict, Counter, OrderedDict
for f in [lambda: deque([1]).index(2), lambda: deque().popleft(), lambda: deque([1])[3],
          lambda: deque([1]).remove(7), lambda: namedtuple('P', 'x')(1, 2), lambda: defaultdict(7),
          lambda: defaultdict()['k'], lambda: OrderedDict().popitem(), lambda: Counter(5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(deque([1, [2, 3]], 5), defaultdict(int, a=1), Counter(b=1, a=3, c=3), OrderedDict([(1, 'a')]))
dd = defaultdict(list)
dd[1].append(dd)
print(dd)
x = namedtuple('x', 'a b')(1, 2)
print(x.a, x)
deque([1, 2]).index(3)
