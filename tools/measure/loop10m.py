"""Time per iteration of `for i in range(N): s += i` with N = 10_000_000,
inside a function and at module level; thread CPU time, 5 runs, median
(and best) printed.

Run:  python3.12 tools/measure/loop10m.py
"""
import statistics
import sys
import time

N = 10_000_000


def in_function(n):
    s = 0
    for i in range(n):
        s += i
    return s


MODULE_CODE = compile("s = 0\nfor i in range(N):\n    s += i\n", "<module>", "exec")


def run(label, fn):
    times = []
    for _ in range(5):
        t0 = time.thread_time()
        fn()
        times.append(time.thread_time() - t0)
    print(f"{label:<14} median {statistics.median(times) / N * 1e9:5.1f} ns/iteration "
          f"(best {min(times) / N * 1e9:5.1f}), {statistics.median(times):.3f} s total")


print(f"CPython {sys.version.split()[0]}, N={N:,}")
run("function", lambda: in_function(N))
run("module level", lambda: exec(MODULE_CODE, {"N": N}))
