# Rule: put() on a full bounded queue.Queue blocks the putting thread until a get() makes room; each put here waits about as long as the slow consumer sleeps.
import queue
import threading
import time

q = queue.Queue(maxsize=2)
got = []


def slow_consumer():
    for _ in range(5):
        time.sleep(0.1)
        got.append(q.get())


t = threading.Thread(target=slow_consumer)
t.start()
for i in range(5):
    t0 = time.monotonic()
    q.put(i)
    print("put", i, "after", round(time.monotonic() - t0, 1), "s")
t.join()
print(got, q.qsize(), q.maxsize, q.full())
