# Rule: terminate() stops a child with SIGTERM (exit code -15) and kill() with SIGKILL (-9); join(timeout) returns while it still runs, and the repr ends with the signal's name once it has stopped.
import multiprocessing as mp
import time


def forever():
    while True:
        time.sleep(0.01)


if __name__ == "__main__":
    p = mp.Process(target=forever)
    p.start()
    p.join(timeout=0.2)
    print("after join(0.2):", p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print("terminated:", p.is_alive(), p.exitcode, repr(p).split()[-1])
    k = mp.Process(target=forever, name="victim")
    k.start()
    time.sleep(0.05)
    k.kill()
    k.join()
    print("killed:", k.exitcode, repr(k).split()[-1])
    print(mp.active_children())
