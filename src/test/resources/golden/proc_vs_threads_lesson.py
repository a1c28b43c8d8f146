# Rule: lesson-11 style comparison: CPU-bound jobs in threads vs processes
# vs sequential give identical results (timings are not printed: they
# depend on the machine and its load).
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def busy(n):
    total = 0
    for i in range(n):
        total += i % 10
    return total

def timed(label, runner, jobs):
    t0 = time.perf_counter()
    results = runner(jobs)
    return label, results, time.perf_counter() - t0

def sequential(jobs):
    return [busy(n) for n in jobs]

def threads(jobs):
    with ThreadPoolExecutor(max_workers=2) as ex:
        return [r for r in ex.map(busy, jobs)]

def processes(jobs):
    with ProcessPoolExecutor(max_workers=2) as ex:
        return [r for r in ex.map(busy, jobs)]

if __name__ == "__main__":
    jobs = [2_000_000, 2_000_000]
    for label, runner in [("sequential", sequential), ("threads", threads), ("processes", processes)]:
        name, results, dt = timed(label, runner, jobs)
        print(f"{name:>10}: {results} took more than 0: {dt > 0}")
