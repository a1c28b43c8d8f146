# Rule: ThreadPoolExecutor and ProcessPoolExecutor refuse max_workers <= 0 with ValueError; uncaught, the traceback shows the executor's __init__ in concurrent/futures.
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

for n in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=n)
    except ValueError as e:
        print("threads", n, e)
try:
    ProcessPoolExecutor(max_workers=0)
except ValueError as e:
    print("processes", e)
if __name__ == "__main__":
    ProcessPoolExecutor(0)
