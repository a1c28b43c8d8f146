# Rule: multiprocessing.Event and Semaphore work across processes: children wait on an event the parent sets, and a Semaphore(2) lets two children at a time into its section.
import multiprocessing as mp
import time


def waiter(event, n):
    event.wait()
    print("child", n, "saw the event")


def limited(sem, inside, n):
    with sem:
        with inside.get_lock():
            inside.value += 1
            print("in:", inside.value)
        time.sleep(0.1)
        with inside.get_lock():
            inside.value -= 1


if __name__ == "__main__":
    event = mp.Event()
    w = mp.Process(target=waiter, args=(event, 1))
    w.start()
    time.sleep(0.1)
    print("setting", event.is_set())
    event.set()
    w.join()
    sem = mp.Semaphore(2)
    inside = mp.Value("i", 0)
    procs = [mp.Process(target=limited, args=(sem, inside, n)) for n in range(4)]
    for i, p in enumerate(procs):
        p.start()
        time.sleep(0.02)
    for p in procs:
        p.join()
    print(sem, inside.value, mp.BoundedSemaphore(1))
