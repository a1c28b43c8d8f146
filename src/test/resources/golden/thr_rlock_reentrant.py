# Rule: threading.RLock may be acquired again by the thread that holds it and must be
# released as many times; another thread waits until the last release; a thread that
# does not own it cannot release it.
import threading
import time

rlock = threading.RLock()


def nested(depth):
    with rlock:
        if depth:
            nested(depth - 1)
        else:
            print("innermost level reached")


def other():
    print("other waits for the rlock")
    with rlock:
        print("other got the rlock")
    try:
        rlock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


nested(3)
print(rlock.acquire(), rlock.acquire())
t = threading.Thread(target=other)
t.start()
time.sleep(0.1)
rlock.release()
print("released once, other still waits:", t.is_alive())
time.sleep(0.1)
rlock.release()
t.join()
print("done")
