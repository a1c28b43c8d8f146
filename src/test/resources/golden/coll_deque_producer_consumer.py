# producer/consumer with a deque as work queue under a lock and condition
import threading
import time
from collections import deque

jobs = deque()
cond = threading.Condition()
done = []

def producer(n):
    for i in range(n):
        time.sleep(0.01)
        with cond:
            jobs.append(i)
            cond.notify()
    with cond:
        jobs.append(None)
        cond.notify_all()

def consumer(name):
    while True:
        with cond:
            while not jobs:
                cond.wait()
            job = jobs[0]
            if job is None:
                return
            jobs.popleft()
        done.append((name, job * job))

threads = [threading.Thread(target=producer, args=(6,))] + [threading.Thread(target=consumer, args=(f"c{i}",)) for i in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(j for _, j in done), len(done), jobs)
