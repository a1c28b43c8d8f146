# Rule: stacked decorators: every decorator expression (factory calls, attribute chains,
# any expression) is evaluated top to bottom before the def runs, then the decorators are
# applied bottom to top; a class decorator sees the finished class.
def trace(label):
    print("evaluate", label)
    def apply(target):
        print("apply", label, "to", target.__name__)
        return target
    return apply


class Registry:
    def __init__(self):
        self.names = []

    def add(self, target):
        print("register", target.__qualname__)
        self.names.append(target.__name__)
        return target


class Plugins:
    registry = Registry()


@trace("outer")
@Plugins.registry.add
@trace("inner")
def job():
    return "job ran"


print(job())


@trace("class")
@Plugins.registry.add
class Service:
    @Plugins.registry.add
    def start(self):
        return "started"


print(Service().start(), Plugins.registry.names)

picked = {"double": lambda f: lambda x: 2 * f(x)}


@picked["double"]
@(lambda f: lambda x: f(x) + 1)
def value(x):
    return x * 10


print(value(3))


def replace_with_number(f):
    return 42


@replace_with_number
def gone():
    pass


print(gone, type(gone).__name__)
