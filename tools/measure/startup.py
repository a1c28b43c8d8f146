"""Start-up and overhead figures for threads and processes.

Run:  python3.12 tools/measure/startup.py
 * thread start-up: Thread(target=noop).start() until it returns, and
   start + join, median of 200;
 * ThreadPoolExecutor per-call overhead: submit(noop).result() on a warm pool;
 * ProcessPoolExecutor (fork) first-result latency for max_workers=1..4:
   from constructing the executor to the first result of a trivial call,
   and the time to shut it down; median of 7;
 * ProcessPoolExecutor per-call overhead on a warm pool (submit+result);
 * pickling throughput of a list of 1,000,000 small ints (dumps and loads);
 * sys.getswitchinterval();
 * two CPU-bound threads each summing range(5_000_000) with a Python loop
   vs one thread doing one such sum, and vs doing both sequentially.
"""
import os
import pickle
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def noop(x=None):
    return x


def med(f, n):
    return statistics.median(f() for _ in range(n))


def ms(xs, scale=1e3, unit="ms", fmt=".1f"):
    """'median (best)' of a list of seconds."""
    return f"{statistics.median(xs) * scale:{fmt}} {unit} (best {min(xs) * scale:{fmt}})"


def thread_start():
    t = threading.Thread(target=noop)
    t0 = time.perf_counter()
    t.start()
    t1 = time.perf_counter()
    t.join()
    t2 = time.perf_counter()
    return t1 - t0, t2 - t0


def process_first_result(n):
    t0 = time.perf_counter()
    ex = ProcessPoolExecutor(max_workers=n)
    ex.submit(noop, 1).result()
    t1 = time.perf_counter()
    ex.shutdown()
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def count(n):
    s = 0
    for i in range(n):
        s += i
    return s


def main():
    print(f"CPython {sys.version.split()[0]}, os.cpu_count()={os.cpu_count()}")
    print(f"sys.getswitchinterval() = {sys.getswitchinterval()}")
    r = [thread_start() for _ in range(200)]
    print(f"thread start() returns after {ms([x[0] for x in r], 1e6, 'us', '.0f')}, "
          f"start+join of a no-op {ms([x[1] for x in r], 1e6, 'us', '.0f')}")
    with ThreadPoolExecutor(max_workers=1) as ex:
        ex.submit(noop).result()
        samples = []
        for _ in range(2000):
            t0 = time.perf_counter()
            ex.submit(noop).result()
            samples.append(time.perf_counter() - t0)
    print(f"ThreadPoolExecutor submit+result round trip (warm): {ms(samples, 1e6, 'us', '.0f')}")
    for n in range(1, 5):
        r = [process_first_result(n) for _ in range(7)]
        print(f"ProcessPoolExecutor(max_workers={n}) first result {ms([x[0] for x in r])}, "
              f"shutdown {ms([x[1] for x in r])}")
    with ProcessPoolExecutor(max_workers=1) as ex:
        ex.submit(noop).result()
        samples = []
        for _ in range(500):
            t0 = time.perf_counter()
            ex.submit(noop, 1).result()
            samples.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(ex.map(noop, range(2000)))
        mapped = (time.perf_counter() - t0) / 2000
    print(f"ProcessPoolExecutor submit+result round trip (warm): {ms(samples, 1e6, 'us', '.0f')}; "
          f"map of 2000 trivial calls: {mapped * 1e6:.0f} us per call")
    data = list(range(1_000_000))
    blob = pickle.dumps(data)
    d = med(lambda: timed(pickle.dumps, data), 7)
    l = med(lambda: timed(pickle.loads, blob), 7)
    print(f"pickle list of 1e6 ints: {len(blob)} bytes, dumps {d * 1e3:.1f} ms "
          f"({len(blob) / d / 1e6:.0f} MB/s), loads {l * 1e3:.1f} ms ({len(blob) / l / 1e6:.0f} MB/s)")
    small = list(range(100))
    sb = pickle.dumps(small)
    ds = med(lambda: timed(pickle.dumps, small), 51)
    print(f"pickle list of 100 ints: {len(sb)} bytes, dumps {ds * 1e6:.1f} us")
    one = med(lambda: timed(count, 5_000_000), 5)
    seq = med(lambda: timed(lambda: (count(5_000_000), count(5_000_000))), 3)

    def two_threads():
        ts = [threading.Thread(target=count, args=(5_000_000,)) for _ in range(2)]
        t0 = time.perf_counter()
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return time.perf_counter() - t0
    two = med(two_threads, 5)
    print(f"sum range(5_000_000) once: {one:.3f} s; twice sequentially: {seq:.3f} s; "
          f"two threads at once: {two:.3f} s (ratio to one: {two / one:.2f})")


def timed(f, *a):
    t0 = time.perf_counter()
    f(*a)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
