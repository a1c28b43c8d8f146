# Rule: threading.Condition.notify() wakes the thread that has waited longest, so tokens handed out one at a time go to the waiters in the order they started waiting; notify_all() wakes the rest.
import threading
import time

cond = threading.Condition()
tokens = []
taken = []


def consumer(name):
    with cond:
        while not tokens:
            cond.wait()
        token = tokens.pop(0)
        taken.append(name)
        if token in "abc":
            print(name, "took", token)


threads = []
for name in ("first", "second", "third", "fourth", "fifth"):
    t = threading.Thread(target=consumer, args=(name,))
    t.start()
    threads.append(t)
    time.sleep(0.01)
for token in "abc":
    with cond:
        tokens.append(token)
        cond.notify()
        print("notified for", token, "while holding the lock")
    time.sleep(0.05)
with cond:
    tokens.extend(["d", "e"])
    cond.notify_all()
for t in threads:
    t.join()
print(sorted(taken[3:]), tokens)
