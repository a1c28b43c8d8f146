# Rule: each ProcessPoolExecutor worker is a separate process with its own os.getpid(), different from the parent's, and os.getppid() in a worker is the parent's pid.
import os
import time
from concurrent.futures import ProcessPoolExecutor


def whoami(_):
    time.sleep(0.2)
    return os.getpid(), os.getppid()


if __name__ == "__main__":
    main_pid = os.getpid()
    with ProcessPoolExecutor(max_workers=2) as ex:
        ids = list(ex.map(whoami, range(2)))
    pids = {pid for pid, _ in ids}
    print("distinct worker pids:", len(pids), "parent among them:", main_pid in pids)
    print("workers' parent is main:", all(ppid == main_pid for _, ppid in ids))
