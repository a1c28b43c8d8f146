# Rule: Pool(initializer=f, initargs=...) runs f in every worker process before its first task; a global it sets there is seen by the tasks of that worker, and the worker count defaults to os.cpu_count().
import multiprocessing as mp
import os

prefix = "unset"


def setup(value):
    global prefix
    prefix = value


def tag(x):
    return f"{prefix}-{x}"


if __name__ == "__main__":
    with mp.Pool(2, initializer=setup, initargs=("ready",)) as pool:
        print(pool.map(tag, range(4)))
    print("parent:", prefix)
    with mp.Pool() as pool:
        print(pool._processes == os.cpu_count() == mp.cpu_count())
    try:
        mp.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
    mp.Pool(2, initializer="not callable")
