# Rule: a Process subclass overrides run(); its default name is the class name and a number (Squarer-1), and an exception raised in run() is reported with the traceback from _bootstrap through the subclass's run.
import multiprocessing as mp


class Squarer(mp.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print(self.name, "computes", self.n * self.n)


class Broken(mp.Process):
    def run(self):
        raise LookupError(f"{self.name} cannot find it")


if __name__ == "__main__":
    procs = [Squarer(3), Squarer(4), Broken()]
    for p in procs:
        p.start()
        p.join()
    print([(p.name, p.exitcode) for p in procs])
    print(type(procs[0]).__mro__[1].__name__)
