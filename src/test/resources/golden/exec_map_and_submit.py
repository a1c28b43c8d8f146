# Rule: executor.map yields results in input order; submit returns a future
# whose result() blocks until done; the with block waits for all work.
import time
from concurrent.futures import ThreadPoolExecutor


def slow_double(x):
    time.sleep(0.05 * (4 - x))
    return 2 * x


def main():
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as ex:
        print("map:", [r for r in ex.map(slow_double, [1, 2, 3])])
        f = ex.submit(slow_double, 0)
        print("future done right after submit:", f.done())
        print("result():", f.result(), "done now:", f.done())
        late = [ex.submit(slow_double, x) for x in [3, 2, 1]]
    print("after with: all done:", [x.done() for x in late])
    print("results:", [x.result() for x in late])
    print(f"elapsed {time.perf_counter() - t0:.1f}s")


main()
