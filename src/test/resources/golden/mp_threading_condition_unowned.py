# Rule: notify() and wait() on a Condition whose lock the thread does not hold raise RuntimeError from threading.py ("cannot notify on un-acquired lock", "cannot wait on un-acquired lock").
import threading

cond = threading.Condition()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with cond:
    cond.notify_all()
    print("inside: fine")
cond.wait(1)
