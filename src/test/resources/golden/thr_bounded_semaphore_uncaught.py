# Rule: threading.BoundedSemaphore.release() above the initial value raises ValueError
# from threading.py; uncaught in the main thread, its traceback ends there.
import threading

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release(2)
print("back to the start")
sem.release()
