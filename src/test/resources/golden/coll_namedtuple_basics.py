# namedtuple: construction, fields, _asdict, _replace, _make, defaults, rename, a missing argument
from collections import namedtuple
import collections
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), p < Point(1, 3))
print(p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), p._fields)
print(type(p), type(p).__name__, isinstance(p, tuple), isinstance(p, Point), Point)
Emp = collections.namedtuple('Emp', 'name, dept salary', defaults=[100])
e = Emp('ann', 'eng')
print(e, Emp._field_defaults, e.salary, sorted([Emp('b', 'x', 3), Emp('a', 'y', 9)]))
print({p: 'pt'}, set([p, Point(1, 2)]), f"{p}", str(p), repr([p]))
R = namedtuple('R', 'a def b', rename=True)
print(R._fields, R(1, 2, 3))
print(p.count(1), p.index(2), p + (3,), p * 2)
try:
    p.x = 3
except AttributeError as ex:
    print('AttributeError', ex)
print(Point(x=[1], y={'k': 'v'}))
for pt in [Point(1, 2), Point(3, 4)]:
    print(pt.x + pt.y)
print(Point(1, 2)._replace())
Point(1)
