# Sets of strings iterate in CPython's order (str hashes as with PYTHONHASHSEED=0), set literals included.
words = "the quick brown fox jumps over the lazy dog the end".split()
print(set(words))
print({w.upper() for w in words})
print({'apple', 'banana', 'cherry', 'date'})
print(set(['apple', 'banana', 'cherry', 'date']))
for w in {'apple', 'banana', 'cherry'}:
    print(w, end=' ')
print()
print([w for w in {'banana', 'apple', 'kiwi'}])
print(set("mississippi"), frozenset({'x', 'yy', 'zzz'}))
print({('a', 1), ('b', 2), ('c', 3)}, {'é', 'ü', '中', '😀', 'a'})
tags = {'red', 'green'}
tags.add('blue')
tags.discard('red')
print(tags, tags | {'cyan', 'pink'}, tags & {'blue'}, tags ^ {'green', 'black'})
inventory = {'bolts': 3, 'nuts': 5, 'washers': 0}
print(set(inventory), inventory.keys() | {'screws'})
print(hash('hello'), hash(''), hash('é'), hash(('a', 'b')), hash(frozenset({'a'})))
