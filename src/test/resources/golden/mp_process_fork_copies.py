# Rule: with the fork start method a child gets a copy of the parent's memory at start(): it sees globals set before, but what it changes (globals, the lists passed to it) stays in the child.
import multiprocessing as mp

settings = {"mode": "default"}
seen = []


def child(items):
    settings["mode"] = "changed in child"
    items.append("child item")
    seen.append("child")
    print("child:", settings, items, seen)


if __name__ == "__main__":
    settings["mode"] = "set before start"
    items = ["parent item"]
    p = mp.Process(target=child, args=(items,))
    p.start()
    p.join()
    print("parent:", settings, items, seen)
    settings["mode"] = "set after start"
    print("parent:", settings)
