# Rule: a worker whose result cannot be pickled sends back a MaybeEncodingError instead, whose message names the result and the pickling error; the pool goes on working.
import multiprocessing as mp
import threading


def make_lock(_):
    return threading.Lock


def make_generator(n):
    return (i for i in range(n))


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        try:
            pool.apply(make_generator, (3,))
        except Exception as e:
            print(type(e).__name__)
            print(str(e).split(". ", 1)[1])
        print(pool.apply(abs, (-2,)))
