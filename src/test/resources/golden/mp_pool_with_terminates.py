# Rule: leaving "with Pool() as p:" calls terminate(), not close(): the workers are stopped at once, so an async call still running then never finishes (ready() stays False) even though the program ends normally.
import multiprocessing as mp
import time


def slow(x):
    time.sleep(0.5)
    print("never printed", x)
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        pending = pool.apply_async(slow, (1,))
        quick = pool.apply_async(abs, (-7,))
        print("quick:", quick.get())
    print("after the with-block:", pending.ready())
