# Rule: I/O-bound work (time.sleep releases the GIL) overlaps in threads:
# four 0.3 s waits take about 0.3 s with four workers, 1.2 s sequentially.
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(i):
    time.sleep(0.3)
    return f"page{i}"


t0 = time.perf_counter()
seq = [fetch(i) for i in range(4)]
print("sequential:", seq, f"{time.perf_counter() - t0:.1f}s")
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as ex:
    par = [r for r in ex.map(fetch, range(4))]
print("threads:   ", par, f"{time.perf_counter() - t0:.1f}s")
