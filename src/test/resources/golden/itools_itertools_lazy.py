# itertools over generators and with Python functions: lazy order of work
import itertools
from itertools import count, cycle, repeat, chain, islice, product, permutations, combinations, accumulate
from itertools import groupby, zip_longest, starmap, takewhile, dropwhile, pairwise, batched, tee

def gen(name, n):
    for i in range(n):
        print(f"  {name} gives {i}")
        yield i
    print(f"  {name} done")

print(list(islice(gen("a", 10), 2, 8, 3)))
print(list(islice(count(5, 3), 4)))
print(list(islice(cycle(gen("c", 3)), 7)))
print(list(repeat("x", 3)), repr(repeat(1)), repr(repeat(1, 2)))
r = repeat(7, 2); next(r); print(r)
c = count(10); next(c); next(c); print(c, count(1.5, 0.25), count(step=-1))
print(list(chain(gen("d", 2), [10, 11], "ab")))
print(list(chain.from_iterable(gen("e", 0) if i == 1 else range(i) for i in range(4))))
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)))
print(list(permutations("abc", 2)))
print(list(permutations(range(3))))
print(list(combinations("abcd", 2)), list(combinations(range(3), 5)))
print(list(itertools.combinations_with_replacement("ab", 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(accumulate(gen("f", 3), max)))
for k, g in groupby("aaabccdaa"):
    print(k, list(g))
for k, g in groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=len), key=len):
    print(k, list(g))
groups = groupby(gen("g", 5), key=lambda x: x // 2)
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(zip_longest("abc", gen("h", 1), fillvalue="-")))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [[1, 2, 3], (4,)])))
print(list(takewhile(lambda x: x < 3, gen("i", 10))))
print(list(dropwhile(lambda x: x < 3, gen("j", 5))))
print(list(pairwise(gen("k", 4))), list(pairwise("a")))
print(list(batched(gen("l", 7), 3)), list(batched("abcdef", 2)))
t1, t2 = tee(gen("m", 3))
print(next(t1), next(t1), list(t2), list(t1))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.filterfalse(None, [0, 1, "", "x"])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))))
print(sum(islice(count(), 100)), max(takewhile(lambda v: v < 50, count(0, 7))))
print(sorted(chain([3, 1], (x * x for x in range(3))), reverse=True))
print(dict(zip_longest("ab", range(3))))
print(type(count()), type(groupby([])), type(tee([1])[0]))
it = islice("abcdef", 1, None)
print(next(it), next(it), list(it), list(it))
