# What a worker process cannot pickle back fails the future with the pickling error, whose traceback in the worker (through _sendback_result) is the __cause__
from concurrent.futures import ProcessPoolExecutor


class Boom(Exception):
    def __str__(self):
        return 'boom with an unpicklable payload'


def make_adder(n):
    def add(x):
        return x + n
    return add


def fail():
    raise Boom(make_adder(1))


if __name__ == '__main__':
    with ProcessPoolExecutor(1) as ex:
        e = ex.submit(fail).exception()
        print(type(e).__name__, '|', e)
        print(e.__cause__)
        print(ex.submit(make_adder, 2).result())
