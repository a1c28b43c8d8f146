# Rule: an exception raised in a worker process is pickled back and
# re-raised by future.result() in the parent, same type and message.
from concurrent.futures import ProcessPoolExecutor


def check(n):
    if n % 3 == 0:
        raise ValueError(f"{n} is divisible by 3")
    return n * 10


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(check, n) for n in range(1, 7)]
        for n, f in zip(range(1, 7), futures):
            try:
                print(n, "->", f.result())
            except ValueError as e:
                print(n, "-> error:", type(e).__name__, str(e))
