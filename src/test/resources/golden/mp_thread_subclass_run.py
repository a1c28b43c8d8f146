# Rule: a threading.Thread subclass overrides run(); start() runs it on a new thread, attributes set there are seen after join(), and an exception from run() is reported as "Exception in thread NAME:".
import threading


class Summer(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"summer-{n}")
        self.n = n
        self.total = None

    def run(self):
        self.total = sum(range(self.n))


class Failing(threading.Thread):
    def run(self):
        raise RuntimeError(f"{self.name} failed")


workers = [Summer(10 ** k) for k in range(1, 4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([(w.name, w.total) for w in workers])
f = Failing()
f.start()
f.join()
print("main goes on", f.is_alive())
