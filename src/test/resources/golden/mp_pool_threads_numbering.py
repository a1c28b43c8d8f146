# Rule: a Pool starts three daemon helper threads in the parent (Thread-1 (_handle_workers), Thread-2 (_handle_tasks), Thread-3 (_handle_results)), so threads made after it are numbered from Thread-4; a multiprocessing.Queue's feeder thread has a name of its own.
import multiprocessing as mp
import threading
import time

if __name__ == "__main__":
    pool = mp.Pool(2)
    print(sorted(t.name for t in threading.enumerate()))
    print([t.daemon for t in threading.enumerate() if t.name != "MainThread"])
    pool.close()
    pool.join()
    print(threading.active_count())
    q = mp.Queue()
    q.put("x")
    time.sleep(0.05)
    print(sorted(t.name for t in threading.enumerate()), q.get())
    t = threading.Thread(target=print, args=("hi",))
    print(t.name)
    t.start()
    t.join()
