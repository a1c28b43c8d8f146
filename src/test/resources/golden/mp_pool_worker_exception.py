# Rule: an exception raised in a Pool worker is re-raised in the parent by get()/map(), with the worker's traceback (through pool.py worker and mapstar) as a multiprocessing.pool.RemoteTraceback cause.
from multiprocessing import Pool


def check(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(check, [1, 2]))
        try:
            pool.apply(check, (3,))
        except ValueError as e:
            print("caught:", e, type(e.__cause__).__name__)
        pool.map(check, range(5))
