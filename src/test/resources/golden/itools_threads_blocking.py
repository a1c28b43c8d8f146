# blocking calls inside generators consumed by itertools: threads interleave as in CPython
import threading, time, itertools, heapq

lock = threading.Lock()
log = []

def produce(name, n, delay):
    for i in range(n):
        time.sleep(delay)
        with lock:
            log.append(f"{name}{i}")
        yield i

def worker(name, delay):
    for batch in itertools.batched(produce(name, 5, delay), 2):
        print(name, "batch", batch)
    print(name, "sum", sum(itertools.islice(itertools.cycle(produce(name, 2, delay)), 5)))

ts = [threading.Thread(target=worker, args=(n, d)) for n, d in [("A", 0.02), ("B", 0.11)]]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log)

def slow_key(x):
    time.sleep(0.001)
    return -x
print(heapq.nsmallest(2, [1, 5, 3], key=slow_key), sorted(itertools.chain([2], produce("C", 2, 0.001))))
