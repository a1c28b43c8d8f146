# Rule: an exception inside a decorated function passes through the wrapper's frame in the
# traceback (the line calling the wrapped function), and functools.wraps does not change
# the names the traceback shows (they come from the code objects).
import functools


def logged(f):
    @functools.wraps(f)
    def wrapper(*args):
        print("calling", f.__name__, args)
        return f(*args)
    return wrapper


@logged
def ratio(a, b):
    return a / b


@logged
def average(values):
    return ratio(sum(values), len(values))


print(average([1, 2, 3]))
print(ratio.__name__, ratio.__wrapped__.__name__)
average([])
