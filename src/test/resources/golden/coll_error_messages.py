# deque and namedtuple error messages, namedtuple class attributes
from collections import deque, namedtuple
d = deque([1,2])
for f in [lambda: d.index(5), lambda: d.remove(5), lambda: deque().pop(), lambda: deque().popleft(), lambda: d[5], lambda: deque(maxlen=-1), lambda: hash(d), lambda: d.insert(0,1) if False else deque([1],1).insert(0,2), lambda: d['a']]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
P = namedtuple('P', 'x y')
Q = namedtuple('Q', 'x y z', defaults=[0])
for f in [lambda: P(1), lambda: P(), lambda: P(1,2,3), lambda: P(1, z=2), lambda: P(1, x=2), lambda: Q(), lambda: Q(1,2,3,4), lambda: P._make([1]), lambda: P(1,2)._replace(z=1), lambda: setattr(P(1,2),'x',3), lambda: namedtuple('P','x _y'), lambda: namedtuple('P','x x'), lambda: namedtuple('P','x class'), lambda: namedtuple('1P','x'), lambda: P(1,2).z, lambda: P(1,2,y=3)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(P, P._fields, Q._field_defaults, P.__module__, P.__name__, repr(deque()), deque(range(3), 2))
