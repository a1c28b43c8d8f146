# OrderedDict as a tiny LRU cache
from collections import OrderedDict
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = OrderedDict()
    def get(self, k):
        if k not in self.data:
            return None
        self.data.move_to_end(k)
        return self.data[k]
    def put(self, k, v):
        self.data[k] = v
        self.data.move_to_end(k)
        if len(self.data) > self.cap:
            print('evict', self.data.popitem(last=False))
c = LRU(2)
c.put('a', 1); c.put('b', 2); c.get('a'); c.put('c', 3)
print(c.data, list(c.data), c.data.popitem(), list(reversed(OrderedDict(x=1, y=2))))
o = OrderedDict.fromkeys('abc', 0)
print(o, type(o).__name__, o == {'c': 0, 'b': 0, 'a': 0})
o.move_to_end('missing')
