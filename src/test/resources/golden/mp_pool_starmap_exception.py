# Rule: starmap unpacks each item as itertools.starmap does, so an item that is not iterable fails in the worker with the traceback through pool.py starmapstar, re-raised in the parent.
from multiprocessing import Pool


def add(a, b):
    return a + b


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.starmap(add, [(1, 2), ("a", "b")]))
        pool.starmap(add, [(1, 2), 3])
