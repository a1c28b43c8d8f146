# Rule: CPU-bound functions in a ThreadPoolExecutor give the same results as
# running them one by one, but the GIL lets only one run Python code at a
# time, so the threads are not faster (printed as a robust comparison).
import time
from concurrent.futures import ThreadPoolExecutor


def count_primes(limit):
    found = 0
    for n in range(2, limit):
        d = 2
        is_prime = True
        while d * d <= n:
            if n % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            found += 1
    return found


limits = [20000, 20000, 20000, 20000]
t0 = time.perf_counter()
seq = [count_primes(x) for x in limits]
t_seq = time.perf_counter() - t0
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as ex:
    thr = [r for r in ex.map(count_primes, limits)]
t_thr = time.perf_counter() - t0
print("sequential:", seq)
print("threads:   ", thr)
print("threads at least 70% of sequential time:", t_thr > 0.7 * t_seq)
