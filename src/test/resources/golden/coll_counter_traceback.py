# Counter errors from inside its Python methods
from collections import Counter
try:
    Counter(5)
except TypeError as e:
    print(e)
c = Counter('ab')
try:
    c.subtract(3)
except TypeError as e:
    print(e)
print(c.most_common(), c.most_common(1), Counter(a=1, b=2).most_common(5))
Counter(7)
