# Rule: threading.local gives each thread its own attributes; a subclass's __init__ runs again, with the same arguments, the first time another thread uses the object.
import threading

data = threading.local()
data.name = "main"


class Settings(threading.local):
    def __init__(self, level):
        print("init in", threading.current_thread().name, "level", level)
        self.level = level


settings = Settings(1)
settings.level = 99


def work(n):
    print(n, "has name?", hasattr(data, "name"), "level", settings.level)
    data.name = f"worker {n}"
    settings.level += n
    print(n, data.name, settings.level)


for n in (1, 2):
    t = threading.Thread(target=work, args=(n,), name=f"T{n}")
    t.start()
    t.join()
print(data.name, settings.level)
try:
    data.missing
except AttributeError as e:
    print(e)
