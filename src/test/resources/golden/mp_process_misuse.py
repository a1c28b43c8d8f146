# Rule: Process checks its use with assertions from process.py: a process starts only once, joins only after start, cannot become a daemon once started, and close() refuses while it runs.
import multiprocessing as mp
import time


def nap():
    time.sleep(0.2)


if __name__ == "__main__":
    p = mp.Process(target=nap)
    try:
        p.join()
    except AssertionError as e:
        print("AssertionError:", e)
    p.start()
    try:
        p.daemon = True
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        p.close()
    except ValueError as e:
        print("ValueError:", e)
    p.join()
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)
    q = mp.Process(target=nap)
    q.start()
    q.join()
    q.start()
