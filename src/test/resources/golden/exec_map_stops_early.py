# Rule: executor.map returns a generator that waits for each result in input order; when a call raised or map's timeout ran out, the generator cancels the calls not yet started (they never run) while running ones finish; uncaught, the traceback goes through result_iterator and _result_or_cancel in concurrent/futures/_base.py.
import time
from concurrent.futures import ThreadPoolExecutor


def job(x):
    time.sleep(0.1 * x)
    print("job", x, "ran")
    return 10 // (x - 3)


with ThreadPoolExecutor(max_workers=1) as ex:
    try:
        for r in ex.map(job, [1, 3, 2, 4]):
            print("result", r)
    except ZeroDivisionError as e:
        print("map raised:", e)
print("---")
with ThreadPoolExecutor(max_workers=1) as ex:
    t0 = time.perf_counter()
    try:
        print(list(ex.map(job, [2, 5, 1], timeout=0.4)))
    except TimeoutError:
        print(f"map timed out at {time.perf_counter() - t0:.1f}")
print("---")
with ThreadPoolExecutor(max_workers=2) as ex:
    for r in ex.map(job, [1, 2, 3, 5]):
        print("result", r)
