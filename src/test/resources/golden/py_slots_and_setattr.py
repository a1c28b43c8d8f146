# __slots__ (member descriptors, no __dict__, read-only class attributes, conflicts) and __setattr__/__delattr__ that see every assignment, property ones included.
class Point:
    __slots__ = ("x", "y")
    dims = 2
    def __init__(self, x):
        self.x = x
p = Point(1)
print(p.x, Point.x, type(Point.x).__name__, Point.__slots__)
for stmt in ["p.y", "p.z", "p.z = 1", "p.dims = 3", "p.__dict__", "vars(p)", "del p.y", "del p.z"]:
    try:
        exec(stmt)
        print(stmt, "ok")
    except (AttributeError, TypeError) as e:
        print(stmt, "->", type(e).__name__, e)
p.y = 5
print(p.y, hasattr(p, "y"), [n for n in dir(p) if not n.startswith("__")], "__dict__" in dir(p))
class Point3(Point):
    pass
q = Point3(2)
q.z = 3
print(q.z, q.__dict__, q.x)
class Named(Point):
    __slots__ = "name"
n = Named(0)
n.name = "origin"
try:
    n.extra = 1
except AttributeError as e:
    print(e)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
class Audited:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
    def _get(self):
        return self._level
    def _set(self, v):
        print("property setter", v)
        super().__setattr__("_level", v)
    level = property(_get, _set)
a = Audited()
a.level = 3
a.tag = "t"
print(a.level, vars(a))
del a.tag
print(vars(a))
