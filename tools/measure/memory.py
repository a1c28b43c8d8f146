"""Memory figures: bytes per idle coroutine, per pending Task, per started
thread (RSS and virtual size), per ProcessPoolExecutor worker (RSS and PSS).

Run:  python3.12 tools/measure/memory.py
RSS/VmSize/PSS come from /proc (Linux).  Each figure is the median of 3 runs
of: measure, create K objects, measure again, divide the growth by K.
"""
import asyncio
import gc
import os
import statistics
import sys
import threading
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor


def status(pid="self"):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, v = line.split(":", 1)
            if k in ("VmRSS", "VmSize"):
                out[k] = int(v.split()[0]) * 1024
    return out


def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None


async def idle():
    await asyncio.sleep(3600)


def per_coroutine(k=100_000):
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    coros = [idle() for _ in range(k)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    list_bytes = sys.getsizeof(coros)
    for c in coros:
        c.close()
    return (after - before - list_bytes) / k, sys.getsizeof(coros[0])


async def tasks_blocked(k, out):
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    rss0 = status()["VmRSS"]
    tasks = [asyncio.create_task(idle()) for _ in range(k)]
    await asyncio.sleep(0.01)  # every task has run its first step and sleeps
    after = tracemalloc.get_traced_memory()[0]
    rss1 = status()["VmRSS"]
    tracemalloc.stop()
    out.append(((after - before) / k, (rss1 - rss0) / k))
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def per_thread(k=200):
    stop = threading.Event()
    started = []
    s0 = status()
    threads = [threading.Thread(target=stop.wait) for _ in range(k)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    s1 = status()
    stop.set()
    for t in threads:
        t.join()
    return (s1["VmRSS"] - s0["VmRSS"]) / k, (s1["VmSize"] - s0["VmSize"]) / k


def touch(n):
    return os.getpid()


def per_process():
    with ProcessPoolExecutor(max_workers=2) as ex:
        pids = set()
        for _ in range(20):
            pids.add(ex.submit(touch, 0).result())
        time.sleep(0.2)
        rows = [(status(p)["VmRSS"], pss(p)) for p in pids]
    return rows


def main():
    print(f"CPython {sys.version.split()[0]}, os.cpu_count()={os.cpu_count()}")
    # processes first, while the parent is still small (a forked worker
    # shares the parent's pages, so its RSS counts them; PSS splits them)
    s = status()
    print(f"parent before the pool: RSS {s['VmRSS'] / 2**20:.1f} MiB, PSS {pss('self') / 2**20:.1f} MiB")
    for rss, p in per_process():
        print(f"ProcessPoolExecutor worker (fork): RSS {rss / 2**20:.1f} MiB, PSS {p / 2**20:.1f} MiB")
    print(f"threading.stack_size() = {threading.stack_size()} (0 = platform default)")
    with open("/proc/self/limits") as f:
        for line in f:
            if line.startswith("Max stack size"):
                print("ulimit:", " ".join(line.split()))
    r = [per_coroutine() for _ in range(3)]
    print(f"idle coroutine object: {statistics.median(x[0] for x in r):.0f} B traced "
          f"(sys.getsizeof {r[0][1]} B)")
    r = []
    for _ in range(3):
        asyncio.run(tasks_blocked(50_000, r))
    print(f"pending Task sleeping in asyncio.sleep (task+coroutine+future+timer): "
          f"{statistics.median(x[0] for x in r):.0f} B traced, "
          f"{statistics.median(x[1] for x in r):.0f} B RSS")
    r = [per_thread() for _ in range(3)]
    print(f"started idle thread: {statistics.median(x[0] for x in r) / 1024:.1f} KiB RSS, "
          f"{statistics.median(x[1] for x in r) / 1024:.0f} KiB virtual")


if __name__ == "__main__":
    main()
