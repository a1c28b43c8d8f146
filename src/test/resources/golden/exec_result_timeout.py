# Rule: Future.result(timeout) and exception(timeout) raise TimeoutError when the call is still running after timeout seconds (the call keeps running); wait(timeout) returns what is done so far; as_completed(timeout) raises TimeoutError saying how many futures are unfinished; uncaught, the traceback ends in concurrent/futures/_base.py.
import time
from concurrent.futures import ThreadPoolExecutor, wait, as_completed


def job(d):
    time.sleep(d)
    return d


with ThreadPoolExecutor(max_workers=3) as ex:
    t0 = time.perf_counter()
    slow = ex.submit(job, 0.8)
    try:
        slow.result(timeout=0.2)
    except TimeoutError as e:
        print("result:", repr(e), f"after {time.perf_counter() - t0:.1f} s, running: {slow.running()}")
    try:
        slow.exception(timeout=0)
    except TimeoutError:
        print("exception(timeout=0): TimeoutError at once, done:", slow.done())
    fs = [ex.submit(job, d) for d in (0.1, 1.5)]
    done, pending = wait(fs, timeout=0.4)
    print("wait:", sorted(f.result() for f in done), len(pending), f"at {time.perf_counter() - t0:.1f}")
    try:
        for f in as_completed([slow] + fs, timeout=0.3):
            print("as_completed:", f.result(), f"at {time.perf_counter() - t0:.1f}")
    except TimeoutError as e:
        print("as_completed:", e, f"at {time.perf_counter() - t0:.1f}")
    print("slow result:", slow.result(timeout=5), f"at {time.perf_counter() - t0:.1f}")
    fs[1].result(timeout=0.1)
