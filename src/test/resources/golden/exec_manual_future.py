# Rule: a concurrent.futures.Future made by the program is completed by whoever calls set_result() or set_exception() (after set_running_or_notify_cancel()); result(timeout) waits for it across threads; set_result runs the done callbacks in the calling thread, in the order they were added; a cancelled future tells its producer so.
import threading
import time
from concurrent.futures import Future, TimeoutError


def producer(fut, delay, value):
    time.sleep(delay)
    if fut.set_running_or_notify_cancel():
        if isinstance(value, Exception):
            fut.set_exception(value)
        else:
            fut.set_result(value)
    else:
        print("producer: the future was cancelled")


f = Future()
print(f.done(), f.running(), f.cancelled())
threading.Thread(target=producer, args=(f, 0.2, 42)).start()
try:
    f.result(timeout=0.1)
except TimeoutError:
    print("not yet; running:", f.running(), "done:", f.done())
print(f.result(), f.done())
g = Future()
threading.Thread(target=producer, args=(g, 0.1, ValueError("bad"))).start()
print(repr(g.exception()))
h = Future()
print(h.cancel(), h.cancelled())
t = threading.Thread(target=producer, args=(h, 0.05, 1))
t.start()
t.join()
print(h.cancelled(), h.done())
c = Future()
for i in range(3):
    c.add_done_callback(lambda fut, i=i: print("callback", i, fut.result(), threading.current_thread().name))
print("setting")
c.set_result("x")
print("set done")
c.add_done_callback(lambda fut: print("late callback", fut.result()))
