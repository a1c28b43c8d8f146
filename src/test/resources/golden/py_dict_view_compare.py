# dict keys and items views compare with sets, frozensets and each other as sets do (==, !=, <=, <, >, >=), either side first.
d = {"a": 1, "b": 2}
print(d.keys() == {"a", "b"}, d.items() == {("a", 1), ("b", 2)}, {"a", "b"} == d.keys(), d.keys() == frozenset("ab"))
print(d.keys() == ["a", "b"], d.keys() != {"a"}, d.values() == d.values(), d.keys() == d.keys(), d.items() == dict(d).items())
print(d.keys() <= {"a", "b", "c"}, d.keys() < {"a"}, {"a"} < d.keys(), d.items() >= {("a", 1)}, d.keys() > d.keys())
print(d.items() & {("a", 1)}, d.keys() | ["z"], d.items() - {("a", 1)}, d.keys().isdisjoint({"q"}), d.keys() ^ {"a", "c"})
try:
    print(d.keys() < ["a"])
except TypeError as e:
    print(e)
