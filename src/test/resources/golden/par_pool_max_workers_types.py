# max_workers is compared with 0 first, so a str fails there with CPython's TypeError, and a thread pool takes a float as a bound on its threads
from concurrent.futures import ThreadPoolExecutor
import threading, time
def nap(i):
    time.sleep(0.05)
    return threading.current_thread().name
with ThreadPoolExecutor(max_workers=2.5) as ex:
    print(sorted(set(ex.map(nap, range(6)))))
with ThreadPoolExecutor(max_workers=True) as ex:
    print(list(ex.map(nap, range(2))))
for bad in (0.0, -1.5):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print(bad, e)
ThreadPoolExecutor(max_workers='4')
