# Rule: sys.exit(n) in a child sets its exit code to n; sys.exit() or SystemExit gives 0; sys.exit("text") prints the text on stderr and gives 1.
import multiprocessing as mp
import sys


def leave(code):
    print("leaving with", repr(code))
    sys.exit(code)


def bare():
    raise SystemExit


if __name__ == "__main__":
    for code in (0, 3, None, "bye now"):
        p = mp.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print(repr(code), "->", p.exitcode)
    p = mp.Process(target=bare)
    p.start()
    p.join()
    print("SystemExit ->", p.exitcode)
