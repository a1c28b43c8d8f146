# sys.setswitchinterval sets how long a thread waits for the GIL before the holder must drop it (kept in whole microseconds): with 0.1 s a sleeping thread beside a CPU-bound one gets the GIL back far less often than with the default 5 ms
import sys
import threading
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def ticks_during_crunch():
    worker = threading.Thread(target=crunch, args=(8_000_000,))
    worker.start()
    ticks = 0
    while worker.is_alive():
        time.sleep(0.01)
        ticks += 1
    worker.join()
    return ticks


print(sys.getswitchinterval())
fast = ticks_during_crunch()
sys.setswitchinterval(0.1)
print(sys.getswitchinterval())
slow = ticks_during_crunch()
print("many more ticks with the default interval:", fast > 3 * slow)
sys.setswitchinterval(0.0012345)
print(sys.getswitchinterval())
