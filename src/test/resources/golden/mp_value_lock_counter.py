# Rule: a multiprocessing.Value lives in memory the forked children share; incrementing it under its lock (get_lock()) from four processes loses no update.
import multiprocessing as mp


def add(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    counter = mp.Value("i", 0)
    procs = [mp.Process(target=add, args=(counter, 250)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter, counter.value)
    total = mp.Value("d", 0.5)
    print(total, total.value, total.get_lock())
