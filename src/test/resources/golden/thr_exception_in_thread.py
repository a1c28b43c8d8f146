# Rule: an exception that ends a thread's run() is reported on stderr as "Exception in
# thread NAME:" with a traceback through threading.py; the thread ends, join() returns
# normally and the program goes on with exit status 0; SystemExit is silent.
import sys
import threading


def fails(x):
    return 10 // x


def exits():
    sys.exit(3)


t = threading.Thread(target=fails, args=(0,))
t.start()
t.join()
print("joined, alive:", t.is_alive())
s = threading.Thread(target=exits, name="quiet")
s.start()
s.join()
print("main goes on")
