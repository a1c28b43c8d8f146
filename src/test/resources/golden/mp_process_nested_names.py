# Rule: process names count per parent: a child's own children are Process-N:1, Process-N:2..., pool workers and processes share the counter, and the names after a Pool go on from its workers.
import multiprocessing as mp


def leaf():
    me = mp.current_process()
    print("leaf", me.name, "child of", mp.parent_process().name)


def middle():
    print("middle", mp.current_process().name)
    for _ in range(2):
        p = mp.Process(target=leaf)
        p.start()
        p.join()


def worker_name(_):
    return mp.current_process().name


if __name__ == "__main__":
    m = mp.Process(target=middle)
    m.start()
    m.join()
    with mp.Pool(1) as pool:
        print(pool.apply(worker_name, (0,)))
    p = mp.Process(target=leaf)
    p.start()
    p.join()
    print(p.name)
