# Rule: threading.Lock is not reentrant and blocks other threads while held; `with lock:`
# acquires and releases it; acquire(blocking=False) and acquire(timeout=...) give up and
# return False; releasing an unlocked lock is RuntimeError('release unlocked lock').
import threading
import time

lock = threading.Lock()
total = 0


def add(n):
    global total
    for _ in range(n):
        with lock:
            value = total
            time.sleep(0.001)
            total = value + 1


threads = [threading.Thread(target=add, args=(20,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total", total, lock.locked())

print(lock.acquire(), lock.locked())
print("non-blocking:", lock.acquire(blocking=False))
t0 = time.perf_counter()
print("with timeout:", lock.acquire(timeout=0.2), f"after {time.perf_counter() - t0:.1f}s")


def releaser():
    time.sleep(0.1)
    print("releaser releases")
    lock.release()


r = threading.Thread(target=releaser)
r.start()
t0 = time.perf_counter()
print("blocking acquire:", lock.acquire(), f"after {time.perf_counter() - t0:.1f}s")
lock.release()
r.join()
for call in (lock.release, lambda: lock.acquire(False, 1), lambda: lock.acquire(timeout=-2)):
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
