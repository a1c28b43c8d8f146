# Rule: an exception in a pool job is stored in its future; result() raises
# it in the caller and exception() returns it (None for a success).
import concurrent.futures


def risky(x):
    if x == 0:
        raise ZeroDivisionError("x is zero")
    return 10 / x


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(risky, x) for x in [5, 0, 4]]
    for f in futures:
        try:
            print("result:", f.result())
        except ZeroDivisionError as e:
            print("raised:", type(e).__name__, e)
    print([repr(f.exception()) for f in futures])
    print("all done:", [f.done() for f in futures])
