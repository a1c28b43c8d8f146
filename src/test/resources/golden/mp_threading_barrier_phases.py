# Rule: threading.Barrier(n, action) lets n threads through together: the last to arrive runs the action first, each wait() returns a distinct index, and the barrier can be used again for the next phase.
import threading
import time

log = []
barrier = threading.Barrier(3, action=lambda: print("-- all", barrier.parties, "arrived --"))


def runner(i):
    for phase in range(2):
        time.sleep(0.01 * (i + 1))
        print("thread", i, "arrives, phase", phase)
        index = barrier.wait()
        log.append(index)


threads = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(log), barrier.n_waiting, barrier.broken)
