# Rule: at exit the interpreter waits for non-daemon threads (their output comes after
# the main module's last line) but not for daemon threads, which just stop.
import threading
import time


def forever():
    while True:
        time.sleep(0.05)


def finisher():
    time.sleep(0.2)
    print("non-daemon thread finishes after the main module")


d = threading.Thread(target=forever, daemon=True)
d.start()
f = threading.Thread(target=finisher)
f.start()
print("daemon:", d.daemon, "other:", f.daemon)
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main module ends")
