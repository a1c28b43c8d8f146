# A burst of quick calls to an idle thread pool runs on one worker
from concurrent.futures import ThreadPoolExecutor
import threading, time
def nap(i):
    time.sleep(0.05)
    return threading.current_thread().name
def quick(i):
    return i * i, threading.current_thread().name
with ThreadPoolExecutor(max_workers=3) as ex:
    print(sorted(set(ex.map(nap, range(3)))))
    time.sleep(0.1)
    results = list(ex.map(quick, range(6)))
    print([r for r, _ in results])
    print(len({name for _, name in results}), 'worker ran them all')
    futures = [ex.submit(quick, i) for i in range(4)]
    print(len({f.result()[1] for f in futures}), 'worker again')
    print(threading.active_count(), 'threads')
