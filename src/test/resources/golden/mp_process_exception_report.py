# Rule: an exception that ends a child process is printed by the child as "Process NAME:" and a traceback through multiprocessing/process.py (_bootstrap, run); its exit code is 1 and the parent goes on.
import multiprocessing as mp


def parse(text):
    return int(text)


def job(text):
    print("child parses", repr(text))
    print(parse(text))


if __name__ == "__main__":
    good = mp.Process(target=job, args=("12",))
    bad = mp.Process(target=job, args=("twelve",))
    good.start()
    good.join()
    bad.start()
    bad.join()
    print("exit codes:", good.exitcode, bad.exitcode)
