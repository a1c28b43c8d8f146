# Rule: queue.SimpleQueue is unbounded (put never blocks), get() blocks a thread until an item comes; get_nowait() on an empty one raises _queue.Empty from C code, with no library line in the traceback.
import queue
import threading
import time

sq = queue.SimpleQueue()


def late_put():
    time.sleep(0.05)
    sq.put("late")


threading.Thread(target=late_put).start()
t0 = time.monotonic()
print(sq.get(), round(time.monotonic() - t0, 2))
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.get(), sq.get(block=False), sq.empty())
try:
    sq.get(timeout=0.05)
except queue.Empty:
    print("timed out")
sq.get_nowait()
