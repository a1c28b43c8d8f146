# Rule: a multiprocessing.Lock is shared by forked children: a second process blocks in acquire until the first releases it, and a lock released too often raises ValueError.
import multiprocessing as mp
import time


def critical(lock, name, hold):
    with lock:
        print(name, "in")
        time.sleep(hold)
        print(name, "out")


if __name__ == "__main__":
    lock = mp.Lock()
    a = mp.Process(target=critical, args=(lock, "A", 0.2))
    b = mp.Process(target=critical, args=(lock, "B", 0.0))
    a.start()
    time.sleep(0.1)
    b.start()
    a.join()
    b.join()
    print(lock, lock.acquire(timeout=0.05), lock.acquire(timeout=0.05))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    r = mp.RLock()
    with r:
        with r:
            print(r)
    print(r)
