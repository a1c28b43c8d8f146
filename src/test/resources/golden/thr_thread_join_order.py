# Rule: threading.Thread runs its target on a new thread; join() waits for it to end,
# is_alive() is true from start() until the target returns, and threads sleeping in
# time.sleep() overlap, so three 0.1-0.3 s sleeps take about 0.3 s in all.
import threading
import time


def worker(n, delay):
    time.sleep(delay)
    print(f"worker {n} wakes after {delay:.1f}s in {threading.current_thread().name}")


t0 = time.perf_counter()
threads = [threading.Thread(target=worker, args=(n, 0.1 * (3 - n))) for n in range(3)]
print([t.is_alive() for t in threads], [t.ident is None for t in threads])
for t in threads:
    t.start()
print("all started:", [t.is_alive() for t in threads], threading.active_count())
for t in threads:
    t.join()
    print(f"joined {t.name}: alive={t.is_alive()}")
print(f"elapsed {time.perf_counter() - t0:.1f}s, active {threading.active_count()}")
t = threading.Thread(target=worker, kwargs={"n": 9, "delay": 0.5})
t.start()
t.join(timeout=0.1)
print("after join(0.1):", t.is_alive())
t.join()
print("after join():", t.is_alive())
