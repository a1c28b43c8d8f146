# groupby consumed out of order: earlier groups are empty once groupby moves on
import itertools
data = "AAABBBCCD"
groups = [(k, g) for k, g in itertools.groupby(data)]
print([(k, list(g)) for k, g in groups])
g = itertools.groupby([1, 1, 2, 3, 3])
k, grp = next(g)
print(k, next(grp))
k2, grp2 = next(g)
print(k2, list(grp), list(grp2))
print([len(list(g)) for _, g in itertools.groupby(sorted("mississippi"))])
try:
    list(itertools.groupby([1, "a"], key=lambda x: x + 1))
except TypeError as e:
    print("TypeError", e)
print(list(itertools.islice(itertools.repeat("z"), 3)), list(itertools.repeat(0, 0)))
