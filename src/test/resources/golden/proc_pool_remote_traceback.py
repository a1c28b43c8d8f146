# Rule: an exception raised in a process-pool worker comes back to the parent with the worker's traceback, as text, in its __cause__ (a concurrent.futures.process._RemoteTraceback); uncaught, both are printed, joined by "The above exception was the direct cause of the following exception:", and ProcessPoolExecutor.map adds its _chain_from_iterable_of_lists frame.
import time
from concurrent.futures import ProcessPoolExecutor


def check(x):
    time.sleep(0.2 * x)
    if x == 2:
        raise ValueError(f"bad value {x}")
    return x * 10


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(check, 2)
        try:
            f.result()
        except ValueError as e:
            print("caught:", repr(e), "cause:", type(e.__cause__).__name__, type(e.__cause__).__module__)
        for r in ex.map(check, [1, 2]):
            print(r)
