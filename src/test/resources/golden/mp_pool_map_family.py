# Rule: multiprocessing.Pool runs calls in worker processes: map/starmap/apply return results in argument order, apply_async/map_async return AsyncResults, imap yields in order and imap_unordered as results come.
from multiprocessing import Pool


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    with Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=4))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.apply(power, (2,), {"exp": 10}))
        r = pool.apply_async(square, (12,))
        print(r.get(), r.ready(), r.successful())
        m = pool.map_async(square, [1, 2, 3])
        m.wait()
        print(m.get())
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(pool.map(square, []), list(pool.imap(square, [])))
