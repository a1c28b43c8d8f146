# Rule: a negative timeout on a blocking get() raises ValueError from queue.py line 173 even when an item is waiting, while put() on a queue with room never looks at its timeout.
import queue

q = queue.Queue()
q.put("waiting", timeout=-1)
try:
    q.get(timeout=-0.5)
except ValueError as e:
    print("ValueError:", e, q.qsize())
print(q.get(block=False))
q.get(block=True, timeout=-1)
