# Rule: sum() over a generator expression runs the generator's bytecode in the
# calling thread, so the GIL is handed over every 5 ms inside one long sum():
# two threads each summing for about 0.3 s take turns and both finish at about
# 0.6 s, neither one long before the other.
import time
from concurrent.futures import ThreadPoolExecutor

N = 8_500_000


def work():
    total = sum(i * 3 for i in range(N))
    return total, time.perf_counter() - start


start = time.perf_counter()
alone = sum(i * 3 for i in range(N))
print("one sum alone takes", round(time.perf_counter() - start, 1), "s")
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=2) as ex:
    a = ex.submit(work)
    b = ex.submit(work)
for name, future in [("A", a), ("B", b)]:
    total, finished = future.result()
    print(name, "finished at", round(finished, 1), "s, total", total)
print("both done at", round(time.perf_counter() - start, 1), "s")
