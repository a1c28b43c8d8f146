# Rule: unnamed threads are called Thread-N (target) with N counting every unnamed
# Thread ever made (started or not, named ones do not count); current_thread() and
# main_thread() return the Thread objects, and a Thread subclass may override run().
import threading


def show():
    me = threading.current_thread()
    print("running in", me.name, me is not threading.main_thread(), me.daemon)


class Greeter(threading.Thread):
    def __init__(self, who):
        super().__init__()
        self.who = who

    def run(self):
        print(f"hello {self.who} from {self.name}")


print(threading.current_thread().name, threading.main_thread().name,
      threading.current_thread() is threading.main_thread())
a = threading.Thread(target=show)
b = threading.Thread(target=show, name="worker-b")
c = threading.Thread(target=lambda: print("lambda thread", threading.current_thread().name))
unused = threading.Thread()
d = threading.Thread(target=show, daemon=True)
g = Greeter("world")
print([t.name for t in (a, b, c, unused, d, g)])
for t in (a, b, c, d, g):
    t.start()
    t.join()
b.name = "renamed"
print(b.name, b.getName(), d.daemon, d.isDaemon())
print(threading.get_ident() == threading.main_thread().ident, a.ident is not None, unused.ident)
print(repr(unused))
