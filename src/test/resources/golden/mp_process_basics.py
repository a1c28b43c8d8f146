# Rule: multiprocessing.Process runs its target in a forked child: names are Process-N, the child's current_process() is that Process and parent_process() is MainProcess; exitcode is None before start and 0 after a normal end.
import multiprocessing as mp


def greet(who, punctuation="!"):
    me = mp.current_process()
    print(f"hello {who}{punctuation} from {me.name}, parent {mp.parent_process().name}")


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    p = mp.Process(target=greet, args=("world",), kwargs={"punctuation": "?"})
    print(p.name, p.is_alive(), p.exitcode, p.daemon, p.pid)
    p.start()
    p.join()
    print(p.name, p.is_alive(), p.exitcode)
    q = mp.Process(target=greet, args=("again",), name="custom-name")
    q.start()
    q.join()
    print(q.name, q.exitcode, mp.active_children())
