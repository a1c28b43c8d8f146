# Rule: ThreadPoolExecutor(initializer=f, initargs=...) runs f(*initargs) in each worker thread before its first call, and ProcessPoolExecutor in each worker process; if a thread pool's initializer raises, it is logged as "Exception in initializer:" with a traceback through thread.py, the queued calls fail with BrokenThreadPool and later submits are refused.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

inits = []
setting = {"mode": "parent"}


def init(tag):
    inits.append((tag, threading.current_thread().name))


def job(x):
    time.sleep(0.1)
    return x * 2


def set_mode(mode):
    setting["mode"] = mode


def read_mode(x):
    return setting["mode"], x


def bad_init():
    raise RuntimeError("cannot open the database")


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("hello",)) as ex:
        print(list(ex.map(job, range(3))))
    print(sorted(inits))
    with ProcessPoolExecutor(max_workers=1, initializer=set_mode, initargs=("worker",)) as ex:
        print(list(ex.map(read_mode, range(2))), setting)
    try:
        ThreadPoolExecutor(initializer=42)
    except TypeError as e:
        print("TypeError:", e)
    with ThreadPoolExecutor(max_workers=1, initializer=bad_init) as ex:
        f = ex.submit(job, 1)
        try:
            f.result()
        except Exception as e:
            print(type(e).__name__, e)
        try:
            ex.submit(job, 2)
        except Exception as e:
            print(type(e).__name__, e)
