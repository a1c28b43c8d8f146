# Rule: time.process_time() and time.thread_time() count CPU time only: they stand still while the program sleeps or waits, advance with a CPU-bound loop, and process_time also counts the CPU time of the process's other threads; perf_counter() counts wall time.
import threading
import time


def spin(n):
    s = 0
    for i in range(n):
        s += i
    return s


p0, c0, t0 = time.perf_counter(), time.process_time(), time.thread_time()
time.sleep(0.5)
print(f"sleep: perf {time.perf_counter() - p0:.1f}, process {time.process_time() - c0:.1f}, thread {time.thread_time() - t0:.1f}")
c0, t0 = time.process_time(), time.thread_time()
spin(4_000_000)
print("loop: process advanced", time.process_time() - c0 > 0.03, "thread advanced", time.thread_time() - t0 > 0.03)
c0, t0 = time.process_time(), time.thread_time()
w = threading.Thread(target=spin, args=(4_000_000,))
w.start()
w.join()
print("worker: process advanced", time.process_time() - c0 > 0.03, "main thread idle", time.thread_time() - t0 < 0.01)
print(type(time.process_time_ns()).__name__, type(time.thread_time_ns()).__name__)
