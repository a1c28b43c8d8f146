# a bounded history with deque(maxlen) fed by threads
import threading
from collections import deque
history = deque(maxlen=3)
lock = threading.Lock()
def record(n):
    for i in range(n):
        with lock:
            history.append(i)
ts = [threading.Thread(target=record, args=(5,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(len(history), history.maxlen, list(history) == [2, 3, 4] or list(history))
h = deque(range(10), maxlen=4)
print(h)
h.appendleft(-1); print(h)
h.extendleft([100, 200]); print(h)
print(h.index(200), h.count(100), 200 in h, 5 in h)
print(deque(), deque([]), deque(maxlen=0), repr(deque('ab')), str(deque((1, 'x', None))))
z = deque(maxlen=0); z.append(1); print(z)
print(h.pop(), h.popleft(), h)
h.remove(-1) if -1 in h else None
print(h, h.copy(), list(reversed(h)))
h.reverse(); print(h)
h.insert(0, 'x')
