# multiprocessing locks name who holds them in their repr: this process (and thread), None when free, another
# thread of this process, or another process.
import multiprocessing as mp
import threading


def show(*locks):
    for lock in locks:
        print(threading.current_thread().name, lock)


def hold_in_child(lock, ready, done):
    lock.acquire()
    ready.set()
    done.wait()
    lock.release()


if __name__ == "__main__":
    lock, rlock = mp.Lock(), mp.RLock()
    show(lock, rlock)
    lock.acquire()
    rlock.acquire()
    rlock.acquire()
    show(lock, rlock)
    t = threading.Thread(target=show, args=(lock, rlock), name="Viewer")
    t.start()
    t.join()
    lock.release()
    rlock.release()
    rlock.release()
    ready, done = mp.Event(), mp.Event()
    p = mp.Process(target=hold_in_child, args=(lock, ready, done))
    p.start()
    ready.wait()
    show(lock)
    done.set()
    p.join()
    show(lock)
