# A call a process pool cannot pickle fails in its future, not in submit: the call queue's feeder thread sets the error, with its own traceback as the __cause__
from concurrent.futures import ProcessPoolExecutor


def outer():
    def local(x):
        return x
    return local


def ok(x):
    return x + 100


if __name__ == '__main__':
    fn = outer()
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(fn, 1)
        print(repr(f.exception()))
        print(type(f.exception().__cause__).__name__)
        bad = [ex.submit(fn, i) for i in range(5)]
        good = [ex.submit(ok, i) for i in range(3)]
        print(sum(b.exception() is not None for b in bad), [g.result() for g in good])
        print(list(ex.map(fn, [1, 2])))
