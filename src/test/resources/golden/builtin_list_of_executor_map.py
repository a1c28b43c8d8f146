# Rule: executor.map returns a generator that blocks on each future's result();
# builtins such as list(), sorted(), sum() and str.join() consume it like a for
# loop does, waiting for the work items in input order.
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def slow_square(x):
    time.sleep(0.01 * (5 - x))
    return x * x


def shout(word):
    return word.upper()


def main():
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3) as ex:
        print("threads list:", list(ex.map(slow_square, [1, 2, 3, 4])))
        print("threads sorted:", sorted(ex.map(slow_square, [4, -3, 2]), reverse=True))
        print("threads sum:", sum(ex.map(slow_square, range(5))))
        print("threads join:", "-".join(ex.map(shout, ["a", "b", "c"])))
        print("threads tuple:", tuple(ex.map(pow, [2, 3], [5, 2])))
    print(f"threads elapsed {time.perf_counter() - t0:.1f}s")
    with ProcessPoolExecutor(max_workers=2) as ex:
        print("processes list:", list(ex.map(slow_square, [3, 1, 2])))
        print("processes sorted:", sorted(ex.map(shout, ["b", "c", "a"])))
        print("processes max:", max(ex.map(slow_square, [1, -4, 2]), key=lambda v: -v))
        print("processes dict:", dict(zip("xyz", ex.map(slow_square, [1, 2, 3]))))


if __name__ == "__main__":
    main()
