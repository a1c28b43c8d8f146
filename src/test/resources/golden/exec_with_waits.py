# Rule: leaving a `with ThreadPoolExecutor()` block calls shutdown(wait=True):
# the program waits for every submitted job before the next statement.
import time
from concurrent.futures import ThreadPoolExecutor


def job(i):
    time.sleep(0.1 * i)
    print(f"job {i} finished")
    return i


t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(job, i) for i in [3, 1, 2]]
    print("submitted, leaving the with block")
print(f"left the with block after {time.perf_counter() - t0:.1f}s")
print([f.result() for f in futures])
