# Rule: children put results on a multiprocessing.Queue, which pickles them; the parent's get() blocks until each arrives (sorted here, as the children finish in the OS's order) and unpickled objects are equal copies.
import multiprocessing as mp


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def worker(start, stop, out):
    best = max(range(start, stop), key=collatz_steps)
    out.put({"range": (start, stop), "best": best, "steps": collatz_steps(best)})


if __name__ == "__main__":
    out = mp.Queue()
    bounds = [(1, 2000), (2000, 4000), (4000, 6000)]
    procs = [mp.Process(target=worker, args=(a, b, out)) for a, b in bounds]
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    for r in sorted(results, key=lambda r: r["range"]):
        print(r)
    print([p.exitcode for p in procs], out.empty())
