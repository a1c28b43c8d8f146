# Rule: threading.Timer is a Thread (named Thread-N) that calls the function after the interval unless cancel() came first; a cancelled timer thread ends at once.
import threading
import time

start = time.monotonic()


def ring(label):
    print("ring", label, round(time.monotonic() - start, 1), threading.current_thread().name)


t1 = threading.Timer(0.3, ring, args=("one",))
t2 = threading.Timer(0.2, ring, kwargs={"label": "two"})
t3 = threading.Timer(0.5, ring, ["never"])
for t in (t1, t2, t3):
    t.start()
time.sleep(0.1)
t3.cancel()
print("cancelled t3:", t3.finished.is_set())
for t in (t1, t2, t3):
    t.join()
print("all done at", round(time.monotonic() - start, 1), [t.is_alive() for t in (t1, t2, t3)])
