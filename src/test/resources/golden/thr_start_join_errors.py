# Rule: start() twice, join() before start() and a thread joining itself are RuntimeErrors
# with CPython's messages; uncaught in the main thread, the traceback ends in threading.py.
import threading

errors = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=join_self)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
t.join()
print("in the thread:", errors)
t.start()
