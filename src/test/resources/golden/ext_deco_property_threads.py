# Rule: a property's getter and setter run on the calling thread like any call: they can
# sleep (releasing the GIL), so two threads inside properties of the same object overlap
# in time, and a getter that sleeps sees a value another thread set meanwhile.
import threading
import time


class Slow:
    def __init__(self):
        self._value = "old"

    @property
    def value(self):
        print(threading.current_thread().name, "reading")
        time.sleep(0.5)
        print(threading.current_thread().name, "read done")
        return self._value

    @value.setter
    def value(self, v):
        print(threading.current_thread().name, "setting", v)
        time.sleep(0.2)
        self._value = v
        print(threading.current_thread().name, "set", v)


obj = Slow()
results = []


def reader():
    results.append(obj.value)


def writer():
    time.sleep(0.1)
    obj.value = "new"


threads = [threading.Thread(target=reader, name="reader"), threading.Thread(target=writer, name="writer")]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(results, "overlapped" if 0.45 < elapsed < 0.7 else f"took {elapsed:.2f} s")
