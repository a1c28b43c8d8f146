# word counts with Counter
from collections import Counter
text = """the quick brown fox jumps over the lazy dog the fox
and the dog sleep while the fox runs"""
words = Counter(text.split())
print(words.most_common(3))
print(words['the'], words['cat'], words.total(), len(words))
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(5))
a = Counter(x=3, y=1); b = Counter(x=1, y=2, z=4)
print(a + b, a - b, a & b, a | b)
a.update(b); print(a); a.subtract(['x', 'x']); print(a)
print(sorted(words.elements())[:6], dict(Counter('hello')))
print(Counter({'a': 0, 'b': -1}), +Counter({'a': 0, 'b': -1, 'c': 2}))
