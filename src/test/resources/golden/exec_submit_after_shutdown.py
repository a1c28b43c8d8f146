# Rule: after shutdown() (which may be called twice) an executor refuses new work: submit() raises RuntimeError('cannot schedule new futures after shutdown') from concurrent/futures/thread.py or process.py; work submitted before still completes.
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def slow(x):
    time.sleep(0.2)
    return x


if __name__ == "__main__":
    ex = ThreadPoolExecutor(max_workers=1)
    f = ex.submit(slow, "queued before shutdown")
    ex.shutdown(wait=False)
    ex.shutdown()
    try:
        ex.submit(slow, 2)
    except RuntimeError as e:
        print("threads:", e)
    print(f.result())
    pex = ProcessPoolExecutor(max_workers=1)
    print(pex.submit(pow, 3, 4).result())
    pex.shutdown()
    pex.submit(pow, 2, 3)
