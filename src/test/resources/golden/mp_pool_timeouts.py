# Rule: AsyncResult.get(timeout) raises multiprocessing.TimeoutError (a ProcessError) when the result is not there in time, while the call goes on; imap's next(timeout) does the same.
import multiprocessing as mp
import time


def slow(x):
    time.sleep(x)
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r = pool.apply_async(slow, (0.5,))
        t0 = time.monotonic()
        try:
            r.get(timeout=0.1)
        except mp.TimeoutError as e:
            print("TimeoutError after", round(time.monotonic() - t0, 1), repr(e), r.ready())
        print("result:", r.get(), round(time.monotonic() - t0, 1))
        it = pool.imap(slow, [0.3, 0.0])
        try:
            it.next(timeout=0.1)
        except mp.TimeoutError:
            print("imap: not yet")
        print(list(it))
        print(issubclass(mp.TimeoutError, mp.ProcessError), mp.TimeoutError.__module__)
        pool.apply_async(slow, (1,)).get(timeout=0.2)
