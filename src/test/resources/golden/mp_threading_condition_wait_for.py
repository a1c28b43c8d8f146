# Rule: Condition.wait(timeout) returns False when the time runs out, wait_for(predicate, timeout) returns the predicate's last value, and a Condition over a plain Lock works in a with-block as well as over the default RLock.
import threading
import time

cond = threading.Condition(threading.Lock())
state = {"ready": False}


def setter():
    time.sleep(0.2)
    with cond:
        state["ready"] = True
        cond.notify_all()


threading.Thread(target=setter).start()
with cond as entered:
    print("entered:", entered)
    t0 = time.monotonic()
    print("wait:", cond.wait(timeout=0.05), round(time.monotonic() - t0, 2))
    print("wait_for:", cond.wait_for(lambda: state["ready"], timeout=0.05))
    print("wait_for:", cond.wait_for(lambda: state["ready"] and "yes"), round(time.monotonic() - t0, 1))
rc = threading.Condition()
with rc:
    with rc:
        print("nested RLock levels survive a wait:", rc.wait(0.01))
    rc.notify()
print("done")
