# Rule: cancel() only stops calls still queued; result() of a cancelled future raises concurrent.futures.CancelledError, an Exception unlike asyncio's CancelledError; shutdown(cancel_futures=True) cancels the queued calls and waits for the running one; uncaught, exception() of a cancelled future fails in _base.py.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError


def job(i):
    time.sleep(0.2)
    return i


ex = ThreadPoolExecutor(max_workers=1)
fs = [ex.submit(job, i) for i in range(3)]
time.sleep(0.1)
print("cancel:", [f.cancel() for f in fs])
print("cancelled:", [f.cancelled() for f in fs], "running:", [f.running() for f in fs])
try:
    fs[1].result()
except Exception as e:
    print("caught as Exception:", repr(e), isinstance(e, CancelledError), CancelledError is asyncio.CancelledError)
print("first:", fs[0].result())
more = [ex.submit(job, i) for i in range(3, 7)]
time.sleep(0.1)
ex.shutdown(cancel_futures=True)
print("after shutdown:", [f.cancelled() for f in more], [f.result() for f in more if not f.cancelled()])
more[-1].exception()
