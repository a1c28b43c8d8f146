# Rule: a closed or terminated Pool refuses new work with ValueError("Pool not running"), join() before close() raises "Pool is still running", and close()+join() waits for the work already given.
from multiprocessing import Pool
import time


def slow_double(x):
    time.sleep(0.05)
    return 2 * x


if __name__ == "__main__":
    pool = Pool(2)
    results = [pool.apply_async(slow_double, (i,)) for i in range(4)]
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.close()
    pool.join()
    print([r.get() for r in results], repr(pool).split()[1])
    try:
        pool.map(slow_double, [1])
    except ValueError as e:
        print("ValueError:", e)
    with Pool(1) as p2:
        pass
    p2.apply(slow_double, (1,))
