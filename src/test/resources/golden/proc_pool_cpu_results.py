# Rule: ProcessPoolExecutor (fork on Linux) under the __main__ guard runs
# CPU-bound work in worker processes; map returns results in input order.
from concurrent.futures import ProcessPoolExecutor


def sum_squares(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print([r for r in ex.map(sum_squares, [10, 1000, 100000])])
        futures = [ex.submit(collatz_steps, n) for n in [27, 97, 871, 6171]]
        print([f.result() for f in futures])
    print("pool closed")
