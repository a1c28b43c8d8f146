# An uncaught KeyboardInterrupt prints its traceback and ends the process by SIGINT, as CPython does (exit -2 for subprocess, 130 in a shell).
def worker(n):
    if n == 3:
        raise KeyboardInterrupt
    return n * n
try:
    for i in range(5):
        print(worker(i))
finally:
    print("cleanup ran")
