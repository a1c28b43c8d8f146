# Rule: multiprocessing.JoinableQueue counts tasks across processes: the parent's join() returns once a child called task_done() for every item put, and one task_done() too many raises ValueError.
import multiprocessing as mp


def consumer(q):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("child handles", item)
        q.task_done()


if __name__ == "__main__":
    q = mp.JoinableQueue()
    c = mp.Process(target=consumer, args=(q,))
    c.start()
    for item in ("alpha", "beta", "gamma"):
        q.put(item)
    q.put(None)
    q.join()
    print("parent: all tasks done")
    c.join()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
