# Rule: Pool pickles the function it sends to a worker; a nested function cannot be pickled, so map() fails in the parent with the error raised where the task handler sends the task (pool.py, connection.py, reduction.py).
from multiprocessing import Pool


def make_scaler(k):
    def scale(x):
        return k * x
    return scale


def top_level(x):
    return 2 * x


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(top_level, [1, 2, 3]))
        try:
            pool.apply(make_scaler(3), (1,))
        except AttributeError as e:
            print("AttributeError:", e)
        print("the pool still works:", pool.apply(top_level, (5,)))
        pool.map(make_scaler(2), [1, 2])
