# Rule: put_nowait/put(block=False) on a full queue raise queue.Full, get_nowait on an empty one raises queue.Empty (the C class _queue.Empty), and timed put/get raise them once the timeout has passed.
import queue
import time

q = queue.Queue(maxsize=1)
q.put("a")
for attempt in (lambda: q.put_nowait("b"), lambda: q.put("b", block=False), lambda: q.put("b", timeout=0.2)):
    t0 = time.monotonic()
    try:
        attempt()
    except queue.Full as e:
        print("Full", repr(e), round(time.monotonic() - t0, 1))
print(q.get())
for attempt in (q.get_nowait, lambda: q.get(False), lambda: q.get(timeout=0.3)):
    t0 = time.monotonic()
    try:
        attempt()
    except queue.Empty as e:
        print("Empty", repr(e), type(e), round(time.monotonic() - t0, 1))
print(queue.Empty.__module__, queue.Full.__module__, issubclass(queue.Full, Exception))
q.put(1, timeout=-1)
print("a timeout is not checked while there is room:", q.get())
q.get(timeout=-1)
