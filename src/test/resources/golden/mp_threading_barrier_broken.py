# Rule: a Barrier wait() that times out breaks the barrier: the waiters and every later wait() raise threading.BrokenBarrierError (a RuntimeError) until reset(); abort() breaks it at once.
import threading
import time

b = threading.Barrier(2, timeout=0.1)
t0 = time.monotonic()
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("broken after", round(time.monotonic() - t0, 1), repr(e), b.broken)
b.reset()
print("after reset:", b.broken, b.n_waiting)
c = threading.Barrier(2)


def waiter():
    try:
        c.wait()
    except threading.BrokenBarrierError:
        print("waiter: broken")


t = threading.Thread(target=waiter)
t.start()
time.sleep(0.01)
print("waiting:", c.n_waiting)
c.abort()
t.join()
print(issubclass(threading.BrokenBarrierError, RuntimeError))
c.wait()
