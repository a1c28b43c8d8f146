# operator: functions, itemgetter/attrgetter/methodcaller with reprs and errors
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce
print(operator.add(2, 3), operator.mul("ab", 2), operator.sub(5.5, 1), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-1), operator.abs(-3), operator.invert(5))
print(operator.lt(1, 2), operator.ge("a", "b"), operator.eq([1], [1]), operator.ne(1, 1.0), operator.not_(0), operator.truth([]))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 5), operator.rshift(64, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.getitem("abc", 1))
print(operator.index(7), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l)
print(operator.iadd([1], [2]), operator.iadd(1, 2))
print(reduce(operator.mul, range(1, 6)), reduce(operator.add, ["a", "b", "c"]))
rows = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "SF")]
print(sorted(rows, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), rows)), itemgetter(2)(rows[0]), itemgetter(slice(1, None))(rows[0]))
print(itemgetter(1), itemgetter("a", 2), attrgetter("x", "y.z"), methodcaller("split", ",", maxsplit=1))
print(methodcaller("upper")("abc"), methodcaller("split", ",", maxsplit=1)("a,b,c"))
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
pts = [P(3, 1), P(1, 2), P(2, 0)]
print(sorted(pts, key=attrgetter("x")), max(pts, key=attrgetter("y")), attrgetter("x", "y")(pts[0]))
print(attrgetter("real.numerator")(3))
print(operator.add, itemgetter, type(itemgetter(1)))
for bad in [lambda: operator.add(1), lambda: operator.add(1, "a"), lambda: operator.neg("a"),
            lambda: itemgetter(5)([1]), lambda: itemgetter(1)(), lambda: attrgetter("nope")(pts[0]),
            lambda: attrgetter(1), lambda: methodcaller(), lambda: operator.index(1.5), lambda: operator.indexOf([1], 2),
            lambda: operator.truediv(1, 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(itemgetter("k")({"j": 1}))
