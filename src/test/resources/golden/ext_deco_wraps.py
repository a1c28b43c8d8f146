# Rule: functools.wraps copies __module__, __name__, __qualname__, __doc__ and
# __annotations__, merges the wrapped function's __dict__ and sets __wrapped__ (after
# the merge, so each layer names the function it wraps); without it the wrapper keeps
# its own names; update_wrapper works on any object, such as a callable class instance.
import functools


def counted(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return f(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def plain(f):
    def wrapper(*args):
        return f(*args)
    return wrapper


@counted
@counted
def area(w: int, h: int = 1) -> int:
    """Area of a rectangle."""
    return w * h


print(area(3, 4), area(5))
print(area.__name__, area.__qualname__, area.__doc__, area.__module__)
print(area.__annotations__)
print(area.calls, area.__wrapped__.calls, area.__wrapped__.__wrapped__.__name__)
print(sorted(vars(area)))


@plain
def hidden():
    "not copied"


print(hidden.__name__, hidden.__qualname__, hidden.__doc__)


class Memo:
    def __init__(self, f):
        functools.update_wrapper(self, f)
        self.seen = {}

    def __call__(self, n):
        if n not in self.seen:
            self.seen[n] = self.__wrapped__(n)
        return self.seen[n]


@Memo
def slow_square(n):
    "Squares slowly."
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square.__name__, slow_square.__doc__)


def only_name(f):
    @functools.wraps(f, assigned=("__name__",), updated=())
    def inner():
        "inner doc"
        return f()
    return inner


@only_name
def greet():
    "greet doc"
    return "hello"


print(greet(), greet.__name__, greet.__qualname__, greet.__doc__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
