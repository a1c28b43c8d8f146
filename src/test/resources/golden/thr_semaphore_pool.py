# Rule: threading.Semaphore(n) lets at most n threads hold it at once; the others block
# until a release; BoundedSemaphore refuses to go above its initial value and a negative
# initial value is ValueError.
import threading
import time

slots = threading.Semaphore(2)
inside = []
peak = [0]
lock = threading.Lock()


def worker(i):
    with slots:
        with lock:
            inside.append(i)
            peak[0] = max(peak[0], len(inside))
        time.sleep(0.1)
        with lock:
            inside.remove(i)


t0 = time.perf_counter()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - t0
print(f"peak {peak[0]}, three rounds of 0.1s: {0.28 < elapsed < 0.5}")
print(slots.acquire(), slots.acquire(), slots.acquire(blocking=False), slots.acquire(timeout=0.05))
slots.release(2)
b = threading.BoundedSemaphore(1)
print(b.acquire())
b.release()
for call in (b.release, lambda: threading.Semaphore(-1), lambda: slots.acquire(False, 1), lambda: slots.release(0)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
