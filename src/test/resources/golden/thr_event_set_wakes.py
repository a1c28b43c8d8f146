# Rule: threading.Event.wait() blocks until another thread calls set(), which wakes every
# waiter; wait(timeout) returns False when the time runs out first, and True at once when
# the event is already set.
import threading
import time

ready = threading.Event()
results = []


def waiter(name):
    ok = ready.wait()
    results.append((name, ok))


threads = [threading.Thread(target=waiter, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
time.sleep(0.1)
print("before set:", ready.is_set(), results, [t.is_alive() for t in threads])
ready.set()
for t in threads:
    t.join()
print("after set:", sorted(results))
print("already set:", ready.wait(5))
ready.clear()
t0 = time.perf_counter()
print("timed out:", ready.wait(0.2), f"{time.perf_counter() - t0:.1f}s")


def late_setter():
    time.sleep(0.1)
    ready.set()


threading.Thread(target=late_setter).start()
t0 = time.perf_counter()
print("set in time:", ready.wait(1.0), f"{time.perf_counter() - t0:.1f}s")
print(ready.isSet())
