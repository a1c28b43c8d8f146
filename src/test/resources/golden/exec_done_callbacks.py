# Rule: Future.add_done_callback(fn) calls fn(future) in the worker thread that finishes the call, right after the result is set, in the order the callbacks were added; on a future that is already done it calls fn at once in the calling thread; cancel() runs them in the cancelling thread.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(x):
    time.sleep(0.1 * x)
    return x * 2


def report(fut):
    print("report:", fut.result(), "in", threading.current_thread().name)


def second(fut):
    print("second callback, done:", fut.done())


with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(job, 2)
    f.add_done_callback(report)
    f.add_done_callback(second)
    queued = ex.submit(job, 1)
    queued.add_done_callback(lambda fut: print("queued one cancelled:", fut.cancelled(), "in", threading.current_thread().name))
    print("cancel queued:", queued.cancel())
    time.sleep(0.5)  # the worker finishes at 0.2 s and runs the callbacks meanwhile
    print("result:", f.result())
print("after with")
f.add_done_callback(report)
