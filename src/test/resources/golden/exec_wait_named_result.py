# Rule: concurrent.futures.wait() returns a named tuple DoneAndNotDoneFutures with fields done and not_done (sets of futures), which also unpacks as a pair; an empty list of futures gives two empty sets at once.
import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED


def job(d):
    time.sleep(d)
    return d


print(wait([]))
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(job, 0.1), ex.submit(job, 0.4)]
    res = wait(fs, return_when=FIRST_COMPLETED)
    print(type(res).__name__, len(res), isinstance(res, tuple))
    print([f.result() for f in res.done], len(res.not_done), res[0] is res.done)
    done, not_done = wait(fs)
    print(sorted(f.result() for f in done), not_done)
