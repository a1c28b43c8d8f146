# Rule: several worker threads take jobs from one queue.Queue and put results on another; with a sentinel per worker each one stops, and the results (sorted: the order of workers is up to the OS) are complete.
import queue
import threading

jobs = queue.Queue()
results = queue.Queue()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            break
        results.put((n, n * n))


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for n in range(10):
    jobs.put(n)
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join()
out = []
while not results.empty():
    out.append(results.get())
print(sorted(out))
print(jobs.qsize(), results.qsize())
