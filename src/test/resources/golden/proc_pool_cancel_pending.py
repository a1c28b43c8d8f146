# Rule: a process pool's manager thread moves submitted calls into a call queue of max_workers + 1 places; a call in that queue counts as running and can no longer be cancelled, only the calls still waiting behind it can; shutdown(cancel_futures=True) cancels those too.
import time
from concurrent.futures import ProcessPoolExecutor


def slow(x):
    time.sleep(0.3)
    return x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        first = ex.submit(slow, 0)
        time.sleep(0.1)  # the worker is busy with the first call now
        fs = [first] + [ex.submit(slow, i) for i in range(1, 5)]
        time.sleep(0.05)
        print("running:", [f.running() for f in fs])
        print("cancel:", [f.cancel() for f in fs])
        print([f.result() for f in fs if not f.cancelled()])
    with ProcessPoolExecutor(max_workers=1) as ex:
        first = ex.submit(slow, 0)
        time.sleep(0.1)
        fs = [first] + [ex.submit(slow, i) for i in range(1, 6)]
        time.sleep(0.05)
        ex.shutdown(cancel_futures=True)
        print("after shutdown:", [f.cancelled() for f in fs], [f.result() for f in fs if not f.cancelled()])
