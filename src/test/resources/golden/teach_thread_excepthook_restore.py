# custom threading.excepthook that logs and is then restored
import threading

def hook(args):
    print(f"hook: {args.exc_type.__name__}: {args.exc_value} in {args.thread.name}")

def bad(msg):
    raise ValueError(msg)

threading.excepthook = hook
t = threading.Thread(target=bad, args=("first",), name="bad-1")
t.start()
t.join()
print(threading.__excepthook__ is not hook, threading.__excepthook__)
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=bad, args=("second",), name="bad-2")
t.start()
t.join()
print("done")
