# Rule: LifoQueue hands back the last item put first; PriorityQueue the smallest (tuples compare item by item), and items that cannot be compared fail in put() with a TypeError raised through queue.py.
import queue

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for _ in range(lq.qsize())])
pq = queue.PriorityQueue()
for job in [(3, "write"), (1, "read"), (2, "parse"), (1, "open"), (0, "boot"), (5, "close")]:
    pq.put(job)
order = []
while not pq.empty():
    order.append(pq.get_nowait())
print(order)
pq.put((1, {"a": 1}))
pq.put((1, {"b": 2}))
